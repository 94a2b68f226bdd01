package com.etoaudiobook.book;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Cooperative cancellation of parsing. Thread.stop is gone on Java 21 (Lambda's runtime), so a parse
 * only ends early if it stops itself: the main loops of the script parser and of every format reader
 * call {@link #check()}, which throws {@link ParseStoppedException} once the thread is interrupted.
 * A check is one read of the thread's flag, so loops call it per line, node or paragraph.
 */
public final class Cancellation {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "parse-deadline");
    t.setDaemon(true);
    return t;
  });

  private Cancellation() {
  }

  /**
   * @throws ParseStoppedException when the current thread is interrupted; the flag stays set, so
   *                               whoever interrupted can still see it
   */
  public static void check() {
    if (Thread.currentThread().isInterrupted()) {
      throw new ParseStoppedException();
    }
  }

  /**
   * Runs {@code work} on this thread, interrupting it when {@code limit} passes: for callers without a
   * deadline of their own (the inbox, the CLI). The interrupt is withdrawn if the work ends first.
   */
  public static <T> T within(Duration limit, Supplier<T> work) {
    Thread self = Thread.currentThread();
    Object lock = new Object();
    boolean[] state = {false, false}; // {finished, interrupted}
    ScheduledFuture<?> alarm = TIMER.schedule(() -> {
      synchronized (lock) {
        if (!state[0]) {
          state[1] = true;
          self.interrupt();
        }
      }
    }, limit.toNanos(), TimeUnit.NANOSECONDS);
    try {
      return work.get();
    } finally {
      alarm.cancel(false);
      synchronized (lock) {
        state[0] = true;
        if (state[1]) {
          Thread.interrupted(); // our own interrupt, not the caller's: do not leak it
        }
      }
    }
  }
}
