package com.etoaudiobook.api.ratelimit;

import com.etoaudiobook.aws.redis.RedisScript;
import io.lettuce.core.ScriptOutputType;

import java.time.Duration;
import java.util.List;

/**
 * Token buckets in Redis, shared by every instance. One Lua script reads, refills and takes a
 * token atomically, with Redis's clock (instances' clocks may differ). Not the synthesis quota's
 * algorithm (that one spaces calls evenly and makes callers wait for their slot; this one allows a
 * burst up to the bucket and refuses beyond it); the Redis plumbing is the same {@link RedisScript}.
 * The caller falls back to memory when this throws.
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

  private final RedisScript redis;

  /** @param timeout connect and command timeout */
  public RedisRateLimiter(String redisUrl, Duration timeout) {
    redis = new RedisScript(redisUrl, timeout, SCRIPT);
  }

  @Override
  public Decision acquire(String routeClass, String client, RateLimits.Limit limit) {
    List<Long> r = redis.run(ScriptOutputType.MULTI, new String[] {"etoaudiobook:rl:" + routeClass + ":" + client},
        Integer.toString(limit.limit()), Double.toString(limit.perMilli()));
    return new Decision(r.get(0) == 1L, r.get(1), r.get(2));
  }

  /** Whether Redis answers a PING now. */
  public boolean ping() {
    return redis.ping();
  }

  /** Drops the connection after a failure; the next call connects afresh. */
  public void reset() {
    redis.reset();
  }

  @Override
  public void close() {
    redis.close();
  }
}
