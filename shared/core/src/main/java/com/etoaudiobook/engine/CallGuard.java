package com.etoaudiobook.engine;

/**
 * What the caller of an engine lets it know before each remote call: until when the call may
 * still start (the invocation's time left), and whether the work is still wanted (the job was not
 * cancelled). An engine that makes several calls per part asks before each one.
 */
public interface CallGuard {
  /** No deadline, never cancelled: previews, the CLI, tests. */
  CallGuard NONE = new CallGuard() {
  };

  /** System.nanoTime() after which no new call should start; Long.MAX_VALUE for none. */
  default long deadlineNanos() {
    return Long.MAX_VALUE;
  }

  /** Throws {@link Cancelled} when the work is no longer wanted; cheap, called before every call. */
  default void check() {
  }

  /** Milliseconds left before the deadline (Long.MAX_VALUE without one). */
  default long remainingMillis() {
    long deadline = deadlineNanos();
    return deadline == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
  }

  /** The work was cancelled: not a failure, nothing to retry. */
  final class Cancelled extends RuntimeException {
    public Cancelled(String message) {
      super(message, null, false, false);
    }
  }
}
