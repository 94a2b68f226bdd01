package com.etoaudiobook.concurrent;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Loads items 0, 1, 2... in order, with a bounded number of loads running ahead of the reader: a long
 * run of small reads that each wait on storage is paid in parallel, while memory holds only the
 * items started ahead.
 */
public final class ReadAhead<T> {
  private final ExecutorService pool;
  private final int count;
  private final int ahead;
  private final IntFunction<T> load;
  private final ArrayDeque<Future<T>> started = new ArrayDeque<>();
  private int nextToStart;

  /**
   * @param count how many items there are
   * @param ahead loads started ahead of the one being read (at least 1)
   * @param load  loads item i; its RuntimeException is thrown by {@link #next()}
   */
  public ReadAhead(ExecutorService pool, int count, int ahead, IntFunction<T> load) {
    this.pool = pool;
    this.count = count;
    this.ahead = ahead;
    this.load = load;
  }

  /** The next item, waiting for its load. */
  public T next() {
    while (nextToStart < count && started.size() < ahead) {
      int i = nextToStart++;
      started.add(pool.submit(() -> load.apply(i)));
    }
    return Await.result(started.remove());
  }
}
