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
  void aBurstStartsAtOnceThenSlotsAreOneIntervalApartAndAWaitTooLongReservesNothing() {
    assertEquals(4, SynthesisRateLimiter.burst(8.0), "half a second's worth");
    assertEquals(40, SynthesisRateLimiter.burst(80.0));
    assertEquals(1, SynthesisRateLimiter.burst(0.8), "an instance's small share still gets its call");
    LocalRateLimiter limiter = new LocalRateLimiter(Map.of("neural", 8.0));
    List<Long> slots = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      slots.add(slot(limiter.reserve("neural", 10_000)));
    }
    // the first 4 at once, then 125 ms apart: the ninth starts 625 ms after the first (loose bounds:
    // on a loaded machine this thread may be descheduled between two calls)
    assertTrue(slots.get(3) - slots.get(0) <= 40, "the burst waits for nothing: " + slots);
    assertTrue(Math.abs(slots.get(4) - slots.get(0) - 125) <= 40, slots.toString());
    assertTrue(Math.abs(slots.get(8) - slots.get(0) - 625) <= 40, slots.toString());
    assertEquals(-1, limiter.reserve("neural", 500), "the next slot is over half a second away");
    long next = slot(limiter.reserve("neural", 10_000));
    assertTrue(Math.abs(next - slots.get(0) - 750) <= 40, "the refused call took no slot: " + next);
    assertEquals(0, limiter.reserve("unknown-engine", 0), "an engine without a quota is not paced");
  }

  @Test
  void noWindowHoldsMoreThanTheBurstAndTheQuotasWorth() {
    // Polly's bucket holds a second's worth: any second of a schedule at 80/s with a burst of 40
    // holds at most 40 + 80 calls' starts, so 40 tokens are left for calls delayed on their way
    LocalRateLimiter limiter = new LocalRateLimiter(Map.of("standard", 80.0));
    List<Long> slots = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      slots.add(slot(limiter.reserve("standard", 60_000)));
    }
    for (int i = 0; i < slots.size(); i++) {
      long from = slots.get(i);
      long inSecond = slots.stream().filter(t -> t >= from && t < from + 1000).count();
      assertTrue(inSecond <= 40 + 80 + 2, inSecond + " calls in the second from slot " + i);
    }
    assertTrue(slots.get(399) - slots.get(0) >= (399 - 39) * 1000 / 80 - 40, "then one per 12.5 ms: " + slots);
  }

  @Test
  void instancesSharingRedisShareOneSchedule() {
    String engine = "test-" + UUID.randomUUID();
    // 4 per second, slots 250 ms apart: the loop below must not fall a step behind the schedule, or its
    // slots become "now"; at 10 per second a machine at load 20 fell 100 ms behind now and then
    Map<String, Double> quotas = Map.of(engine, 4.0, engine + "-paced", 4.0);
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
      // two instances alternating: one schedule (a burst of 2, half a second's worth, then 250 ms
      // apart), not two at 4 per second each (bursts of 2 each, then steps of 0 and 250 ms) nor each
      // at its share (500 ms) (the burst's slots are each "now": the third is 250 ms after the first)
      for (int i = 1; i < 10; i++) {
        int from = i == 2 ? 0 : i - 1;
        long step = i < 2 ? 0 : 250;
        assertTrue(lo[i] - hi[from] <= step + 5 && hi[i] - lo[from] >= step - 5,
            "step " + i + ": [" + (lo[i] - hi[from]) + ", " + (hi[i] - lo[from]) + "] ms");
      }
      assertEquals(-1, a.reserve(other, 100), "slots are taken for the next half second");
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
