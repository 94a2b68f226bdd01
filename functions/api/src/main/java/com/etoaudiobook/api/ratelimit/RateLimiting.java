package com.etoaudiobook.api.ratelimit;

import com.etoaudiobook.aws.redis.Redis;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * The API's rate limiter, from {@link RateLimitSettings}; over the process's shared Redis client
 * (REDIS_URL) unless etoaudiobook.rate-limit.redis-url names another Redis.
 */
@Singleton
public final class RateLimiting implements AutoCloseable {
  private final boolean enabled;
  private final ClientAddress clientAddress;
  private final RateLimits limits;
  private final ResilientRateLimiter limiter;

  @jakarta.inject.Inject
  public RateLimiting(RateLimitSettings rateLimit, Optional<Redis> shared) {
    this.enabled = rateLimit.enabled();
    this.clientAddress = new ClientAddress(rateLimit.clientAddressHeader());
    this.limits = RateLimits.parse(rateLimit.limits());
    String own = rateLimit.redisUrl() == null || rateLimit.redisUrl().isBlank() ? null : rateLimit.redisUrl().strip();
    Duration timeout = Duration.ofMillis(rateLimit.redisTimeoutMs());
    RedisRateLimiter redis = !enabled ? null : own != null ? new RedisRateLimiter(own, timeout)
        : shared.map(r -> new RedisRateLimiter(r, timeout)).orElse(null);
    this.limiter = new ResilientRateLimiter(redis, Duration.ofMillis(rateLimit.circuitOpenMs()));
  }

  public boolean enabled() {
    return enabled;
  }

  public ClientAddress clientAddress() {
    return clientAddress;
  }

  public RateLimits limits() {
    return limits;
  }

  public ResilientRateLimiter limiter() {
    return limiter;
  }

  @PreDestroy
  @Override
  public void close() {
    limiter.close();
  }
}
