package com.etoaudiobook.api.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.List;

/**
 * Token buckets in Redis, shared by every instance. One Lua script reads, refills and takes a
 * token atomically, with Redis's clock (instances' clocks may differ). EVALSHA first, EVAL when
 * the script cache does not have it (a restarted or failed-over Redis). Short timeouts: a slow
 * Redis must not slow every request; the caller falls back to memory when this throws.
 */
public final class RedisRateLimiter implements RateLimiter {
  static final String SCRIPT = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local capacity = tonumber(ARGV[1])
      local per_ms = tonumber(ARGV[2])
      local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
      local tokens = tonumber(b[1])
      local ts = tonumber(b[2])
      if tokens == nil or ts == nil then
        tokens = capacity
        ts = now
      end
      if now > ts then
        tokens = math.min(capacity, tokens + (now - ts) * per_ms)
        ts = now
      end
      local allowed = 0
      local wait = 0
      if tokens >= 1 then
        tokens = tokens - 1
        allowed = 1
      else
        wait = math.ceil((1 - tokens) / per_ms)
      end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
      redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / per_ms) + 1000)
      return {allowed, math.floor(tokens), wait}
      """;

  private final RedisClient client;
  private final String sha;
  private volatile StatefulRedisConnection<String, String> connection;

  /** @param timeout connect and command timeout */
  public RedisRateLimiter(String redisUrl, Duration timeout) {
    RedisURI uri = RedisURI.create(redisUrl);
    uri.setTimeout(timeout);
    client = RedisClient.create(uri);
    // No background reconnects: the circuit breaker decides when to try again, with a fresh
    // connection, so a dead Redis costs one short connect attempt per probe, not a queue of commands.
    client.setOptions(ClientOptions.builder()
        .autoReconnect(false)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .build());
    sha = digest(SCRIPT);
  }

  @Override
  public Decision acquire(String routeClass, String client, RateLimits.Limit limit) {
    RedisCommands<String, String> redis = connection().sync();
    String[] keys = {"etoaudiobook:rl:" + routeClass + ":" + client};
    String capacity = Integer.toString(limit.limit());
    String perMs = Double.toString(limit.perMilli());
    List<Long> r;
    try {
      r = redis.evalsha(sha, ScriptOutputType.MULTI, keys, capacity, perMs);
    } catch (RedisNoScriptException e) {
      r = redis.eval(SCRIPT, ScriptOutputType.MULTI, keys, capacity, perMs); // also caches it
    }
    return new Decision(r.get(0) == 1L, r.get(1), r.get(2));
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
          c = client.connect();
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
    client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
  }

  private static String digest(String script) {
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-1")
          .digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(h);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
