package com.etoaudiobook.concurrent;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Writes run beside the caller's work, at most a bounded number at once: submitting one more waits
 * for the oldest, so memory holds only the data of the writes in flight.
 */
public final class WriteBehind {
  private final ExecutorService pool;
  private final int limit;
  private final ArrayDeque<Future<?>> running = new ArrayDeque<>();

  public WriteBehind(ExecutorService pool, int limit) {
    this.pool = pool;
    this.limit = limit;
  }

  /** Starts a write; a failure of an earlier one is thrown here or by {@link #awaitAll()}. */
  public void submit(Runnable write) {
    while (running.size() >= limit) {
      Await.result(running.remove());
    }
    running.add(pool.submit(write));
  }

  /** Waits for every write started; throws the first failure. */
  public void awaitAll() {
    while (!running.isEmpty()) {
      Await.result(running.remove());
    }
  }
}
