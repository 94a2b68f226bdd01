package com.etoaudiobook.job;

/**
 * The fallback signal: the job's record itself, read again at most every half second per job and
 * process (a cancel is then seen within that time). Costs a storage read per job twice a second
 * while parts of it wait on the engine; the other signals spare it.
 */
public final class StoreCancelSignal implements CancelSignal {
  /** How long a reading of the record is trusted: a cancel is seen within this. */
  static final long FRESH_NANOS = 500_000_000L;
  private final JobStore store;
  /** One read of the record per job per half second, not one per part (one GET per half second). */
  private final CancelReadings readings = new CancelReadings(FRESH_NANOS);

  public StoreCancelSignal(JobStore store) {
    this.store = store;
  }

  /** Nothing to send: the cancel is in the record, which the workers read. */
  @Override
  public void send(String jobId) {
  }

  /** A job that is gone counts as cancelled: there is nothing left to make its parts for. */
  @Override
  public boolean cancelled(String jobId) {
    long now = System.nanoTime();
    Boolean known = readings.current(jobId, now);
    if (known != null) {
      return known;
    }
    Job job = store.job(jobId);
    return readings.record(jobId, job == null || job.state() == JobState.CANCELLED, now);
  }

  @Override
  public String toString() {
    return "cancels read from the job's record";
  }
}
