package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.aws.redis.Redis;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The process's one Redis client exists only when REDIS_URL names a Redis (no connection is made here). */
class RedisFactoryTest {
  @Test
  void oneClientWhenRedisUrlIsSet() {
    try (ApplicationContext beans = BeanGraph.start(Map.of("REDIS_URL", "redis://127.0.0.1:1"))) {
      Redis redis = beans.getBean(Redis.class);
      assertEquals("redis://127.0.0.1:1", redis.url());
      assertSame(redis, beans.getBean(Redis.class), "one client per process");
    }
  }

  @Test
  void noClientWhenRedisUrlIsEmpty() {
    // empty, as the template passes an unset parameter (and overriding whatever this machine has)
    try (ApplicationContext beans = BeanGraph.start(Map.of("REDIS_URL", ""))) {
      assertFalse(beans.findBean(Redis.class).isPresent());
    }
  }
}
