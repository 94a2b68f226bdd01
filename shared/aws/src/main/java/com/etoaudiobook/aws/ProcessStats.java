package com.etoaudiobook.aws;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Figures about this process from /proc (Linux, which Lambda is) and the JVM's MX beans. */
public final class ProcessStats {
  private static long lastCpuNanos = -1;
  private static long lastWallNanos;

  private ProcessStats() {
  }

  /** Resident set size in bytes (VmRSS), or -1 off Linux. */
  public static long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          // "VmRSS:     123456 kB"
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  public static double rssMb() {
    long rss = rssBytes();
    return rss < 0 ? -1 : Math.round(rss / 1048576.0 * 10) / 10.0;
  }

  /** Open file descriptors (entries of /proc/self/fd), or -1 off Linux. */
  public static long openFileDescriptors() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU time of the whole process in nanoseconds, or -1. */
  public static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /**
   * CPU use in percent of one core: since the previous call (the first call: since start).
   * 200 means two cores busy.
   */
  public static synchronized double cpuPercentSinceLastCall() {
    long cpu = cpuNanos();
    long wall = System.nanoTime();
    double pct;
    if (lastCpuNanos < 0) {
      long uptimeNanos = ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
      pct = uptimeNanos <= 0 ? 0 : 100.0 * cpu / uptimeNanos;
    } else {
      long dw = wall - lastWallNanos;
      pct = dw <= 0 ? 0 : 100.0 * (cpu - lastCpuNanos) / dw;
    }
    lastCpuNanos = cpu;
    lastWallNanos = wall;
    return Math.round(pct * 10) / 10.0;
  }

  /** Per collector: collections and accumulated milliseconds. */
  public static Map<String, Collector> gc() {
    Map<String, Collector> out = new LinkedHashMap<>();
    List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
    for (GarbageCollectorMXBean b : beans) {
      out.put(b.getName(), new Collector(Math.max(0, b.getCollectionCount()), Math.max(0, b.getCollectionTime())));
    }
    return out;
  }

  /** One garbage collector's collections and their time since start. */
  public record Collector(long count, long timeMs) {
  }
}
