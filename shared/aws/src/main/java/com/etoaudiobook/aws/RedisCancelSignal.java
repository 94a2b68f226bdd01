package com.etoaudiobook.aws;

import com.etoaudiobook.aws.redis.Redis;
import com.etoaudiobook.aws.redis.RedisScript;
import com.etoaudiobook.concurrent.CircuitBreaker;
import com.etoaudiobook.job.CancelReadings;
import com.etoaudiobook.job.CancelSignal;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobState;
import com.etoaudiobook.job.JobStore;
import io.lettuce.core.ScriptOutputType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Cancels shared by every function through Redis (ElastiCache): the API's cancel sets a key per
 * job, and each worker process looks at that key at most every {@link #FRESH_NANOS} per job instead
 * of reading the job's record from S3. A key the workers find missing is filled from the record
 * (one S3 read) with a short life, so a cancel whose key could not be set (Redis failing just
 * then) is still seen from the record within {@link #RUNNING_TTL_SECONDS}: one S3 read per job a
 * minute across all instances, not two a second per instance. While Redis cannot be reached the
 * record is read as {@link com.etoaudiobook.job.StoreCancelSignal} does, and Redis tried again 10 s later.
 */
public final class RedisCancelSignal implements CancelSignal {
  private static final Logger LOG = LoggerFactory.getLogger(RedisCancelSignal.class);
  /** A worker waits on this at most once per job per quarter second; a slow Redis must not hold the engine up long. */
  static final Duration TIMEOUT = Duration.ofSeconds(1);
  /** How long a reading of the key is trusted: a cancel is seen within this (and a round trip). */
  static final long FRESH_NANOS = 250_000_000L;
  /** Life of a "running" key filled from the record: the longest a lost cancel goes unseen. */
  static final int RUNNING_TTL_SECONDS = 60;
  /** Life of a cancel: longer than a part can wait in the queue (SQS keeps messages at most 14 days). */
  static final int CANCELLED_TTL_SECONDS = 14 * 24 * 3600;
  static final String PREFIX = "etoaudiobook:job-cancel:v1:";
  /**
   * KEYS[1] the job's key. ARGV[1] "get" (its value, or nil), "cancel" (set it cancelled) or "fill"
   * (set it to ARGV[2] unless it is set: a cancel that landed meanwhile wins), ARGV[3] its life in s.
   */
  static final String SCRIPT = """
      if ARGV[1] == 'get' then return redis.call('GET', KEYS[1]) end
      if ARGV[1] == 'cancel' then
        redis.call('SET', KEYS[1], 'cancelled', 'EX', ARGV[3])
        return 'cancelled'
      end
      if redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3], 'NX') then return ARGV[2] end
      return redis.call('GET', KEYS[1])
      """;

  private final RedisScript redis;
  private final JobStore store;
  private final CancelSignal fallback;
  /** One look at Redis per job per quarter second, whatever the parts waiting on the engine. */
  private final CancelReadings readings = new CancelReadings(FRESH_NANOS);
  /** After a failure Redis is skipped for 10 s (the record is read instead), then one caller tries it. */
  private final CircuitBreaker breaker = CircuitBreaker.onSystemClock(Duration.ofSeconds(10));

  /** @param fallback asked while Redis cannot be reached (the record, read again) */
  public RedisCancelSignal(Redis redis, JobStore store, CancelSignal fallback) {
    this.redis = new RedisScript(redis, TIMEOUT, SCRIPT);
    this.store = store;
    this.fallback = fallback;
  }

  @Override
  public void send(String jobId) {
    try {
      redis.run(ScriptOutputType.VALUE, new String[] {PREFIX + jobId}, "cancel", "", Integer.toString(CANCELLED_TTL_SECONDS));
    } catch (RuntimeException e) {
      // the record says CANCELLED: workers see it once the job's "running" key expires
      LOG.warn("could not signal the cancel of job {} through Redis ({}); workers see it from the job's record"
          + " within {} s", jobId, e.toString(), RUNNING_TTL_SECONDS);
      redis.reset();
    }
  }

  @Override
  public boolean cancelled(String jobId) {
    if (!breaker.allowRequest()) {
      return fallback.cancelled(jobId);
    }
    long now = System.nanoTime();
    Boolean known = readings.current(jobId, now);
    if (known != null) {
      return known;
    }
    String state;
    try {
      state = redis.run(ScriptOutputType.VALUE, new String[] {PREFIX + jobId}, "get", "", "0");
      if (state == null) {
        // nobody has asked since the key expired: the record says, for every instance for a while
        Job job = store.job(jobId);
        boolean gone = job == null || job.state() == JobState.CANCELLED;
        state = redis.run(ScriptOutputType.VALUE, new String[] {PREFIX + jobId}, "fill",
            gone ? "cancelled" : "running", Integer.toString(gone ? CANCELLED_TTL_SECONDS : RUNNING_TTL_SECONDS));
      }
      breaker.recordSuccess();
    } catch (io.lettuce.core.RedisException e) {
      LOG.warn("Redis unavailable for cancels ({}); reading jobs' records for 10 s", e.toString());
      breaker.recordFailure();
      redis.reset();
      readings.forget(jobId);
      return fallback.cancelled(jobId);
    }
    return readings.record(jobId, "cancelled".equals(state), now);
  }

  @Override
  public void close() {
    redis.close();
  }

  @Override
  public String toString() {
    return "cancels through Redis";
  }
}
