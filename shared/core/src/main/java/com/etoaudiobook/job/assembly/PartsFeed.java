package com.etoaudiobook.job.assembly;

import java.util.BitSet;

/**
 * The parts of a job as the process making them finishes each: an assembly run beside the synthesis
 * ({@link AudiobookAssembler#assembleAlongside}) reads each part as soon as it is told, where a run
 * in another process lists the store for them ({@link PartsLanding}). Thread-safe.
 */
public final class PartsFeed implements Landing {
  private final BitSet done = new BitSet();
  private String stopped;

  /** Part {@code index}'s record is stored: a run waiting for it goes on. */
  public synchronized void landed(int index) {
    done.set(index);
    notifyAll();
  }

  /** Not every part will come (a part failed, the conversion was interrupted): a waiting run stops. */
  public synchronized void stop(String reason) {
    if (stopped == null) {
      stopped = reason;
    }
    notifyAll();
  }

  @Override
  public synchronized void await(int index) {
    while (!done.get(index)) {
      if (stopped != null) {
        throw new PartsLanding.GaveUp(stopped, false);
      }
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PartsLanding.GaveUp("interrupted", false);
      }
    }
  }
}
