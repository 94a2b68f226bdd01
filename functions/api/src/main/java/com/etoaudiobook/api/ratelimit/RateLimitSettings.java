package com.etoaudiobook.api.ratelimit;

import com.etoaudiobook.aws.settings.Check;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The API's rate limits (application.properties maps RATE_LIMIT_ENABLED, RATE_LIMITS and
 * CLIENT_ADDRESS_HEADER here; the local runtime sets them as properties).
 *
 * @param enabled             limits on or off
 * @param limits              name=COUNT/WINDOW,... over the defaults
 * @param clientAddressHeader where the client address comes from; empty: the connection's source
 * @param redisUrl            the shared buckets, when not REDIS_URL
 * @param redisTimeoutMs      the longest a Redis call may take before the in-memory buckets answer
 * @param circuitOpenMs       how long Redis is skipped after a failure
 */
@ConfigurationProperties("etoaudiobook.rate-limit")
public record RateLimitSettings(@Bindable(defaultValue = "true") boolean enabled,
                                @Nullable String limits,
                                @Nullable String clientAddressHeader,
                                @Nullable String redisUrl,
                                @Bindable(defaultValue = "200") long redisTimeoutMs,
                                @Bindable(defaultValue = "5000") long circuitOpenMs) {
  public RateLimitSettings {
    Check.range(redisTimeoutMs, 1, 60_000, "ETOAUDIOBOOK_RATE_LIMIT_REDIS_TIMEOUT_MS", "redisTimeoutMs");
    Check.range(circuitOpenMs, 1, 3_600_000, "ETOAUDIOBOOK_RATE_LIMIT_CIRCUIT_OPEN_MS", "circuitOpenMs");
  }
}
