package com.etoaudiobook.api;

import com.etoaudiobook.api.ratelimit.RateLimiting;
import com.etoaudiobook.aws.Aggregates;
import com.etoaudiobook.aws.Metrics;
import com.etoaudiobook.aws.ProcessStats;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  Map<String, Object> health() {
    return Map.of("status", "ok", "service", "etoaudiobook", "version", VERSION);
  }

  /**
   * Process figures (this instance), application aggregates (everything the metrics code
   * recorded in this process: the last 5 minutes and totals since start), cache hit rates and
   * the rate limiter's Redis. On Lambda each instance answers for itself: CloudWatch has the sum.
   */
  @Get("/metrics")
  Map<String, Object> metrics() {
    if (!metricsEnabled) {
      throw ApiException.notFound("Page not found");
    }
    Runtime rt = Runtime.getRuntime();
    Map<String, Object> process = new LinkedHashMap<>();
    process.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
    process.put("rssMb", ProcessStats.rssMb());
    process.put("heapUsedMb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    process.put("heapCommittedMb", rt.totalMemory() / (1024 * 1024));
    process.put("heapMaxMb", rt.maxMemory() / (1024 * 1024));
    long cpu = ProcessStats.cpuNanos();
    process.put("cpuTimeMs", cpu < 0 ? -1 : cpu / 1_000_000);
    process.put("cpuPercent", ProcessStats.cpuPercentSinceLastCall());
    process.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
    process.put("openFileDescriptors", ProcessStats.openFileDescriptors());
    process.put("processors", rt.availableProcessors());
    process.put("gc", ProcessStats.gc());
    process.put("emfRecordsDropped", Metrics.dropped());

    Aggregates aggregates = Metrics.aggregates();
    List<Map<String, Object>> app = aggregates.summaries().stream().map(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", s.name());
      m.put("dimensions", s.dimensions());
      m.put("count", s.count());
      m.put("mean", s.mean());
      m.put("p50", s.p50());
      m.put("p95", s.p95());
      m.put("p99", s.p99());
      m.put("max", s.max());
      m.put("totalCount", s.totalCount());
      m.put("totalSum", s.totalSum());
      m.put("maxSinceStart", s.maxSinceStart());
      return m;
    }).toList();

    Map<String, Object> redis = new LinkedHashMap<>();
    redis.put("configured", rateLimiting.limiter().redisConfigured());
    redis.put("available", rateLimiting.limiter().redisAvailable());
    redis.put("rateLimitBackend", rateLimiting.limiter().backend().name().toLowerCase());
    redis.put("failures", rateLimiting.limiter().redisFailures());

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service", "etoaudiobook");
    body.put("version", VERSION);
    body.put("process", process);
    body.put("window", Map.of("seconds", Aggregates.WINDOW_MS / 1000, "maxSamples", Aggregates.CAPACITY));
    body.put("metrics", app);
    body.put("caches", aggregates.cacheRates());
    body.put("redis", redis);
    body.put("rateLimit", Map.of("enabled", rateLimiting.enabled(),
        "limits", rateLimiting.limits().all().entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString(),
                (a, b) -> a, java.util.TreeMap::new))));
    return body;
  }
}
