package com.etoaudiobook.api.ratelimit;

import com.etoaudiobook.aws.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The API's rate limiter, from {@link RateLimitSettings}; Redis from REDIS_URL unless
 * etoaudiobook.rate-limit.redis-url names another.
 */
@Singleton
public final class RateLimiting implements AutoCloseable {
  private final boolean enabled;
  private final ClientAddress clientAddress;
  private final RateLimits limits;
  private final ResilientRateLimiter limiter;

  @jakarta.inject.Inject
  public RateLimiting(RateLimitSettings rateLimit, Settings settings) {
    this(settings, rateLimit.enabled(), rateLimit.limits(), rateLimit.clientAddressHeader(), rateLimit.redisUrl(),
        rateLimit.redisTimeoutMs(), rateLimit.circuitOpenMs());
  }

  private RateLimiting(Settings settings, boolean enabled, String limits, String addressHeader, String redisUrl,
                       long timeoutMs, long openMs) {
    this.enabled = enabled;
    this.clientAddress = new ClientAddress(addressHeader);
    this.limits = RateLimits.parse(limits);
    String url = redisUrl == null || redisUrl.isBlank() ? settings.redisUrl() : redisUrl;
    RedisRateLimiter redis = enabled && url != null ? new RedisRateLimiter(url, Duration.ofMillis(timeoutMs)) : null;
    this.limiter = new ResilientRateLimiter(redis, Duration.ofMillis(openMs));
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
