package com.etoaudiobook.api.ratelimit;

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
  private final long openForMillis;
  private final AtomicLong openUntil = new AtomicLong(0);
  private final AtomicLong failures = new AtomicLong();

  /** @param redis null when no Redis is configured */
  public ResilientRateLimiter(RedisRateLimiter redis, Duration openFor) {
    this.redis = redis;
    this.openForMillis = openFor.toMillis();
  }

  @Override
  public Decision acquire(String routeClass, String client, RateLimits.Limit limit) {
    if (redis != null) {
      long until = openUntil.get();
      long now = System.currentTimeMillis();
      // closed, or half-open: exactly one caller wins the probe, the rest use memory meanwhile
      if (until == 0 || (now >= until && openUntil.compareAndSet(until, now + openForMillis))) {
        try {
          Decision d = redis.acquire(routeClass, client, limit);
          if (until != 0) {
            LOG.info("Rate limiter: Redis is back; buckets are shared again");
          }
          openUntil.set(0);
          return d;
        } catch (RuntimeException e) {
          failures.incrementAndGet();
          openUntil.set(System.currentTimeMillis() + openForMillis);
          redis.reset();
          LOG.warn("Rate limiter: Redis failed ({}); in-memory buckets for {} ms", e.getClass().getSimpleName(),
              openForMillis);
        }
      }
    }
    return memory.acquire(routeClass, client, limit);
  }

  public Backend backend() {
    return redis == null || openUntil.get() != 0 ? Backend.MEMORY : Backend.REDIS;
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
