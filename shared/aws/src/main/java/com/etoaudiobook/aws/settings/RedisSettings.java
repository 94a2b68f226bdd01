package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Pattern;

/** @param url REDIS_URL: the shared cache and quota limiter (ElastiCache), or none when unset or empty */
@ConfigurationProperties("redis")
public record RedisSettings(@Nullable @Pattern(regexp = "(rediss?://.+)?", message = "must be a redis:// or rediss:// URL")
                            String url) {
}
