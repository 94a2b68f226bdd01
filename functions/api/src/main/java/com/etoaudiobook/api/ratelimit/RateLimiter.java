package com.etoaudiobook.api.ratelimit;

/** Takes a token from a client's bucket for a route class. */
public interface RateLimiter extends AutoCloseable {
  /**
   * @param allowed          whether the request may proceed
   * @param remaining        whole tokens left after this request
   * @param retryAfterMillis when refused, how long until a token is back
   */
  record Decision(boolean allowed, long remaining, long retryAfterMillis) {
    /** Retry-After is in whole seconds, at least 1. */
    public long retryAfterSeconds() {
      return Math.max(1, (retryAfterMillis + 999) / 1000);
    }
  }

  Decision acquire(String routeClass, String client, RateLimits.Limit limit);

  @Override
  default void close() {
  }
}
