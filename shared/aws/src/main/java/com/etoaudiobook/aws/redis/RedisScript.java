package com.etoaudiobook.aws.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * One Lua script run atomically on Redis, for the limiters that share their state there (the API's
 * request buckets, the synthesis quota). EVALSHA first, EVAL when the script cache does not have it
 * (a restarted or failed-over Redis). Short timeouts and no background reconnects: a slow or dead
 * Redis must not slow every caller, so a failure throws, the caller falls back to its own state and
 * {@link #reset()}s, and the next call connects afresh.
 */
public final class RedisScript implements AutoCloseable {
  private final String script;
  private final String sha;
  private final Redis redis;
  private final boolean ownsRedis;
  private final Duration timeout;
  private volatile StatefulRedisConnection<String, String> connection;

  /** Over a Redis of its own (closed with this). @param timeout connect and command timeout */
  public RedisScript(String redisUrl, Duration timeout, String script) {
    this(new Redis(redisUrl), true, timeout, script);
  }

  /** Over the process's shared Redis. @param timeout connect and command timeout */
  public RedisScript(Redis redis, Duration timeout, String script) {
    this(redis, false, timeout, script);
  }

  private RedisScript(Redis redis, boolean ownsRedis, Duration timeout, String script) {
    this.script = script;
    this.sha = sha1(script);
    this.redis = redis;
    this.ownsRedis = ownsRedis;
    this.timeout = timeout;
  }

  /** Runs the script; throws (a Lettuce exception) when Redis cannot be reached or fails. */
  public <T> T run(ScriptOutputType type, String[] keys, String... args) {
    RedisCommands<String, String> redis = connection().sync();
    try {
      return redis.evalsha(sha, type, keys, args);
    } catch (RedisNoScriptException e) {
      return redis.eval(script, type, keys, args); // also caches it
    }
  }

  /**
   * Connects and loads the script ahead ({@link Redis#connectAhead}), so the first caller does not
   * wait for a connection's set-up (0.4 s on a busy machine: a job's first engine call waited for it).
   * A caller that comes first makes the connection itself, and the thread then has nothing to do.
   */
  public void prepare() {
    Redis.connectAhead("redis-script", this::connection);
  }

  /** Whether Redis answers a PING now. */
  public boolean ping() {
    try {
      return "PONG".equals(connection().sync().ping());
    } catch (RuntimeException e) {
      reset();
      return false;
    }
  }

  private StatefulRedisConnection<String, String> connection() {
    StatefulRedisConnection<String, String> c = connection;
    if (c == null || !c.isOpen()) {
      synchronized (this) {
        c = connection;
        if (c == null || !c.isOpen()) {
          c = redis.connect(timeout);
          try {
            c.sync().scriptLoad(script); // with the connection: EVALSHA then finds it on a fresh Redis too
          } catch (RuntimeException e) {
            c.closeAsync();
            throw e;
          }
          connection = c;
        }
      }
    }
    return c;
  }

  /** Drops the connection after a failure; the next call connects afresh. */
  public synchronized void reset() {
    StatefulRedisConnection<String, String> c = connection;
    connection = null;
    if (c != null) {
      try {
        c.closeAsync();
      } catch (RuntimeException ignored) {
        // already broken
      }
    }
  }

  @Override
  public void close() {
    reset();
    if (ownsRedis) {
      redis.close();
    }
  }

  private static String sha1(String script) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
