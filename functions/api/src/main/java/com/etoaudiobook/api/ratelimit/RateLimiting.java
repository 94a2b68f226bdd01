package com.etoaudiobook.api.ratelimit;

import com.etoaudiobook.aws.Settings;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The API's rate-limit settings and limiter. From application.yml, which reads RATE_LIMIT_ENABLED,
 * RATE_LIMITS and CLIENT_ADDRESS_HEADER; Redis from REDIS_URL (or etoaudiobook.rate-limit.redis-url).
 */
@Singleton
public final class RateLimiting implements AutoCloseable {
  private final boolean enabled;
  private final ClientAddress clientAddress;
  private final RateLimits limits;
  private final ResilientRateLimiter limiter;

  public RateLimiting(Settings settings,
                      @Value("${etoaudiobook.rate-limit.enabled:true}") boolean enabled,
                      @Value("${etoaudiobook.rate-limit.limits:}") @Nullable String limits,
                      @Value("${etoaudiobook.rate-limit.client-address-header:}") @Nullable String addressHeader,
                      @Value("${etoaudiobook.rate-limit.redis-url:}") @Nullable String redisUrl,
                      @Value("${etoaudiobook.rate-limit.redis-timeout-ms:200}") long timeoutMs,
                      @Value("${etoaudiobook.rate-limit.circuit-open-ms:5000}") long openMs) {
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
