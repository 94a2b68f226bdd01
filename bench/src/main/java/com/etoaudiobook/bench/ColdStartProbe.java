package com.etoaudiobook.bench;

import java.lang.management.ManagementFactory;

/**
 * Run by {@link ColdStartBench} in a fresh JVM on one function's Lambda jar: loads and constructs
 * the handler class the template names, as Lambda's init phase does, and prints
 * {@code init_ms=... jvm_ms=...} (the constructor alone; JVM start to handler ready).
 */
public final class ColdStartProbe {
  private ColdStartProbe() {
  }

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    Object handler = Class.forName(args[0]).getConstructor().newInstance();
    long initNanos = System.nanoTime() - t0;
    long jvmMs = ManagementFactory.getRuntimeMXBean().getUptime();
    System.out.println("init_ms=" + initNanos / 1_000_000 + " jvm_ms=" + jvmMs + " handler="
        + handler.getClass().getName());
    if (handler instanceof AutoCloseable c) {
      c.close();
    }
    System.exit(0); // non-daemon threads of an SDK client must not keep the probe alive
  }
}
