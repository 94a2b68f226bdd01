package com.etoaudiobook.job.assembly;

import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobState;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.synthesis.PartFailure;

import java.util.BitSet;
import java.util.concurrent.TimeUnit;

/**
 * Which of a job's parts are done, for an assembly that starts while they are still being made: one
 * listing of the part records after the first part not yet seen (S3's StartAfter) answers for every
 * part that landed since, so a part waited for costs no read of its own. Polled at about four
 * parts' landing time (0.1 to 1 s): ten listings a second at 80 calls/s, one a second at 8; a run
 * waits only for the last parts (a minute of them at most): up to about 600 listings a job at 80/s.
 */
final class PartsLanding implements Landing {
  /** The run stops waiting: the job was cancelled, a part will not come, or the invocation's time is up. */
  static final class GaveUp extends RuntimeException {
    /** The parts come, but much later than projected when the run began: a later look, not none. */
    final boolean slowedDown;

    GaveUp(String reason, boolean slowedDown) {
      super(reason, null, false, false);
      this.slowedDown = slowedDown;
    }
  }

  private static final long MIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long MAX_POLL_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** A run waiting for parts projected this far off stops and looks again later. */
  private static final long SLOWED_DOWN_NANOS = 3 * AudiobookAssembler.LEAD_NANOS;
  /** Without a new part for this long, the job's record and failures are read: cancelled, or a part dead. */
  private static final long CHECK_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final JobStore store;
  private final String jobId;
  private final int total;
  private final long jobStartedMillis;
  private final long waitUntilNanos;
  private final BitSet done;
  private int contiguous;
  private int count;
  private long lastProgressNanos = System.nanoTime();
  private long lastCheckNanos = System.nanoTime();
  private long lastListNanos = System.nanoTime();
  private String gaveUp;
  private boolean slowedDown;

  /** @param waitUntilNanos System.nanoTime() after which no part is waited for */
  PartsLanding(JobStore store, Job job, long waitUntilNanos) {
    this.store = store;
    this.jobId = job.id();
    this.total = job.partsTotal();
    this.jobStartedMillis = job.startedAt() > 0 ? job.startedAt()
        : job.createdAt() > 0 ? job.createdAt() : System.currentTimeMillis();
    this.waitUntilNanos = waitUntilNanos;
    this.done = new BitSet(total);
  }

  /** Lists the part records that landed since the last listing. */
  synchronized void refresh() {
    lastListNanos = System.nanoTime();
    int before = count;
    for (int i : store.donePartsAfter(jobId, contiguous - 1)) {
      if (i >= 0 && i < total && !done.get(i)) {
        done.set(i);
        count++;
      }
    }
    contiguous = done.nextClearBit(contiguous);
    if (count > before) {
      lastProgressNanos = System.nanoTime();
      notifyAll();
    }
  }

  synchronized boolean allDone() {
    return count >= total;
  }

  /** Nanoseconds until the last part lands at the rate they have landed since the job started; -1 if none has. */
  synchronized long projectedNanos() {
    if (count >= total) {
      return 0;
    }
    if (count == 0) {
      return -1;
    }
    return nanosPerPart() * (total - count);
  }

  private long nanosPerPart() {
    long elapsed = TimeUnit.MILLISECONDS.toNanos(Math.max(1, System.currentTimeMillis() - jobStartedMillis));
    return count == 0 ? TimeUnit.SECONDS.toNanos(1) : elapsed / count;
  }

  /** Waits until part {@code index} is done. @throws GaveUp when it will not be, or not in time */
  @Override
  public synchronized void await(int index) {
    while (!done.get(index)) {
      if (gaveUp != null) {
        throw new GaveUp(gaveUp, slowedDown);
      }
      long now = System.nanoTime();
      if (now >= waitUntilNanos) {
        giveUp("the invocation's time is nearly up with " + (total - count) + " parts to come");
      }
      // the readers waiting together share one listing per interval
      long poll = Math.max(MIN_POLL_NANOS, Math.min(MAX_POLL_NANOS, 4 * nanosPerPart()));
      long wait = Math.min(lastListNanos + poll - now, waitUntilNanos - now);
      try {
        if (wait > 0) {
          TimeUnit.NANOSECONDS.timedWait(this, wait);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        giveUp("interrupted");
      }
      if (done.get(index) || gaveUp != null || System.nanoTime() - lastListNanos < poll) {
        continue;
      }
      refresh();
      if (projectedNanos() > SLOWED_DOWN_NANOS) {
        // the synthesis slowed (a quota shared with other jobs): no invocation held for it
        slowedDown = true;
        giveUp("the last part is now projected " + projectedNanos() / 1_000_000_000L + " s away");
      }
      now = System.nanoTime();
      if (now - lastProgressNanos >= CHECK_NANOS && now - lastCheckNanos >= CHECK_NANOS) {
        lastCheckNanos = now;
        check();
      }
    }
  }

  /** Nanoseconds since the job started. */
  long ageNanos() {
    return TimeUnit.MILLISECONDS.toNanos(Math.max(0, System.currentTimeMillis() - jobStartedMillis));
  }

  /** Whether a part not done has failed for good. */
  synchronized boolean deadPart() {
    for (PartFailure f : store.failures(jobId)) {
      if (f.dead() && f.part() < total && !done.get(f.part())) {
        return true;
      }
    }
    return false;
  }

  /** A cancelled, deleted or finished job, or a dead part, ends the wait. */
  private void check() {
    Job job = store.job(jobId);
    if (job == null || job.state() == JobState.CANCELLED || job.state() == JobState.DONE) {
      giveUp("the job is " + (job == null ? "gone" : job.state()));
    }
    if (deadPart()) {
      giveUp("a part failed for good");
    }
  }

  private void giveUp(String reason) {
    gaveUp = reason;
    notifyAll();
    throw new GaveUp(reason, slowedDown);
  }
}
