package com.etoaudiobook.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a benchmark's CPU went: per thread group (names without their numbers) between two
 * snapshots, and what no Java thread accounts for (the JIT compiler and the garbage collector).
 */
final class CpuByThread {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> threadNanos = new HashMap<>();
  private final long processNanos;

  private CpuByThread() {
    for (long id : THREADS.getAllThreadIds()) {
      threadNanos.put(id, THREADS.getThreadCpuTime(id));
    }
    processNanos = processCpuNanos();
  }

  static CpuByThread snapshot() {
    return new CpuByThread();
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** One line per group using at least 2% of the CPU since this snapshot, per unit of work. */
  String report(int units, String unit) {
    Map<String, Long> groups = new TreeMap<>();
    long javaThreads = 0;
    for (long id : THREADS.getAllThreadIds()) {
      ThreadInfo info = THREADS.getThreadInfo(id);
      long now = THREADS.getThreadCpuTime(id);
      if (info == null || now < 0) {
        continue;
      }
      long used = now - threadNanos.getOrDefault(id, 0L);
      groups.merge(info.getThreadName().replaceAll("[-0-9]+$", ""), used, Long::sum);
      javaThreads += used;
    }
    long total = processCpuNanos() - processNanos;
    groups.put("(JIT compiler, GC, threads that ended)", Math.max(0, total - javaThreads));
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "  CPU %.1f ms per %s, of which:%n",
        total / 1e6 / units, unit));
    groups.entrySet().stream().filter(e -> e.getValue() * 50 >= total)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(e -> out.append(String.format(Locale.ROOT, "    %5.1f ms  %s%n", e.getValue() / 1e6 / units,
            e.getKey())));
    return out.toString();
  }
}
