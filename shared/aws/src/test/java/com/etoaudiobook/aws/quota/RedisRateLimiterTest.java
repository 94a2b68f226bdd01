package com.etoaudiobook.aws.quota;

import com.etoaudiobook.aws.redis.RedisScript;
import com.etoaudiobook.aws.testing.OwnRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared quota's outage handling: the project's circuit breaker, on a clock the test moves. */
class RedisRateLimiterTest {
  static final String KEY = "etoaudiobook:synthesis-quota:v1:neural";

  @Test
  void whileRedisIsDownTheInstancePacesItselfAndRedisIsTriedAgainOnlyOnceTheBreakersTimeHasPassed()
      throws Exception {
    AtomicLong clock = new AtomicLong();
    AtomicInteger fallbackCalls = new AtomicInteger();
    SynthesisRateLimiter fallback = (engine, maxWait) -> {
      fallbackCalls.incrementAndGet();
      return 0;
    };
    // a Redis of this test's own: the outage must not reach the machine's shared one
    try (OwnRedis redis = new OwnRedis();
         RedisRateLimiter limiter = new RedisRateLimiter(new RedisScript(redis.url(), Duration.ofSeconds(5),
             RedisRateLimiter.SCRIPT), Map.of("neural", 8.0), fallback, clock::get)) {
      assertTrue(limiter.reserve("neural", 10_000) >= 0);
      assertEquals(0, fallbackCalls.get(), "Redis answered");
      assertTrue(keyExists(redis), "the schedule is kept in Redis");

      redis.stop();
      assertTrue(limiter.reserve("neural", 10_000) >= 0, "a slot all the same");
      assertEquals(1, fallbackCalls.get(), "the instance's own share answered");

      redis.start(); // back, empty
      clock.addAndGet(RedisRateLimiter.RETRY.toNanos() - 1);
      limiter.reserve("neural", 10_000);
      assertEquals(2, fallbackCalls.get(), "the breaker is still open: Redis is not tried");
      assertTrue(!keyExists(redis), "nothing reached Redis");

      clock.addAndGet(1); // the breaker's open time has passed: one caller tries Redis, and it answers
      limiter.reserve("neural", 10_000);
      limiter.reserve("neural", 10_000);
      assertEquals(2, fallbackCalls.get(), "Redis answered both");
      assertTrue(keyExists(redis), "the shared schedule again");
    }
  }

  private static boolean keyExists(OwnRedis redis) {
    RedisClient client = RedisClient.create(redis.url());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return c.sync().exists(KEY) == 1;
    } finally {
      client.shutdown(0, 1, TimeUnit.SECONDS);
    }
  }
}
