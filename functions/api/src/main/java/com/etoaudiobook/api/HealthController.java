package com.etoaudiobook.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** Liveness and process figures. */
@Controller
class HealthController {
  static final String VERSION = "1.0.0";

  @Get("/health")
  Map<String, Object> health() {
    return Map.of("status", "ok", "service", "etoaudiobook", "version", VERSION);
  }

  @Get("/metrics")
  Map<String, Object> metrics() {
    Runtime rt = Runtime.getRuntime();
    Map<String, Object> process = new LinkedHashMap<>();
    process.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
    process.put("heapUsedMb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    process.put("heapMaxMb", rt.maxMemory() / (1024 * 1024));
    process.put("threads", Thread.activeCount());
    process.put("processors", rt.availableProcessors());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service", "etoaudiobook");
    body.put("version", VERSION);
    body.put("process", process);
    return body;
  }
}
