package com.etoaudiobook.bench;

import java.lang.management.ManagementFactory;

/**
 * Run by {@link ColdStartBench} in a fresh JVM on one function's code: loads and constructs the
 * handler class the template names, as Lambda's init phase does, and prints
 * {@code init_ms=... cpu_ms=... jvm_ms=...} (the constructor's wall time and the CPU time of every
 * thread of the JVM while it ran; JVM start to handler ready).
 */
public final class ColdStartProbe {
  private ColdStartProbe() {
  }

  public static void main(String[] args) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Object handler = Class.forName(args[0]).getConstructor().newInstance();
    long initNanos = System.nanoTime() - t0;
    long cpuNanos = os.getProcessCpuTime() - cpu0;
    long jvmMs = ManagementFactory.getRuntimeMXBean().getUptime();
    System.out.println("init_ms=" + initNanos / 1_000_000 + " cpu_ms=" + cpuNanos / 1_000_000 + " jvm_ms=" + jvmMs
        + " handler=" + handler.getClass().getName());
    if (handler instanceof AutoCloseable c) {
      c.close();
    }
    System.exit(0); // non-daemon threads of an SDK client must not keep the probe alive
  }
}
