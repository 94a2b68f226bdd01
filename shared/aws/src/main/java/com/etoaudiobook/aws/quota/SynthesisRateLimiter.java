package com.etoaudiobook.aws.quota;

import com.etoaudiobook.aws.redis.Redis;
import com.etoaudiobook.aws.redis.RedisScript;

import java.util.Map;

/**
 * Paces calls to the speech service to its quota per engine (Polly: 8 SynthesizeSpeech requests
 * per second for neural, long-form and generative voices, 80 for standard ones, per account and
 * region), so parts wait for capacity instead of being throttled. Every call reserves a slot in
 * time (GCRA: the slots are 1/quota apart) and sleeps until it; a caller that cannot wait that long
 * gets no slot and loses nothing.
 */
public interface SynthesisRateLimiter extends AutoCloseable {
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
