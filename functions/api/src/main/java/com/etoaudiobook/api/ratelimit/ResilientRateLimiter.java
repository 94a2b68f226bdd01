package com.etoaudiobook.api.ratelimit;

import com.etoaudiobook.concurrent.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Redis when it works, memory when it does not: a circuit breaker opens on a Redis failure and
 * sends every request to the in-memory buckets until {@code openFor} has passed, then lets one
 * request probe Redis again (half-open). Requests are never refused because Redis is down.
 */
public final class ResilientRateLimiter implements RateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(ResilientRateLimiter.class);

  /** "redis" (closed), "memory" (open: Redis down or not configured). */
  public enum Backend { REDIS, MEMORY }

  private final RedisRateLimiter redis;
  private final MemoryRateLimiter memory = new MemoryRateLimiter();
  private final CircuitBreaker breaker;
  private final AtomicLong failures = new AtomicLong();

  /** @param redis null when no Redis is configured */
  public ResilientRateLimiter(RedisRateLimiter redis, Duration openFor) {
    this(redis, CircuitBreaker.onSystemClock(openFor));
  }

  /** @param breaker decides when Redis is tried again (on a clock tests can move) */
  public ResilientRateLimiter(RedisRateLimiter redis, CircuitBreaker breaker) {
    this.redis = redis;
    this.breaker = breaker;
  }

  @Override
  public Decision acquire(String routeClass, String client, RateLimits.Limit limit) {
    // closed, or half-open: exactly one caller wins the probe, the rest use memory meanwhile
    if (redis != null && breaker.allowRequest()) {
      try {
        Decision d = redis.acquire(routeClass, client, limit);
        if (breaker.recordSuccess()) {
          LOG.info("Rate limiter: Redis is back; buckets are shared again");
        }
        return d;
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        breaker.recordFailure();
        redis.reset();
        LOG.warn("Rate limiter: Redis failed ({}); in-memory buckets for {} ms", e.getClass().getSimpleName(),
            breaker.openFor().toMillis());
      }
    }
    return memory.acquire(routeClass, client, limit);
  }

  public Backend backend() {
    return redis == null || breaker.isOpen() ? Backend.MEMORY : Backend.REDIS;
  }

  public boolean redisConfigured() {
    return redis != null;
  }

  /** Pings Redis (for /metrics); false when not configured or down. */
  public boolean redisAvailable() {
    return redis != null && redis.ping();
  }

  public long redisFailures() {
    return failures.get();
  }

  @Override
  public void close() {
    if (redis != null) {
      redis.close();
    }
  }
}
