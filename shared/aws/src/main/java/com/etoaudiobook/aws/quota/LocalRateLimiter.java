package com.etoaudiobook.aws.quota;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The quota paced within this process: one GCRA schedule per engine, with its burst. */
public final class LocalRateLimiter implements SynthesisRateLimiter {
  /** Nanoseconds between two calls, by engine. */
  private final Map<String, Long> intervals = new HashMap<>();
  /** How far ahead of the schedule a call may start (the burst), by engine. */
  private final Map<String, Long> tolerances = new HashMap<>();
  /** The schedule's next slot (System.nanoTime(), GCRA's theoretical arrival time) by engine; guarded by this. */
  private final Map<String, Long> next = new HashMap<>();

  public LocalRateLimiter(Map<String, Double> quotas) {
    quotas.forEach((engine, perSecond) -> {
      if (perSecond > 0) {
        long interval = Math.round(1e9 / perSecond);
        intervals.put(engine, interval);
        tolerances.put(engine, (SynthesisRateLimiter.burst(perSecond) - 1) * interval);
      }
    });
  }

  /** Each of {@code instances} instances' part of the quotas. */
  static Map<String, Double> share(Map<String, Double> quotas, int instances) {
    Map<String, Double> out = new LinkedHashMap<>();
    quotas.forEach((engine, q) -> out.put(engine, q / Math.max(1, instances)));
    return out;
  }

  @Override
  public synchronized long reserve(String engine, long maxWaitMillis) {
    Long interval = intervals.get(engine);
    if (interval == null) {
      return 0;
    }
    long now = System.nanoTime();
    long scheduled = Math.max(now, next.getOrDefault(engine, now));
    // after a quiet spell the first calls of a burst start at once, then one per interval
    long slot = Math.max(now, scheduled - tolerances.get(engine));
    long waitNanos = slot - now;
    if (waitNanos > maxWaitMillis * 1_000_000L) {
      return -1;
    }
    next.put(engine, scheduled + interval);
    return (waitNanos + 999_999) / 1_000_000;
  }
}
