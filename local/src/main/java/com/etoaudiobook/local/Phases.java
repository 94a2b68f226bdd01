package com.etoaudiobook.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;

/** Logs (INFO, so with --verbose) how long each phase of a command took since the JVM started: where wall time goes. */
final class Phases {
  private static final Logger LOG = LoggerFactory.getLogger(Phases.class);
  private static long last = ManagementFactory.getRuntimeMXBean().getStartTime();

  private Phases() {
  }

  static synchronized void mark(String phase) {
    long now = System.currentTimeMillis();
    if (LOG.isInfoEnabled()) {
      LOG.info("phase {}: {} ms (at {} ms since JVM start)", phase, now - last,
          now - ManagementFactory.getRuntimeMXBean().getStartTime());
    }
    last = now;
  }
}
