package com.etoaudiobook.api.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The API's rate limits (application.yml maps RATE_LIMIT_ENABLED, RATE_LIMITS and
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
                                @Min(1) @Max(60_000) @Bindable(defaultValue = "200") long redisTimeoutMs,
                                @Min(1) @Max(3_600_000) @Bindable(defaultValue = "5000") long circuitOpenMs) {
}
