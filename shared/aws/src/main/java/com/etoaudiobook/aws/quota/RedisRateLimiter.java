package com.etoaudiobook.aws.quota;

import com.etoaudiobook.aws.redis.RedisScript;
import com.etoaudiobook.concurrent.CircuitBreaker;
import io.lettuce.core.ScriptOutputType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The quota shared by every instance through Redis (ElastiCache in AWS): one key per engine holds
 * the next free slot, advanced atomically by a script on Redis's own clock, so instances with
 * skewed clocks still space their calls right. While Redis cannot be reached, this instance paces
 * itself at its share of the quota: after a failure a circuit breaker skips Redis for
 * {@link #RETRY}, then one caller tries it again.
 */
final class RedisRateLimiter implements SynthesisRateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
  /** Generous against a calls' pacing of 100 ms or more, and the first connection's class loading. */
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final Duration RETRY = Duration.ofSeconds(10);
  /**
   * KEYS[1] the engine's key (GCRA's theoretical arrival time); ARGV interval, longest wait and the
   * burst's tolerance in µs. Returns the wait in µs, or -1.
   */
  static final String SCRIPT = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
      local scheduled = tonumber(redis.call('GET', KEYS[1]) or '0')
      if scheduled < now then scheduled = now end
      local slot = scheduled - tonumber(ARGV[3])
      if slot < now then slot = now end
      local wait = slot - now
      if wait > tonumber(ARGV[2]) then return -1 end
      redis.call('SET', KEYS[1], tostring(scheduled + tonumber(ARGV[1])),
        'PX', math.floor((scheduled - now + ARGV[1]) / 1000) + 1000)
      return wait
      """;

  private final RedisScript redis;
  private final Map<String, Long> intervalsMicros = new HashMap<>();
  private final Map<String, Long> tolerancesMicros = new HashMap<>();
  private final SynthesisRateLimiter fallback;
  private final CircuitBreaker breaker;

  RedisRateLimiter(RedisScript redis, Map<String, Double> quotas, SynthesisRateLimiter fallback) {
    this(redis, quotas, fallback, System::nanoTime);
  }

  /** @param nanoClock the breaker's clock: tests move it instead of sleeping */
  RedisRateLimiter(RedisScript redis, Map<String, Double> quotas, SynthesisRateLimiter fallback,
                   LongSupplier nanoClock) {
    quotas.forEach((engine, perSecond) -> {
      if (perSecond > 0) {
        long interval = Math.round(1e6 / perSecond);
        intervalsMicros.put(engine, interval);
        tolerancesMicros.put(engine, (SynthesisRateLimiter.burst(perSecond) - 1) * interval);
      }
    });
    this.fallback = fallback;
    this.redis = redis;
    this.breaker = new CircuitBreaker(RETRY, nanoClock);
    // connected before the first part asks: a job's first calls do not wait for the connection
    redis.prepare();
  }

  @Override
  public long reserve(String engine, long maxWaitMillis) {
    Long interval = intervalsMicros.get(engine);
    if (interval == null) {
      return 0;
    }
    if (!breaker.allowRequest()) {
      return fallback.reserve(engine, maxWaitMillis);
    }
    try {
      long maxWaitMicros = Math.min(Long.MAX_VALUE / 2000, maxWaitMillis) * 1000;
      Long wait = redis.run(ScriptOutputType.INTEGER, new String[] {"etoaudiobook:synthesis-quota:v1:" + engine},
          Long.toString(interval), Long.toString(maxWaitMicros), Long.toString(tolerancesMicros.get(engine)));
      if (breaker.recordSuccess()) {
        LOG.info("Redis quota is back: the instances share one schedule again");
      }
      return wait < 0 ? -1 : (wait + 999) / 1000;
    } catch (RuntimeException e) {
      if (breaker.recordFailure()) {
        LOG.warn("Redis quota unavailable ({}); pacing this instance at its share for {} s", e.toString(),
            RETRY.toSeconds());
      }
      redis.reset();
      return fallback.reserve(engine, maxWaitMillis);
    }
  }

  @Override
  public void close() {
    redis.close();
  }
}
