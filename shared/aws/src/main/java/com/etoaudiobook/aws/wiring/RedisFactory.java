package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.aws.redis.Redis;
import com.etoaudiobook.aws.settings.RedisSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The process's one Redis client, for the voice catalog and the limiters; only when REDIS_URL is
 * set (users take an {@code Optional<Redis>} and keep their state in memory without it).
 */
@Factory
public class RedisFactory {
  @Singleton
  @Requires(property = "redis.url", pattern = "\\s*rediss?://.+")
  @Bean(preDestroy = "close")
  Redis redis(RedisSettings settings) {
    return new Redis(settings.url().strip());
  }
}
