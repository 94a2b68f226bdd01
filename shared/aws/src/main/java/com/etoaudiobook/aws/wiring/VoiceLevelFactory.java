package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.audio.VoiceLevelStore;
import com.etoaudiobook.aws.redis.Redis;
import com.etoaudiobook.aws.redis.RedisVoiceLevelStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Where workers share the voices' learned levels: Redis when REDIS_URL is set, unless a store is
 * given ready-made (the local runtime's file in its data folder). Without either, each process learns its own.
 */
@Factory
public class VoiceLevelFactory {
  @Singleton
  @Requires(beans = Redis.class)
  @Requires(missingBeans = VoiceLevelStore.class)
  @Bean(preDestroy = "close")
  RedisVoiceLevelStore voiceLevels(Redis redis) {
    return new RedisVoiceLevelStore(redis);
  }
}
