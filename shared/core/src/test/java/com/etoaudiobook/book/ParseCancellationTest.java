package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Thread.stop is gone on Java 21, so a parse past its deadline ends only if it stops itself: an
 * interrupt on a plain thread ends a parse of a huge script within about 100 ms of its CPU time, with
 * the project's own refusal.
 */
class ParseCancellationTest {
  /**
   * How much of its CPU the parse may use after the interrupt: its loops check the flag every line
   * (a few ms of work); the margin is for a shared machine (GC, JIT).
   */
  private static final long STOP_WITHIN_MS = 500;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** About 12 MB of script: two roles in turn, 400-character speeches (30,000 segments, under the limit). */
  static byte[] hugeScript() {
    StringBuilder s = new StringBuilder("# The Long Night\n\n");
    String words = "the lamp burned low and the river kept its own counsel while the wind went round ";
    int i = 0;
    while (s.length() < 12_000_000) {
      s.append(i % 2 == 0 ? "**Anna:** " : "**Ben:** ").append(words.repeat(5)).append(i).append("\n\n");
      i++;
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anInterruptStopsAHugeParseWithinAboutAHundredMilliseconds() throws Exception {
    byte[] script = hugeScript();
    // At several moments, so the interrupt lands in different passes (decoding, line passes, chapters).
    for (long after : new long[] {150, 600, 1_200}) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicLong ended = new AtomicLong();
      AtomicLong endedCpu = new AtomicLong();
      CountDownLatch done = new CountDownLatch(1);
      Thread parse = new Thread(() -> {
        try {
          new ScriptParser().parse("long-night.md", script);
        } catch (Throwable t) {
          thrown.set(t);
        } finally {
          endedCpu.set(THREADS.getCurrentThreadCpuTime());
          ended.set(System.nanoTime());
          done.countDown();
        }
      }, "parse");
      parse.start();
      if (done.await(after, TimeUnit.MILLISECONDS)) {
        continue; // this machine parsed it all before the moment came: nothing to stop
      }
      long interruptedCpu = THREADS.getThreadCpuTime(parse.getId());
      long interrupted = System.nanoTime();
      parse.interrupt();
      assertTrue(done.await(10, TimeUnit.SECONDS), "the parse did not stop at all");
      long wall = (ended.get() - interrupted) / 1_000_000;
      // The parse's own CPU time from the interrupt to its end: the work it did before stopping, whatever
      // else the machine runs (the wall time also counts waiting for a core, and collections).
      long ms = (endedCpu.get() - interruptedCpu) / 1_000_000;
      System.out.printf("interrupted after %d ms: stopped after %d ms of its CPU (%d ms of wall time)%n", after,
          ms, wall);
      assertTrue(ms <= STOP_WITHIN_MS, "went on for " + ms + " ms of CPU after the interrupt");
      if (thrown.get() == null) {
        continue; // the interrupt came after the parse's last check: it ended at once, with its book
      }
      assertInstanceOf(ParseStoppedException.class, thrown.get(), String.valueOf(thrown.get()));
      assertEquals("stopped", ((BookFormatException) thrown.get()).reason());
    }
  }

  @Test
  void withinStopsAParsePastItsLimitAndLeavesNoInterruptBehind() {
    byte[] script = hugeScript();
    long t0 = System.nanoTime();
    assertThrows(ParseStoppedException.class, () -> Cancellation.within(Duration.ofMillis(200),
        () -> new ScriptParser().parse("long-night.md", script)));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 200 + 1_000, "took " + ms + " ms for a limit of 200");
    assertFalse(Thread.currentThread().isInterrupted(), "the limit's interrupt leaked to the caller");
  }

  @Test
  void withinReturnsWhatFinishesInTimeAndNeverInterruptsLater() throws Exception {
    byte[] small = "**Anna:** Hello.\n\n**Ben:** Hi.\n".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 200; i++) {
      // A limit of 1 ms races the parse: either way, the caller's thread is not left interrupted.
      try {
        Book b = Cancellation.within(Duration.ofMillis(1), () -> new ScriptParser().parse("a.md", small));
        assertEquals(2, b.segmentCount());
      } catch (ParseStoppedException e) {
        // the limit came first
      }
      assertFalse(Thread.interrupted(), "an interrupt of within() outlived it (round " + i + ")");
    }
    Book b = Cancellation.within(Duration.ofSeconds(30), () -> new ScriptParser().parse("a.md", small));
    assertEquals(2, b.segmentCount());
  }

  @Test
  void aParseOnAnInterruptedThreadIsRefusedAtOnce() {
    Thread.currentThread().interrupt();
    try {
      assertThrows(ParseStoppedException.class,
          () -> new ScriptParser().parse("a.md", "**Anna:** Hello.\n".getBytes(StandardCharsets.UTF_8)));
    } finally {
      assertTrue(Thread.interrupted(), "the check clears no one's interrupt");
    }
  }
}
