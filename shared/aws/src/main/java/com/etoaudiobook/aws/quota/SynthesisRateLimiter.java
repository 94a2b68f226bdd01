package com.etoaudiobook.aws.quota;

import com.etoaudiobook.aws.redis.Redis;
import com.etoaudiobook.aws.redis.RedisScript;

import java.util.Map;

/**
 * Paces calls to the speech service to its quota per engine (Polly: 8 SynthesizeSpeech requests
 * per second for neural, long-form and generative voices, 80 for standard ones, per account and
 * region), so parts wait for capacity instead of being throttled. Every call reserves a slot in
 * time (GCRA: the slots are 1/quota apart) and sleeps until it; a caller that cannot wait that long
 * gets no slot and loses nothing. After a quiet spell the first {@link #burst} calls start at once,
 * as Polly's token bucket lets them (it documents bursts of 10 at 8 per second, 100 at 80).
 */
public interface SynthesisRateLimiter extends AutoCloseable {
  /**
   * Seconds' worth of the quota that may start at once after a quiet spell: half of what Polly's
   * bucket holds at the least (a second's worth), so calls delayed on their way (up to half a
   * second) still find tokens, as a schedule at exactly the quota needs some.
   */
  double BURST_SECONDS = 0.5;

  /** Calls that may start at once at {@code perSecond}: at least one. */
  static long burst(double perSecond) {
    return Math.max(1, (long) Math.floor(perSecond * BURST_SECONDS));
  }

  /** Never waits: for tests and engines without a quota. */
  SynthesisRateLimiter NONE = (engine, maxWaitMillis) -> 0;

  /**
   * Reserves the next slot for one call of {@code engine}.
   *
   * @return milliseconds to wait before the call may start, or -1 when no slot is free within
   *     {@code maxWaitMillis} (then nothing was reserved)
   */
  long reserve(String engine, long maxWaitMillis);

  @Override
  default void close() {
  }

  /**
   * Shared through Redis when {@code redisUrl} is set (every worker instance of the account draws
   * from one bucket per engine), falling back to this instance's share while Redis is unreachable;
   * else this process's bucket at the full quota.
   *
   * @param quotas    calls per second by engine; an engine without a quota is not paced
   * @param instances how many instances share the quota when each must pace itself (Redis down)
   */
  static SynthesisRateLimiter create(Map<String, Double> quotas, String redisUrl, int instances) {
    return redisUrl == null ? new LocalRateLimiter(quotas) : create(quotas,
        new RedisScript(redisUrl, RedisRateLimiter.TIMEOUT, RedisRateLimiter.SCRIPT), instances);
  }

  /** The same over the process's shared Redis (null: none). */
  static SynthesisRateLimiter create(Map<String, Double> quotas, Redis redis, int instances) {
    return redis == null ? new LocalRateLimiter(quotas) : create(quotas,
        new RedisScript(redis, RedisRateLimiter.TIMEOUT, RedisRateLimiter.SCRIPT), instances);
  }

  private static SynthesisRateLimiter create(Map<String, Double> quotas, RedisScript redis, int instances) {
    return new RedisRateLimiter(redis, quotas, new LocalRateLimiter(LocalRateLimiter.share(quotas, instances)));
  }
}
