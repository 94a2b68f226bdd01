package com.etoaudiobook.api;

import com.etoaudiobook.aws.Aggregates;
import com.etoaudiobook.aws.ProcessStats;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /metrics}: this instance's process figures, the application aggregates it recorded, cache
 * hit rates and the rate limiter's state.
 *
 * @param metrics the last window's summaries (and totals since start), per metric and dimensions
 */
record MetricsView(String service, String version, ProcessFigures process, Window window,
                   List<Aggregates.Summary> metrics, Map<String, Aggregates.CacheRate> caches, RedisState redis,
                   RateLimitState rateLimit) {
  /**
   * @param cpuTimeMs          -1 where the platform does not tell
   * @param cpuPercent         since the previous call
   * @param emfRecordsDropped  metric records not written (the buffer was full)
   */
  record ProcessFigures(long uptimeSeconds, double rssMb, long heapUsedMb, long heapCommittedMb, long heapMaxMb,
                        long cpuTimeMs, double cpuPercent, int threads, long openFileDescriptors, int processors,
                        Map<String, ProcessStats.Collector> gc, long emfRecordsDropped) {
  }

  record Window(long seconds, int maxSamples) {
  }

  /** @param rateLimitBackend "redis" or "memory" */
  record RedisState(boolean configured, boolean available, String rateLimitBackend, long failures) {
  }

  /** @param limits bucket name → "N/Ss" */
  record RateLimitState(boolean enabled, Map<String, String> limits) {
  }
}
