package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** @param url REDIS_URL: the shared cache and quota limiter (ElastiCache), or none when unset or empty */
@ConfigurationProperties("redis")
public record RedisSettings(@Nullable String url) {
  public RedisSettings {
    Check.matches(url, "(rediss?://.+)?", "must be a redis:// or rediss:// URL", "REDIS_URL", "url");
  }
}
