package com.etoaudiobook.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for background pools: daemons, so a pool never keeps the JVM (a CLI run, a Lambda
 * instance) alive, and named "{name}-{n}" so thread dumps and profiles say whose they are.
 */
public final class DaemonThreads {
  private DaemonThreads() {
  }

  public static ThreadFactory named(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
