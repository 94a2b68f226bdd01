package com.etoaudiobook.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;

/**
 * Token buckets in this process: the fallback when Redis is down or not configured. Each
 * instance counts alone, so with N instances a client gets up to N times the limit: acceptable
 * for an outage, which is why Redis is the default when configured. Bounded: idle buckets expire.
 */
public final class MemoryRateLimiter implements RateLimiter {
  private static final class Bucket {
    double tokens;
    long updatedAt;
  }

  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .maximumSize(100_000).expireAfterAccess(Duration.ofHours(2)).build();

  @Override
  public Decision acquire(String routeClass, String client, RateLimits.Limit limit) {
    Bucket b = buckets.get(routeClass + "|" + client, k -> {
      Bucket n = new Bucket();
      n.tokens = limit.limit();
      n.updatedAt = System.currentTimeMillis();
      return n;
    });
    synchronized (b) {
      long now = System.currentTimeMillis();
      b.tokens = Math.min(limit.limit(), b.tokens + Math.max(0, now - b.updatedAt) * limit.perMilli());
      b.updatedAt = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return new Decision(true, (long) Math.floor(b.tokens), 0);
      }
      return new Decision(false, 0, (long) Math.ceil((1 - b.tokens) / limit.perMilli()));
    }
  }
}
