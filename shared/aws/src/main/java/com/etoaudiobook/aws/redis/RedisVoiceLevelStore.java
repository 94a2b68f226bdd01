package com.etoaudiobook.aws.redis;

import com.etoaudiobook.audio.VoiceLevelStore;
import com.etoaudiobook.concurrent.CircuitBreaker;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/**
 * Voice levels shared by every worker instance through Redis (ElastiCache in AWS), so the fleet
 * measures a voice once rather than once per instance: a GET the first time an instance meets a
 * voice, a SET per measured part (a voice's first part and its rechecks). Entries expire after
 * {@link #TTL} unless a measured part refreshes them, so a voice nobody speaks any more is measured
 * afresh when it comes back. Like the voice catalog: short timeouts, and after a failure a circuit
 * breaker skips Redis for a while; the instance then learns its voices on its own.
 */
public final class RedisVoiceLevelStore implements VoiceLevelStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisVoiceLevelStore.class);
  static final String PREFIX = "etoaudiobook:voice-level:v1:";
  static final Duration TTL = Duration.ofDays(30);
  private static final Duration TIMEOUT = Duration.ofMillis(200);
  /**
   * A connection's set-up is a handshake of several commands: on a busy machine more than one
   * command's 200 ms, which opened the breaker for the first 10 s of every run there.
   */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private final Redis redis;
  private final String prefix;
  private final CircuitBreaker breaker;
  private volatile StatefulRedisConnection<String, String> connection;

  /** Over the process's shared Redis client. */
  public RedisVoiceLevelStore(Redis redis) {
    this(redis, PREFIX, Duration.ofSeconds(10), System::nanoTime);
  }

  /** @param prefix of the keys (tests keep theirs apart on a shared Redis) */
  RedisVoiceLevelStore(Redis redis, String prefix, Duration breakerOpen, LongSupplier nanoClock) {
    this.redis = redis;
    this.prefix = prefix;
    this.breaker = new CircuitBreaker(breakerOpen, nanoClock);
    // connected before the first part asks, the way a part connects (a failure opens the breaker)
    Redis.connectAhead("voice-levels", this::connection);
  }

  @Override
  public Stored get(String voice) {
    StatefulRedisConnection<String, String> c = connection();
    if (c == null) {
      return null;
    }
    try {
      String value = c.sync().get(key(voice));
      breaker.recordSuccess();
      return Stored.decode(value);
    } catch (RuntimeException e) {
      failed(c, e);
      return null;
    }
  }

  @Override
  public void put(String voice, Stored level) {
    StatefulRedisConnection<String, String> c = connection();
    if (c == null) {
      return;
    }
    try {
      c.sync().set(key(voice), level.encode(), SetArgs.Builder.ex(TTL.toSeconds()));
      breaker.recordSuccess();
    } catch (RuntimeException e) {
      failed(c, e);
    }
  }

  /** The voice's key: a hash, as a voice's key holds separators and whatever a delivery is called. */
  String key(String voice) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(voice.getBytes(StandardCharsets.UTF_8));
      return prefix + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private StatefulRedisConnection<String, String> connection() {
    if (!breaker.allowRequest()) {
      return null;
    }
    StatefulRedisConnection<String, String> c = connection;
    if (c != null && c.isOpen()) {
      return c;
    }
    synchronized (this) {
      c = connection;
      if (c == null || !c.isOpen()) {
        try {
          c = redis.connect(CONNECT_TIMEOUT, TIMEOUT);
        } catch (RuntimeException e) {
          failed(null, e);
          return null;
        }
        connection = c;
      }
      return c;
    }
  }

  private void failed(StatefulRedisConnection<String, String> c, RuntimeException e) {
    if (breaker.recordFailure()) {
      LOG.warn("Redis failed ({}); voice levels are learned by this instance alone for {} ms", e.toString(),
          breaker.openFor().toMillis());
    }
    if (c != null) {
      synchronized (this) {
        if (connection == c) {
          connection = null;
        }
      }
      c.closeAsync();
    }
  }

  /** Closes the connection; the Redis client is the process's. */
  public void close() {
    StatefulRedisConnection<String, String> c = connection;
    if (c != null && c.isOpen()) {
      c.closeAsync();
    }
  }

  @Override
  public String toString() {
    return "RedisVoiceLevelStore[" + redis.url() + "]";
  }
}
