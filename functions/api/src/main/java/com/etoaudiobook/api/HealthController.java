package com.etoaudiobook.api;

import com.etoaudiobook.api.ratelimit.RateLimiting;
import com.etoaudiobook.aws.Aggregates;
import com.etoaudiobook.aws.Metrics;
import com.etoaudiobook.aws.ProcessStats;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;

/** Liveness, and process and application figures. */
@Controller
class HealthController {
  static final String VERSION = "1.0.0";
  private final RateLimiting rateLimiting;
  private final boolean metricsEnabled;

  /** @param metricsEnabled etoaudiobook.metrics-enabled (METRICS_ENABLED): off in AWS, where the route is public */
  HealthController(RateLimiting rateLimiting,
                   @Value("${etoaudiobook.metrics-enabled:true}") boolean metricsEnabled) {
    this.rateLimiting = rateLimiting;
    this.metricsEnabled = metricsEnabled;
  }

  @Get("/health")
  Health health() {
    return new Health("ok", "etoaudiobook", VERSION);
  }

  /**
   * Process figures (this instance), application aggregates (everything the metrics code
   * recorded in this process: the last 5 minutes and totals since start), cache hit rates and
   * the rate limiter's Redis. On Lambda each instance answers for itself: CloudWatch has the sum.
   */
  @Get("/metrics")
  MetricsView metrics() {
    if (!metricsEnabled) {
      throw ApiException.notFound("Page not found");
    }
    Runtime rt = Runtime.getRuntime();
    long cpu = ProcessStats.cpuNanos();
    MetricsView.ProcessFigures process = new MetricsView.ProcessFigures(
        ManagementFactory.getRuntimeMXBean().getUptime() / 1000, ProcessStats.rssMb(),
        (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024), rt.totalMemory() / (1024 * 1024),
        rt.maxMemory() / (1024 * 1024), cpu < 0 ? -1 : cpu / 1_000_000, ProcessStats.cpuPercentSinceLastCall(),
        ManagementFactory.getThreadMXBean().getThreadCount(), ProcessStats.openFileDescriptors(),
        rt.availableProcessors(), ProcessStats.gc(), Metrics.dropped());
    Aggregates aggregates = Metrics.aggregates();
    MetricsView.RedisState redis = new MetricsView.RedisState(rateLimiting.limiter().redisConfigured(),
        rateLimiting.limiter().redisAvailable(), rateLimiting.limiter().backend().name().toLowerCase(),
        rateLimiting.limiter().redisFailures());
    Map<String, String> limits = new TreeMap<>();
    rateLimiting.limits().all().forEach((name, limit) -> limits.put(name, limit.toString()));
    return new MetricsView("etoaudiobook", VERSION, process,
        new MetricsView.Window(Aggregates.WINDOW_MS / 1000, Aggregates.CAPACITY), aggregates.summaries(),
        aggregates.cacheRates(), redis, new MetricsView.RateLimitState(rateLimiting.enabled(), limits));
  }
}
