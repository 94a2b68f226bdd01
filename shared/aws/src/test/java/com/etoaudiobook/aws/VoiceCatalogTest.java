package com.etoaudiobook.aws;

import com.etoaudiobook.aws.testing.OwnRedis;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.voice.Voice;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The voice catalog's two cache levels against the real Redis on 127.0.0.1:6379, including an outage. */
class VoiceCatalogTest {
  static final String REDIS_URL = "redis://127.0.0.1:6379";
  final List<VoiceCatalog> open = new ArrayList<>();

  /** An engine that counts how often it is asked for its voices; a fresh provider name per test. */
  static final class CountingEngine implements SpeechEngine {
    final String provider = "test-" + UUID.randomUUID();
    final AtomicInteger voiceCalls = new AtomicInteger();

    @Override
    public String provider() {
      return provider;
    }

    @Override
    public List<Voice> voices() {
      voiceCalls.incrementAndGet();
      return List.of(new Voice("Ada", "Ada", "en-GB", "British English", "female", List.of("neural"), 22050, provider),
          new Voice("Bo", "Bo", "sv-SE", "Swedish", "male", List.of("standard"), 22050, provider));
    }

    @Override
    public int maxCharacters() {
      return 100;
    }

    @Override
    public Speech synthesize(SpeechRequest request) {
      throw new UnsupportedOperationException();
    }
  }

  @BeforeAll
  static void redisMustRun() {
    if (!redisUp()) {
      fail("These tests need Redis on 127.0.0.1:6379 (CI starts it; locally: "
          + "redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\")");
    }
  }

  @AfterEach
  void close() {
    open.forEach(VoiceCatalog::close);
  }

  VoiceCatalog catalog(List<SpeechEngine> engines, Duration breakerOpen) {
    return catalog(engines, breakerOpen, REDIS_URL);
  }

  VoiceCatalog catalog(List<SpeechEngine> engines, Duration breakerOpen, String redisUrl) {
    VoiceCatalog c = new VoiceCatalog(engines, VoiceCatalog.Options.defaults(redisUrl).withBreakerOpen(breakerOpen));
    open.add(c);
    return c;
  }

  @Test
  void containersShareTheListThroughRedisAndKeepItInCaffeine() {
    CountingEngine engine = new CountingEngine();
    VoiceCatalog first = catalog(List.of(engine), Duration.ofSeconds(10));
    VoiceCatalog second = catalog(List.of(engine), Duration.ofSeconds(10));

    assertEquals(2, first.voices().size());
    assertEquals(1, engine.voiceCalls.get());
    assertEquals(2, second.voices().size());
    assertEquals(1, engine.voiceCalls.get(), "the second container read Redis, not the engine");
    for (int i = 0; i < 5; i++) {
      second.voices();
    }
    VoiceCatalog.Stats s1 = first.stats();
    VoiceCatalog.Stats s2 = second.stats();
    assertEquals(1, s1.redisMisses());
    assertEquals(1, s1.engineLoads());
    assertEquals(1, s2.redisHits());
    assertEquals(0, s2.engineLoads());
    assertEquals(5, s2.caffeineHits());
    assertEquals(1, s2.caffeineMisses());
    assertTrue(s2.redisAvailable());
    assertEquals(0, s1.redisErrors() + s2.redisErrors());

    // stored as JSON with the hour's TTL
    RedisClient client = RedisClient.create(REDIS_URL);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      String key = "etoaudiobook:voices:v1:" + engine.provider;
      String json = c.sync().get(key);
      assertNotNull(json);
      assertEquals(engine.voices(), List.of(Json.read(json, Voice[].class)));
      long ttl = c.sync().ttl(key);
      assertTrue(ttl > 3500 && ttl <= 3600, "ttl " + ttl);
      c.sync().del(key);
    } finally {
      client.shutdown(0, 1, TimeUnit.SECONDS);
    }
    assertEquals(List.of("Ada"), first.voices("en", "female", "neural", "ad").stream().map(Voice::id).toList());
    assertEquals(List.of("Bo"), first.voices("sv", null, null, null).stream().map(Voice::id).toList());
  }

  @Test
  void withoutRedisItAnswersFromCaffeineAndTheEngine() {
    CountingEngine engine = new CountingEngine();
    VoiceCatalog c = new VoiceCatalog(List.of(engine), (String) null);
    open.add(c);
    c.voices();
    c.voices();
    assertEquals(1, engine.voiceCalls.get());
    VoiceCatalog.Stats s = c.stats();
    assertFalse(s.redisConfigured());
    assertFalse(s.redisAvailable());
    assertEquals(0, s.redisErrors());
    VoiceCatalog uncached = VoiceCatalog.uncached(List.of(engine));
    uncached.voices();
    uncached.voices();
    assertEquals(3, engine.voiceCalls.get(), "uncached asks every time");
  }

  @Test
  void aRedisOutageCostsNothingAndRedisIsUsedAgainAfterItComesBack() throws Exception {
    CountingEngine engine = new CountingEngine();
    Duration breaker = Duration.ofSeconds(30);
    java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
    // a Redis of this test's own: the outage must not reach the machine's shared one
    try (OwnRedis redis = new OwnRedis()) {
      // the breaker on a clock this test moves: its open time passes without sleeping
      VoiceCatalog c = new VoiceCatalog(List.of(engine), VoiceCatalog.Options.defaults(redis.url())
          .withBreakerOpen(breaker).withClock(clock::get));
      open.add(c);
      c.voices();
      assertTrue(c.stats().redisAvailable(), c.stats().toString());

      redis.stop();

      c.invalidateLocal();
      long t0 = System.nanoTime();
      assertEquals(2, c.voices().size(), "still answers");
      long firstMs = (System.nanoTime() - t0) / 1_000_000;
      VoiceCatalog.Stats down = c.stats();
      assertTrue(down.redisErrors() >= 1, down.toString());
      assertFalse(down.redisAvailable(), "the outage shows");
      assertTrue(firstMs < 1000, "a failing Redis is cut short: " + firstMs + " ms");

      // while the breaker is open, misses skip Redis without trying it
      long errors = down.redisErrors();
      for (int i = 0; i < 20; i++) {
        c.invalidateLocal();
        c.voices();
      }
      VoiceCatalog.Stats skipped = c.stats();
      assertEquals(errors, skipped.redisErrors(), "no new attempts while open");
      assertTrue(skipped.redisSkipped() >= 20, skipped.toString());

      redis.start();
      c.invalidateLocal();
      c.voices();
      assertEquals(errors, c.stats().redisErrors(), "Redis is back, but the breaker is still open: not tried");
      clock.addAndGet(breaker.toNanos()); // the breaker's open time passes
      long missesBefore = c.stats().redisMisses();
      c.invalidateLocal();
      c.voices();
      VoiceCatalog.Stats back = c.stats();
      assertTrue(back.redisAvailable(), back.toString());
      assertEquals(missesBefore + 1, back.redisMisses(), "Redis restarted empty: a miss, then the list is stored");

      VoiceCatalog other = catalog(List.of(engine), breaker, redis.url());
      int calls = engine.voiceCalls.get();
      other.voices();
      assertEquals(1, other.stats().redisHits(), "the list is back in Redis");
      assertEquals(calls, engine.voiceCalls.get());
    }
  }

  static boolean redisUp() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 6379), 200);
      s.getOutputStream().write("PING\r\n".getBytes());
      byte[] buf = new byte[7];
      int n = s.getInputStream().read(buf);
      return n > 0 && new String(buf, 0, n).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
