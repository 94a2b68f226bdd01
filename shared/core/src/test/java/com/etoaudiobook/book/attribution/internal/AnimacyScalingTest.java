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
          .append(". The night was cold and the road was long.\n\n");
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
      a.person(noun(i));
      a.gender(noun(i));
    }
    return (double) (cpu.getCurrentThreadCpuTime() - t0) / n;
  }

  @Test
  void timePerParagraphDoesNotGrowWithTheBook() {
    nanosPerParagraph(2_000);  // warm up the JIT
    double small = nanosPerParagraph(3_000);
    double large = nanosPerParagraph(12_000);
    double ratio = large / small;
    // Quadratic weighing makes this ratio about 4; linear about 1.
    assertTrue(ratio < 2.5, () -> "per-paragraph cost grew " + ratio + "x for a 4x longer book");
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
    double small = enginePerParagraph(2_000);
    double large = enginePerParagraph(16_000);
    double ratio = large / small;
    // A scan of the cast per noun makes this ratio about 3; linear about 1.
    assertTrue(ratio < 2, () -> "per-paragraph cost grew " + ratio + "x for an 8x longer book");
  }
}
