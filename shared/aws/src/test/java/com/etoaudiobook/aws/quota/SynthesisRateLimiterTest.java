package com.etoaudiobook.aws.quota;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quota limiter: slots 1/quota apart, shared through the real Redis on 127.0.0.1:6379. */
class SynthesisRateLimiterTest {
  static final String REDIS_URL = "redis://127.0.0.1:6379";

  /** When a call reserved just now may start, in ms of System.nanoTime(). */
  private static long slot(long wait) {
    assertTrue(wait >= 0, "a slot was reserved");
    return System.nanoTime() / 1_000_000 + wait;
  }

  @Test
  void localSlotsAreOneIntervalApartAndAWaitTooLongReservesNothing() {
    LocalRateLimiter limiter = new LocalRateLimiter(Map.of("neural", 8.0));
    List<Long> slots = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      slots.add(slot(limiter.reserve("neural", 10_000)));
    }
    // 125 ms apart: the ninth call of a burst starts a whole second after the first (loose bounds:
    // on a loaded machine this thread may be descheduled between two calls)
    assertTrue(Math.abs(slots.get(8) - slots.get(0) - 1000) <= 40, slots.toString());
    assertEquals(-1, limiter.reserve("neural", 500), "the next slot is over half a second away");
    long next = slot(limiter.reserve("neural", 10_000));
    assertTrue(Math.abs(next - slots.get(0) - 1125) <= 40, "the refused call took no slot: " + next);
    assertEquals(0, limiter.reserve("unknown-engine", 0), "an engine without a quota is not paced");
  }

  @Test
  void instancesSharingRedisShareOneSchedule() {
    String engine = "test-" + UUID.randomUUID();
    Map<String, Double> quotas = Map.of(engine, 10.0, engine + "-paced", 10.0);
    try (SynthesisRateLimiter a = SynthesisRateLimiter.create(quotas, REDIS_URL, 2);
         SynthesisRateLimiter b = SynthesisRateLimiter.create(quotas, REDIS_URL, 2)) {
      a.reserve(engine, 0); // connect both first: a connection's set-up is not a step of the schedule
      b.reserve(engine, 0);
      String other = engine + "-paced";
      // each slot is known within [start of the call, its return] + wait: a loaded machine may
      // delay a return, so steps are checked against those bounds, not against one clock reading
      long[] lo = new long[10];
      long[] hi = new long[10];
      for (int i = 0; i < 10; i++) {
        long before = System.nanoTime() / 1_000_000;
        long wait = (i % 2 == 0 ? a : b).reserve(other, 10_000);
        assertTrue(wait >= 0, "a slot was reserved");
        lo[i] = before + wait;
        hi[i] = System.nanoTime() / 1_000_000 + wait;
      }
      // two instances alternating: one schedule 100 ms apart, not two at 10 per second each (steps
      // of 0 and 100 ms) nor each at its share (steps of 0 and 200 ms)
      for (int i = 1; i < 10; i++) {
        assertTrue(lo[i] - hi[i - 1] <= 105 && hi[i] - lo[i - 1] >= 95,
            "step " + i + ": [" + (lo[i] - hi[i - 1]) + ", " + (hi[i] - lo[i - 1]) + "] ms");
      }
      assertEquals(-1, a.reserve(other, 100), "slots are taken for the next second");
    }
  }

  @Test
  void withRedisDownEachInstancePacesItselfAtItsShare() {
    // nothing listens on port 1: every Redis call fails, and the fallback takes over
    try (SynthesisRateLimiter limiter = SynthesisRateLimiter.create(Map.of("neural", 8.0), "redis://127.0.0.1:1", 4)) {
      long first = slot(limiter.reserve("neural", 10_000));
      long second = slot(limiter.reserve("neural", 10_000));
      // a quarter of 8 per second: 500 ms apart
      assertTrue(Math.abs(second - first - 500) <= 40, first + ", " + second);
    }
  }
}
