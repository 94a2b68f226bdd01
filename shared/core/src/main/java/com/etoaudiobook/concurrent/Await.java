package com.etoaudiobook.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** A future's result, with the task's own RuntimeException rethrown as it was. */
final class Await {
  private Await() {
  }

  static <T> T result(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for background work", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
