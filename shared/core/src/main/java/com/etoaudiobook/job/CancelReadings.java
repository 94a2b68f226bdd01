package com.etoaudiobook.job;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a signal last learned of each job's cancel, trusted for a while: the many parts of a job
 * waiting on the engine use one look instead of each making one. Bounded, oldest jobs forgotten
 * first. A cancel, once seen, is kept.
 */
public final class CancelReadings {
  private final long freshNanos;
  /** Guarded by itself. */
  private final Map<String, Reading> readings = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Reading> eldest) {
      return size() > 256;
    }
  };

  private record Reading(boolean cancelled, long readAt) {
  }

  /** @param freshNanos how long a look is trusted: a cancel is seen within this */
  public CancelReadings(long freshNanos) {
    this.freshNanos = freshNanos;
  }

  /**
   * The answer to use at {@code now}, or null when the caller is to look again. One caller looks;
   * the others meanwhile get the last answer or, at a first look, "not cancelled" (the worker has
   * just read the job's record itself).
   */
  public Boolean current(String jobId, long now) {
    synchronized (readings) {
      Reading last = readings.get(jobId);
      if (last != null && (last.cancelled() || now - last.readAt() < freshNanos)) {
        return last.cancelled();
      }
      readings.put(jobId, new Reading(false, now));
      return null;
    }
  }

  /** What the look begun at {@code readAt} found. */
  public boolean record(String jobId, boolean cancelled, long readAt) {
    synchronized (readings) {
      readings.put(jobId, new Reading(cancelled, readAt));
    }
    return cancelled;
  }

  /** Forgets the job: the next caller looks (elsewhere, when this look failed). */
  public void forget(String jobId) {
    synchronized (readings) {
      readings.remove(jobId);
    }
  }
}
