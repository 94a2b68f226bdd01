package com.etoaudiobook.aws;

import com.etoaudiobook.concurrent.CircuitBreaker;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.voice.Voice;
import com.etoaudiobook.voice.VoiceFilter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.etoaudiobook.aws.redis.Redis;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The voices of every configured engine (Polly's, eSpeak NG's, or both) in one list, cached in two
 * levels: Caffeine in this process and Redis shared by every container (ElastiCache in AWS), both
 * for an hour, Redis holding the list as JSON. Redis is optional: unset, unreachable or failing,
 * the catalog answers from Caffeine and the engines. Commands have a short timeout, and after a
 * failure a circuit breaker skips Redis for a while, so a dead Redis costs nothing per request.
 */
public final class VoiceCatalog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VoiceCatalog.class);
  private static final String LOCAL_KEY = "voices";

  /**
   * @param ttl          how long a voice list is kept, in Caffeine and in Redis
   * @param cached       false: every call asks the engines (benchmarks, diagnostics)
   * @param redisUrl     redis://host:port, or null for no shared level
   * @param redisTimeout connect and command timeout
   * @param breakerOpen  how long Redis is skipped after a failure before it is tried again
   */
  public record Options(Duration ttl, boolean cached, String redisUrl, Duration redisTimeout, Duration breakerOpen,
                        LongSupplier nanoClock) {
    public static Options defaults(String redisUrl) {
      return new Options(Duration.ofHours(1), true, redisUrl, Duration.ofMillis(200), Duration.ofSeconds(10),
          System::nanoTime);
    }

    public static Options uncached() {
      return new Options(Duration.ZERO, false, null, Duration.ofMillis(200), Duration.ofSeconds(10), System::nanoTime);
    }

    public Options withBreakerOpen(Duration d) {
      return new Options(ttl, cached, redisUrl, redisTimeout, d, nanoClock);
    }

    /** The breaker's clock (nanoseconds): tests move it instead of sleeping. */
    public Options withClock(LongSupplier clock) {
      return new Options(ttl, cached, redisUrl, redisTimeout, breakerOpen, clock);
    }
  }

  /**
   * What the cache did so far, for /metrics.
   *
   * @param caffeineHits    lists served from this process
   * @param caffeineMisses  lists this process had to fetch (from Redis or the engines)
   * @param redisHits       lists found in Redis
   * @param redisMisses     lists not in Redis (then loaded from the engines and stored)
   * @param redisErrors     Redis commands or connections that failed or timed out
   * @param redisSkipped    Redis look-ups skipped while the circuit breaker was open
   * @param redisConfigured REDIS_URL is set
   * @param redisAvailable  Redis is configured and the breaker is closed (last use succeeded)
   * @param engineLoads     times the engines were asked for their voices
   */
  public record Stats(long caffeineHits, long caffeineMisses, long redisHits, long redisMisses, long redisErrors,
                      long redisSkipped, boolean redisConfigured, boolean redisAvailable, long engineLoads) {
  }

  private final List<SpeechEngine> engines;
  private final Options options;
  private final String redisKey;
  private final Cache<String, List<Voice>> local;
  private final Redis redis;
  /** Whether the Redis client is this catalog's own (built from Options' URL) to close. */
  private final boolean ownsRedis;
  private final Object redisLock = new Object();
  private volatile StatefulRedisConnection<String, String> connection;
  /** Skips Redis for a while after it failed. */
  private final CircuitBreaker breaker;
  private final LongAdder caffeineHits = new LongAdder();
  private final LongAdder caffeineMisses = new LongAdder();
  private final LongAdder redisHits = new LongAdder();
  private final LongAdder redisMisses = new LongAdder();
  private final LongAdder redisErrors = new LongAdder();
  private final LongAdder redisSkipped = new LongAdder();
  private final LongAdder engineLoads = new LongAdder();

  public VoiceCatalog(List<SpeechEngine> engines, String redisUrl) {
    this(engines, Options.defaults(redisUrl));
  }

  public VoiceCatalog(List<SpeechEngine> engines, Options options) {
    this(engines, options, null);
  }

  /**
   * Over the process's shared Redis client when {@code shared} is given (Options' URL is then
   * ignored); else over a client of its own for Options' URL, if any.
   */
  public VoiceCatalog(List<SpeechEngine> engines, Options options, Redis shared) {
    if (engines.isEmpty()) {
      throw new IllegalArgumentException("a voice catalog needs at least one engine");
    }
    this.engines = List.copyOf(engines);
    this.options = options;
    this.breaker = new CircuitBreaker(options.breakerOpen(), options.nanoClock());
    // one entry per set of providers, versioned so a change of the Voice shape never reads old JSON
    this.redisKey = "etoaudiobook:voices:v1:" + this.engines.stream().map(SpeechEngine::provider)
        .collect(Collectors.joining(","));
    this.local = options.cached()
        ? Caffeine.newBuilder().expireAfterWrite(options.ttl()).maximumSize(4).build() : null;
    this.ownsRedis = shared == null && options.cached() && options.redisUrl() != null;
    this.redis = !options.cached() ? null : shared != null ? shared : ownsRedis ? new Redis(options.redisUrl()) : null;
  }

  /** A catalog that asks the engines every time. */
  public static VoiceCatalog uncached(List<SpeechEngine> engines) {
    return new VoiceCatalog(engines, Options.uncached());
  }

  /** Every voice of every engine. */
  public List<Voice> voices() {
    if (local == null) {
      engineLoads.increment();
      return loadFromEngines();
    }
    List<Voice> hit = local.getIfPresent(LOCAL_KEY);
    if (hit != null) {
      caffeineHits.increment();
      return hit;
    }
    // Caffeine runs one loader per key at a time: concurrent misses wait for the same load
    return local.get(LOCAL_KEY, k -> {
      caffeineMisses.increment();
      return loadShared();
    });
  }

  /** The voices that pass {@link VoiceFilter}. */
  public List<Voice> voices(String language, String gender, String engine, String q) {
    return VoiceFilter.filter(voices(), language, gender, engine, q);
  }

  /** Drops this process's copy (Redis keeps its own until it expires). */
  public void invalidateLocal() {
    if (local != null) {
      local.invalidateAll();
    }
  }

  public Stats stats() {
    return new Stats(caffeineHits.sum(), caffeineMisses.sum(), redisHits.sum(), redisMisses.sum(), redisErrors.sum(),
        redisSkipped.sum(), redis != null, redis != null && !breaker.isOpen(), engineLoads.sum());
  }

  private List<Voice> loadShared() {
    String json = redisGet();
    if (json != null) {
      try {
        List<Voice> voices = List.of(Json.read(json, Voice[].class));
        redisHits.increment();
        // the engines did not describe their voices here: they take this list instead of doing so
        engines.forEach(e -> e.useVoices(voices));
        return voices;
      } catch (RuntimeException e) {
        LOG.warn("ignoring unreadable voice list in Redis: {}", e.toString());
      }
    }
    engineLoads.increment();
    List<Voice> voices = loadFromEngines();
    redisSet(Json.writeString(voices));
    return voices;
  }

  private List<Voice> loadFromEngines() {
    List<Voice> all = new ArrayList<>();
    for (SpeechEngine e : engines) {
      all.addAll(e.voices());
    }
    return List.copyOf(all);
  }

  private String redisGet() {
    StatefulRedisConnection<String, String> c = redisConnection();
    if (c == null) {
      return null;
    }
    try {
      String value = c.sync().get(redisKey);
      closeBreaker();
      if (value == null) {
        redisMisses.increment();
      }
      return value;
    } catch (RuntimeException e) {
      redisFailed(c, e);
      return null;
    }
  }

  private void redisSet(String json) {
    StatefulRedisConnection<String, String> c = redisConnection();
    if (c == null) {
      return;
    }
    try {
      c.sync().set(redisKey, json, SetArgs.Builder.ex(Math.max(1, options.ttl().toSeconds())));
      closeBreaker();
    } catch (RuntimeException e) {
      redisFailed(c, e);
    }
  }

  /** The connection to use now, or null when Redis is unset, the breaker is open, or connecting failed. */
  private StatefulRedisConnection<String, String> redisConnection() {
    if (redis == null) {
      return null;
    }
    if (!breaker.allowRequest()) {
      redisSkipped.increment();
      return null;
    }
    StatefulRedisConnection<String, String> c = connection;
    if (c != null && c.isOpen()) {
      return c;
    }
    synchronized (redisLock) {
      c = connection;
      if (c != null && c.isOpen()) {
        return c;
      }
      try {
        c = redis.connect(options.redisTimeout());
        connection = c;
        return c;
      } catch (RuntimeException e) {
        redisFailed(null, e);
        return null;
      }
    }
  }

  private void closeBreaker() {
    if (breaker.recordSuccess()) {
      LOG.info("Redis is back: the voice catalog uses it again");
    }
  }

  private void redisFailed(StatefulRedisConnection<String, String> c, RuntimeException e) {
    redisErrors.increment();
    if (breaker.recordFailure()) {
      LOG.warn("Redis failed ({}); the voice catalog skips it for {} ms", e.toString(),
          options.breakerOpen().toMillis());
    }
    if (c != null) {
      synchronized (redisLock) {
        if (connection == c) {
          connection = null;
        }
      }
      c.closeAsync();
    }
  }

  @Override
  public void close() {
    StatefulRedisConnection<String, String> c = connection;
    if (c != null && c.isOpen()) {
      c.closeAsync();
    }
    if (ownsRedis) {
      redis.close();
    }
  }

  @Override
  public String toString() {
    return "VoiceCatalog" + Arrays.toString(engines.stream().map(SpeechEngine::provider).toArray());
  }
}
