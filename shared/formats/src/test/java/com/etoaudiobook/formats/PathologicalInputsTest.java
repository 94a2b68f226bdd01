package com.etoaudiobook.formats;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.BookFormatException;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every input of {@link Pathological} (deep nesting, very long lines, runs of markup characters,
 * thousands of labels or headings...) at 256 KB: a Book or a BookFormatException, never another
 * exception, in CPU time within a bound of an ordinary book of its format and size. The inputs that
 * took minutes (a quadratic regular expression) or overflowed the stack fail here.
 */
class PathologicalInputsTest {
  private static final int SIZE = 256 * 1024;
  /** Times the ordinary book's CPU time, plus a floor for the JIT's first pass over a new path. */
  private static final int MAX_RATIO = 25;
  private static final long FLOOR_MS = 500;
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Map<String, Long> normalMs = new HashMap<>();

  @TestFactory
  Stream<DynamicTest> eachPathologicalInputIsABookOrARefusalInBoundedTime() {
    return Pathological.kinds().stream().map(k -> DynamicTest.dynamicTest(k.family() + "/" + k.name(), () -> {
      long normal = normalMs.computeIfAbsent(k.family(), f -> {
        Pathological.Input in = Pathological.normal(f, SIZE);
        parse(in); // once for the JIT
        return parse(in);
      });
      long ms = parse(k.build().apply(SIZE));
      assertTrue(ms <= MAX_RATIO * normal + FLOOR_MS, k.family() + "/" + k.name() + " took " + ms
          + " ms of CPU, an ordinary book of its size " + normal + " ms");
    }));
  }

  /** CPU ms of the process (collection included) to parse; fails on anything but a Book or a refusal. */
  private static long parse(Pathological.Input in) {
    long t0 = OS.getProcessCpuTime();
    try {
      Book b = new DocumentParser().parse(in.name(), in.bytes());
      assertFalse(b.chapters().isEmpty());
      assertTrue(b.segmentCount() <= Book.MAX_SEGMENTS);
    } catch (BookFormatException refused) {
      assertNotNull(refused.reason());
    }
    return (OS.getProcessCpuTime() - t0) / 1_000_000;
  }
}
