package com.etoaudiobook.aws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * In-process aggregates of every metric recorded by {@link com.etoaudiobook.aws.Metrics}: per
 * metric and dimension set, the count and sum since start, and count, mean, p50, p95, p99 and
 * max over a sliding window (the last {@link #WINDOW_MS} ms, at most {@link #CAPACITY} samples).
 */
public final class Aggregates {
  public static final long WINDOW_MS = 5 * 60_000;
  public static final int CAPACITY = 4096;

  private final Map<String, Series> series = new ConcurrentHashMap<>();
  private final long startedAt = System.currentTimeMillis();

  /** One metric with one set of dimension values. */
  static final class Series {
    final String name;
    final Map<String, String> dims;
    final double[] values = new double[CAPACITY];
    final long[] times = new long[CAPACITY];
    int next;
    int size;
    long total;
    double sum;
    double max = Double.NEGATIVE_INFINITY;

    Series(String name, Map<String, String> dims) {
      this.name = name;
      this.dims = dims;
    }

    synchronized void add(double v, long now) {
      values[next] = v;
      times[next] = now;
      next = (next + 1) % CAPACITY;
      size = Math.min(size + 1, CAPACITY);
      total++;
      sum += v;
      max = Math.max(max, v);
    }

    synchronized double[] window(long now) {
      double[] out = new double[size];
      int n = 0;
      for (int i = 0; i < size; i++) {
        if (now - times[i] <= WINDOW_MS) {
          out[n++] = values[i];
        }
      }
      return Arrays.copyOf(out, n);
    }
  }

  public void record(String name, Map<String, String> dims, double value) {
    String key = name + dims;
    series.computeIfAbsent(key, k -> new Series(name, new TreeMap<>(dims))).add(value, System.currentTimeMillis());
  }

  /** Summary of one metric: window figures plus totals since start. */
  public record Summary(String name, Map<String, String> dimensions, long count, double mean, double p50,
                        double p95, double p99, double max, long totalCount, double totalSum, double maxSinceStart) {
  }

  public List<Summary> summaries() {
    long now = System.currentTimeMillis();
    List<Summary> out = new ArrayList<>();
    for (Series s : series.values()) {
      double[] w = s.window(now);
      Arrays.sort(w);
      long total;
      double sum;
      double max;
      synchronized (s) {
        total = s.total;
        sum = s.sum;
        max = s.max;
      }
      double mean = w.length == 0 ? 0 : Arrays.stream(w).sum() / w.length;
      out.add(new Summary(s.name, s.dims, w.length, round(mean), pct(w, 50), pct(w, 95), pct(w, 99),
          w.length == 0 ? 0 : w[w.length - 1], total, round(sum), total == 0 ? 0 : max));
    }
    out.sort((a, b) -> (a.name() + a.dimensions()).compareTo(b.name() + b.dimensions()));
    return out;
  }

  /** Total since start of a metric, summed over dimension values matching {@code dims}. */
  public double total(String name, Map<String, String> dims) {
    return series.values().stream().filter(s -> s.name.equals(name))
        .filter(s -> s.dims.entrySet().containsAll(dims.entrySet()))
        .mapToDouble(s -> {
          synchronized (s) {
            return s.sum;
          }
        }).sum();
  }

  /** One cache's hits and misses since start, and its hit rate (0 when it was never asked). */
  public record CacheRate(long hits, long misses, double hitRate) {
  }

  /** Per cache name: hits, misses and hit rate since start. */
  public Map<String, CacheRate> cacheRates() {
    Map<String, CacheRate> out = new TreeMap<>();
    for (Series s : series.values()) {
      if (s.name.equals("CacheHits") || s.name.equals("CacheMisses")) {
        String cache = s.dims.getOrDefault("Cache", "none");
        out.computeIfAbsent(cache, c -> {
          double hits = total("CacheHits", Map.of("Cache", c));
          double misses = total("CacheMisses", Map.of("Cache", c));
          return new CacheRate((long) hits, (long) misses, hits + misses == 0 ? 0.0 : round(hits / (hits + misses)));
        });
      }
    }
    return out;
  }

  public long startedAt() {
    return startedAt;
  }

  /** Nearest-rank percentile of sorted values. */
  static double pct(double[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  @Override
  public String toString() {
    return series.keySet().stream().sorted().collect(Collectors.joining(", "));
  }
}
