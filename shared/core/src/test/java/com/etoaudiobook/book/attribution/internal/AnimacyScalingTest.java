package com.etoaudiobook.book.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * Weighing a description noun costs its own mentions, not the whole book: a book where every
 * "said the X" has a new noun must take time in proportion to its length.
 */
class AnimacyScalingTest {

  /** An invented noun per paragraph, so every one is weighed afresh. */
  private static String noun(int i) {
    StringBuilder s = new StringBuilder("zo");
    do {
      s.append((char) ('a' + i % 26));
      i /= 26;
    } while (i > 0);
    return s.append("ik").toString();
  }

  private static String book(int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append("\u201CIt is late,\u201D said the ").append(noun(i))
          .append(". The ").append(noun(i))
          .append(", who was tired, sat down; the road was long.\n\n");
    }
    return text.toString();
  }

  /** CPU nanoseconds of this thread per paragraph to weigh every paragraph's noun. */
  private static double nanosPerParagraph(int n) {
    Stages s = new Stages(book(n));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long t0 = cpu.getCurrentThreadCpuTime();
    Animacy a = new Animacy(s.tokens);
    for (int i = 0; i < n; i++) {
      assertTrue(a.person(noun(i)));  // a who: someone, whatever the word
      a.gender(noun(i));
    }
    return (double) (cpu.getCurrentThreadCpuTime() - t0) / n;
  }

  /**
   * The least of three measurements: CPU time still swells when other processes thrash the
   * caches (a 2.7x ratio was seen once at load 20), and the least run is the one they disturbed least.
   */
  private static double best(java.util.function.DoubleSupplier run) {
    double least = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      least = Math.min(least, run.getAsDouble());
    }
    return least;
  }

  @Test
  void timePerParagraphDoesNotGrowWithTheBook() {
    nanosPerParagraph(1_000);  // warm up the JIT
    double small = best(() -> nanosPerParagraph(1_000));
    double large = best(() -> nanosPerParagraph(16_000));
    double ratio = large / small;
    // Quadratic weighing makes this ratio about 16; linear about 1, up to 4 where the larger book's
    // tables leave the caches (2,000 against 16,000 paragraphs came to 4.0 once in a whole CI run)
    assertTrue(ratio < 8, () -> "per-paragraph cost grew " + ratio + "x for a 16x longer book");
  }

  /** CPU nanoseconds of this thread per paragraph to attribute the whole book. */
  private static double enginePerParagraph(int n) {
    String text = book(n);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long t0 = cpu.getCurrentThreadCpuTime();
    Engine.run(text);
    return (double) (cpu.getCurrentThreadCpuTime() - t0) / n;
  }

  @Test
  void attributionTimePerParagraphDoesNotGrowWithTheBook() {
    // Each description also becomes a role of the cast: no stage may scan the cast per noun.
    enginePerParagraph(1_500);
    // A scan of the cast per noun makes this ratio about 3; linear 0.3 to 0.7 alone, but 2.1 and
    // 2.6 were seen in the whole suite's fork on a machine just set up (the large book's collections
    // and cache misses charged to this thread). Interference only ever raises the ratio, and a scan
    // raises it every time: the least of up to three tries is the one to judge.
    double ratio = Double.MAX_VALUE;
    for (int attempt = 0; attempt < 3 && ratio >= 2.5; attempt++) {
      double small = best(() -> enginePerParagraph(2_000));
      double large = best(() -> enginePerParagraph(16_000));
      ratio = Math.min(ratio, large / small);
    }
    double least = ratio;
    assertTrue(least < 2.5, () -> "per-paragraph cost grew " + least + "x for an 8x longer book");
  }
}
