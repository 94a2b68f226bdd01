package com.etoaudiobook.concurrent;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A circuit breaker for a shared resource that has a local fallback (Redis behind the voice
 * catalog and the rate limiter): a failure opens it for {@code openFor}, during which callers use
 * the fallback without trying; then exactly one caller probes (half-open) while the others keep
 * using the fallback, and the probe's success closes it. The clock is injected so that tests
 * move time instead of sleeping.
 */
public final class CircuitBreaker {
  private final long openNanos;
  private final LongSupplier nanoClock;
  /** Clock reading before which no call is tried; 0 when closed. */
  private final AtomicLong openUntil = new AtomicLong();

  /** @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}) */
  public CircuitBreaker(Duration openFor, LongSupplier nanoClock) {
    this.openNanos = openFor.toNanos();
    this.nanoClock = nanoClock;
  }

  public static CircuitBreaker onSystemClock(Duration openFor) {
    return new CircuitBreaker(openFor, System::nanoTime);
  }

  /** Whether to try the resource now: closed, or open past its time and this caller won the probe. */
  public boolean allowRequest() {
    long until = openUntil.get();
    if (until == 0) {
      return true;
    }
    long now = nanoClock.getAsLong();
    return now - until >= 0 && openUntil.compareAndSet(until, nonZero(now + openNanos));
  }

  /** @return whether the breaker was open (the resource is back) */
  public boolean recordSuccess() {
    return openUntil.getAndSet(0) != 0;
  }

  /** @return whether the breaker was closed (this failure opened it) */
  public boolean recordFailure() {
    return openUntil.getAndSet(nonZero(nanoClock.getAsLong() + openNanos)) == 0;
  }

  public boolean isOpen() {
    return openUntil.get() != 0;
  }

  public Duration openFor() {
    return Duration.ofNanos(openNanos);
  }

  private static long nonZero(long t) {
    return t == 0 ? 1 : t;
  }
}
