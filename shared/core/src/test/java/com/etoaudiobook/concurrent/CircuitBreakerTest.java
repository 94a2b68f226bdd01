package com.etoaudiobook.concurrent;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The breaker on a clock the test moves: no sleeping. */
class CircuitBreakerTest {
  final AtomicLong now = new AtomicLong(1_000);
  final CircuitBreaker breaker = new CircuitBreaker(Duration.ofSeconds(5), now::get);

  @Test
  void aFailureOpensItForItsTimeThenOneCallerProbes() {
    assertTrue(breaker.allowRequest(), "closed");
    assertTrue(breaker.recordFailure(), "this failure opened it");
    assertFalse(breaker.allowRequest(), "open");
    now.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
    assertFalse(breaker.allowRequest(), "still open a nanosecond before its time");
    now.incrementAndGet();
    assertTrue(breaker.allowRequest(), "half-open: this caller probes");
    assertFalse(breaker.allowRequest(), "the others keep to the fallback meanwhile");
    assertTrue(breaker.recordSuccess(), "the probe closed it");
    assertTrue(breaker.allowRequest());
    assertFalse(breaker.isOpen());
  }

  @Test
  void aFailedProbeOpensItAgainForTheWholeTime() {
    breaker.recordFailure();
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertTrue(breaker.allowRequest());
    assertFalse(breaker.recordFailure(), "it was open already");
    now.addAndGet(Duration.ofSeconds(4).toNanos());
    assertFalse(breaker.allowRequest());
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertTrue(breaker.allowRequest());
  }
}
