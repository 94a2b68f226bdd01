package com.etoaudiobook.concurrent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadAheadTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(8, DaemonThreads.named("test"));

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void itemsComeInOrderWithAtMostTheBoundStartedAhead() {
    AtomicInteger started = new AtomicInteger();
    List<Integer> startedWhenRead = new ArrayList<>();
    ReadAhead<Integer> reads = new ReadAhead<>(pool, 50, 4, i -> {
      started.incrementAndGet();
      return i;
    });
    for (int i = 0; i < 50; i++) {
      assertEquals(i, reads.next());
      startedWhenRead.add(started.get());
    }
    // item i is read once it is loaded; by then no more than items 0..i+3 have been started
    for (int i = 0; i < 50; i++) {
      assertTrue(startedWhenRead.get(i) <= Math.min(50, i + 4), "read " + i + " with " + startedWhenRead.get(i)
          + " started");
    }
  }

  @Test
  void aLoadsFailureIsThrownByTheReadOfThatItem() {
    IllegalStateException gone = new IllegalStateException("gone");
    ReadAhead<Integer> reads = new ReadAhead<>(pool, 3, 2, i -> {
      if (i == 1) {
        throw gone;
      }
      return i;
    });
    assertEquals(0, reads.next());
    assertSame(gone, assertThrows(IllegalStateException.class, reads::next));
  }

  @Test
  void writesRunBesideTheCallerAndAFailureSurfacesAtTheEnd() throws Exception {
    WriteBehind writes = new WriteBehind(pool, 2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger done = new AtomicInteger();
    Runnable blocked = () -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      done.incrementAndGet();
    };
    writes.submit(blocked);
    writes.submit(blocked);
    // both are in flight and neither has finished: submit did not wait for them
    assertEquals(0, done.get());
    release.countDown();
    IllegalStateException refused = new IllegalStateException("refused");
    writes.submit(() -> {
      throw refused;
    });
    assertSame(refused, assertThrows(IllegalStateException.class, writes::awaitAll));
    assertEquals(2, done.get());
  }
}
