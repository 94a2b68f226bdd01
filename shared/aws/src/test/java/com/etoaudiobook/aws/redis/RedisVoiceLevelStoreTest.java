package com.etoaudiobook.aws.redis;

import com.etoaudiobook.audio.LoudnessNormalizer;
import com.etoaudiobook.audio.LoudnessTarget;
import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.audio.VoiceLevelStore;
import com.etoaudiobook.audio.VoiceLevels;
import com.etoaudiobook.aws.testing.OwnRedis;
import com.etoaudiobook.aws.wiring.BeanGraph;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.storage.FileVoiceLevelStore;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Voice levels shared through a real redis-server of the test's own (never the machine's shared one). */
class RedisVoiceLevelStoreTest {
  private static OwnRedis server;
  private final List<AutoCloseable> open = new ArrayList<>();

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = new OwnRedis();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @org.junit.jupiter.api.AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  /** A store over a Redis client of its own, as another worker instance has. */
  private RedisVoiceLevelStore instance(String prefix, AtomicLong clock) {
    Redis redis = new Redis(server.url());
    open.add(redis);
    RedisVoiceLevelStore store = new RedisVoiceLevelStore(redis, prefix, Duration.ofSeconds(10), clock::get);
    open.add(store::close);
    return store;
  }

  private static String prefix() {
    return "test:voice-level:" + UUID.randomUUID() + ":";
  }

  @Test
  void whatOneInstanceStoresAnotherReadsAndItExpires() {
    String prefix = prefix();
    RedisVoiceLevelStore a = instance(prefix, new AtomicLong());
    RedisVoiceLevelStore b = instance(prefix, new AtomicLong());
    String voice = VoiceLevels.key("polly", "Joanna", "neural", 1.0, 0, "whispering");
    assertNull(b.get(voice));
    a.put(voice, new VoiceLevelStore.Stored(new double[] {-22.5, -22.25}, 11.5, true));
    VoiceLevelStore.Stored read = b.get(voice);
    assertNotNull(read);
    assertArrayEquals(new double[] {-22.5, -22.25}, read.latest(), 1e-9);
    assertEquals(2, read.confirmations());
    try (Redis redis = new Redis(server.url()); StatefulRedisConnection<String, String> c = redis.connect(Duration.ofSeconds(1))) {
      long ttl = c.sync().ttl(b.key(voice));
      assertTrue(ttl > 0 && ttl <= RedisVoiceLevelStore.TTL.toSeconds(), "expires: " + ttl);
    }
  }

  @Test
  void aVoiceMeasuredByOneInstanceIsNotDecodedByAnother() {
    String prefix = prefix();
    String voice = VoiceLevels.key("polly", "Matthew", "neural", 1.0, 0, null);
    List<byte[]> parts = voice(-25);
    LoudnessNormalizer first = new LoudnessNormalizer(LoudnessTarget.DEFAULT, instance(prefix, new AtomicLong()));
    for (int i = 0; i < 5; i++) {
      first.normalizeMp3(parts.get(i), new Mp3Encoder(), 0, voice);
    }
    assertEquals(2, first.measuredParts(), "its first part and its recheck");
    LoudnessNormalizer second = new LoudnessNormalizer(LoudnessTarget.DEFAULT, instance(prefix, new AtomicLong()));
    for (byte[] part : parts) {
      second.normalizeMp3(part, new Mp3Encoder(), 0, voice);
    }
    // alone it would decode its first part and its 4th; a confirmed level's recheck comes one part in 64
    assertTrue(second.measuredParts() <= 1, "decoded by the second instance: " + second.measuredParts());
    assertTrue(second.calibratedParts() >= parts.size() - 1);
  }

  @Test
  void aDeadRedisCostsOnlyTheMeasurementsAndIsUsedAgainOnceBack() throws Exception {
    AtomicLong clock = new AtomicLong();
    String prefix = prefix();
    RedisVoiceLevelStore store = instance(prefix, clock);
    VoiceLevelStore.Stored level = new VoiceLevelStore.Stored(new double[] {-20}, 12, true);
    store.put("v", level);
    server.stop();
    try {
      assertNull(store.get("v"), "unreachable: not known");
      long t0 = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        assertNull(store.get("v"));
        store.put("v", level);
      }
      // 200 calls with the breaker open: none waits for a connection (each would take up to 200 ms)
      assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "skipped while the breaker is open");
    } finally {
      server.start();
    }
    assertNull(store.get("v"), "the breaker is still open");
    clock.addAndGet(Duration.ofSeconds(11).toNanos());
    store.put("v", level); // the probe: the server restarted empty (no persistence)
    assertNotNull(store.get("v"), "Redis used again");
  }

  @Test
  void workersShareLevelsThroughRedisUnlessAStoreIsGiven() {
    try (ApplicationContext beans = BeanGraph.start(Map.of("REDIS_URL", server.url()))) {
      assertInstanceOf(RedisVoiceLevelStore.class, beans.getBean(VoiceLevelStore.class));
    }
    FileVoiceLevelStore file = new FileVoiceLevelStore(dir.resolve("voice-levels.properties"));
    try (ApplicationContext beans = BeanGraph.start(Map.of("REDIS_URL", server.url()), file)) {
      assertSame(file, beans.getBean(VoiceLevelStore.class), "the local runtime's file");
    }
    try (ApplicationContext beans = BeanGraph.start(Map.of("REDIS_URL", ""))) {
      assertTrue(beans.findBean(VoiceLevelStore.class).isEmpty(), "no Redis: each process learns its own");
    }
  }

  /** A service's voice at {@code lufs}: a sentence per part, dense speech (peaks 12 dB over the loudness). */
  private static List<byte[]> voice(double lufs) {
    Mp3Encoder encoder = new Mp3Encoder();
    LoudnessNormalizer dense = new LoudnessNormalizer(new LoudnessTarget(lufs, lufs + 12));
    List<byte[]> parts = new ArrayList<>();
    for (String s : List.of(
        "The harbour lights came on one by one as the fog rolled in from the sea.",
        "Nobody answered the door, so she waited on the step and counted the gulls.",
        "He said the train would be late again, and that the tickets were in his coat.",
        "Far below, the river turned silver and then black as the evening fell.",
        "They walked on in silence until the road bent down towards the village.",
        "If you listen closely, you can still hear the bells from the old church.")) {
      short[] pcm = EspeakEngine.instance().synthesize(new SpeechRequest(s, "en-us", null, 1.0, 0)).pcm();
      LoudnessNormalizer.Leveled l = dense.level(pcm, 22050);
      parts.add(encoder.encode(l.samples(), 22050, l.gain()));
    }
    return parts;
  }
}
