package com.etoaudiobook.job;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fallback signal: the job's record itself, read again at most every half second per job and
 * process (a cancel is then seen within that time). Costs a storage read per job twice a second
 * while parts of it wait on the engine; the other signals spare it.
 */
public final class StoreCancelSignal implements CancelSignal {
  /** How long a reading of the record is trusted: a cancel is seen within this. */
  static final long FRESH_NANOS = 500_000_000L;
  private final JobStore store;
  /** Per job, the last reading; bounded, oldest jobs forgotten first. Guarded by itself. */
  private final Map<String, Reading> readings = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Reading> eldest) {
      return size() > 256;
    }
  };

  public StoreCancelSignal(JobStore store) {
    this.store = store;
  }

  private record Reading(boolean cancelled, long readAt) {
  }

  /** Nothing to send: the cancel is in the record, which the workers read. */
  @Override
  public void send(String jobId) {
  }

  /** A job that is gone counts as cancelled: there is nothing left to make its parts for. */
  @Override
  public boolean cancelled(String jobId) {
    long now = System.nanoTime();
    synchronized (readings) {
      Reading last = readings.get(jobId);
      if (last != null && (last.cancelled() || now - last.readAt() < FRESH_NANOS)) {
        return last.cancelled();
      }
      // one thread reads the record (again); the many parts waiting on the engine use the last
      // reading meanwhile, or, at a first look, the worker's own reading of the job a moment ago
      // (one GET per half second, not one per part)
      readings.put(jobId, new Reading(false, now));
    }
    Job job = store.job(jobId);
    boolean cancelled = job == null || job.state() == JobState.CANCELLED;
    synchronized (readings) {
      readings.put(jobId, new Reading(cancelled, now));
    }
    return cancelled;
  }

  @Override
  public String toString() {
    return "cancels read from the job's record";
  }
}
