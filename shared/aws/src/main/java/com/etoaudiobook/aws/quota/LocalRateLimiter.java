package com.etoaudiobook.aws.quota;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The quota paced within this process: one GCRA schedule per engine. */
public final class LocalRateLimiter implements SynthesisRateLimiter {
  /** Nanoseconds between two calls, by engine. */
  private final Map<String, Long> intervals = new HashMap<>();
  /** The next free slot (System.nanoTime()) by engine; guarded by this. */
  private final Map<String, Long> next = new HashMap<>();

  public LocalRateLimiter(Map<String, Double> quotas) {
    quotas.forEach((engine, perSecond) -> {
      if (perSecond > 0) {
        intervals.put(engine, Math.round(1e9 / perSecond));
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
    long slot = Math.max(now, next.getOrDefault(engine, now));
    long waitNanos = slot - now;
    if (waitNanos > maxWaitMillis * 1_000_000L) {
      return -1;
    }
    next.put(engine, slot + interval);
    return (waitNanos + 999_999) / 1_000_000;
  }
}
