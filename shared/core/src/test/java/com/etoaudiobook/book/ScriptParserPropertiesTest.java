package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.etoaudiobook.testing.Gen;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Any input to the script parser gives a Book whose segments point into the text, or the project's own
 * refusal (BookFormatException): never another exception, an Error or a hang; and its time grows in
 * proportion to the input, whatever line is repeated. Each property runs as many seeded cases (see
 * {@link Gen}): a failure names its seed, to replay it with {@code -Dgen.seed}.
 */
class ScriptParserPropertiesTest {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Gen<String> NAMES = Gen.of("a.md", "a.txt", "a.markdown", "a.MD", "a", "a.pdf");

  @TestFactory
  Stream<DynamicTest> anyStringIsABookOrARefusal() {
    return Gen.forAll(300, d -> check(d.draw("name", NAMES),
        d.draw("text", Gen.anyStrings(0, 3_000)).getBytes(StandardCharsets.UTF_8)));
  }

  @TestFactory
  Stream<DynamicTest> anyBytesAreABookOrARefusal() {
    return Gen.forAll(200, d -> check(d.draw("name", NAMES), d.draw("bytes", Gen.bytes(0, 3_000))));
  }

  @TestFactory
  Stream<DynamicTest> markdownIsABookOrARefusal() {
    return Gen.forAll(300, d -> check("story.md", d.draw("text", markdown()).getBytes(StandardCharsets.UTF_8)));
  }

  @TestFactory
  Stream<DynamicTest> plainTextIsABookOrARefusal() {
    return Gen.forAll(150, d -> check("story.txt", d.draw("text", markdown()).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A line (or a few) repeated to 32 KB and to 8 times that: a linear parser takes about 8 times the CPU
   * time; a quadratic spot 64 times. The bound leaves room for the JIT, the collector and a machine
   * at load 25, where caches shared with other processes stretched one pair to 294 ms against 9.
   */
  @TestFactory
  Stream<DynamicTest> timeGrowsInProportionToTheInput() {
    return Gen.forAll(8, d -> {
      String unit = d.draw("unit", unit());
      String small = unit.repeat(Math.max(1, 32_768 / unit.length()));
      String large = unit.repeat(Math.max(1, 8 * 32_768 / unit.length()));
      // the large input parsed once untimed first: a cold large run once took 1.5 s against 40 ms
      // in a full run (cause not found; its replay by seed passed), and a quadratic spot is as
      // slow warm
      cpuNanos(large);
      long a = 0;
      long b = Long.MAX_VALUE;
      // measured again, twice at most, when over: two runs of the suite on this VM measured 1.2 and
      // 2.2 s against 16 and 19 ms (best of three each) for lines of "'", a case that passed in the
      // runs before and after and alone by its seed; a quadratic spot is over in every pass
      for (int pass = 0; pass < 3 && b > 32 * a + 100_000_000L; pass++) {
        a = cpuNanos(small);
        b = cpuNanos(large);
      }
      assertTrue(b <= 32 * a + 100_000_000L, "8 times the input took " + b / 1_000_000 + " ms against "
          + a / 1_000_000 + " ms");
    });
  }

  // ---------------------------------------------------------------- generators

  /** Lines of Markdown scripts and prose, and of markup used wrongly: headings, labels, quotes, marks. */
  static Gen<String> markdown() {
    return line().list(0, 40).map(lines -> String.join("\n", lines));
  }

  /** What {@link #timeGrowsInProportionToTheInput} repeats: one to three lines, or a run without a break. */
  static Gen<String> unit() {
    Gen<String> lines = line().list(1, 3).map(l -> String.join("\n", l) + "\n");
    Gen<String> run = Gen.<String>oneOf(marks(), words()).filter(s -> !s.isEmpty());
    return Gen.<String>oneOf(lines, run).filter(s -> !s.isBlank() || s.contains("\n"));
  }

  private static Gen<String> line() {
    Gen<String> w = words();
    Gen<String> name = Gen.of("Anna", "BEN", "Mrs. Clay", "Narrator", "Note", "Zoë", "A", "Captain Ahab");
    return Gen.oneOf(
        w,
        r -> "#".repeat(Gen.ints(1, 8).next(r)) + " " + w.next(r),
        r -> "**" + name.next(r) + ":** " + w.next(r),
        r -> "**" + name.next(r) + "**: " + w.next(r),
        r -> "**" + name.next(r) + " (" + w.next(r) + "):** " + w.next(r),
        r -> name.next(r).toUpperCase() + ": " + w.next(r),
        r -> {
          String n = name.next(r);
          return "\u201C" + w.next(r) + ",\u201D said " + n + ".";
        },
        r -> {
          String n = name.next(r);
          return "\"" + w.next(r) + "\" " + n + " said.";
        },
        w.map(t -> "[" + t + "]"),
        w.map(t -> "> " + t),
        w.map(t -> "* " + t),
        Gen.of("---", "***", "___", "===", "```", "~~~", "", "", "CHAPTER IV", "Chapter 3: The Door", "II.",
            "*** START OF THE PROJECT GUTENBERG EBOOK X ***", "*** END OF THE PROJECT GUTENBERG EBOOK X ***",
            "Title: A Book", "Author: Someone", "by Jane Doe", "Contents", "I. The Start .......... 4"),
        marks());
  }

  private static Gen<String> words() {
    return Gen.strings("abcdefghij ABC.,!?'", 1, 60);
  }

  /** Runs of the characters markup is made of, in any order. */
  private static Gen<String> marks() {
    return Gen.strings("*_[]()`\\>#:\"\u201C\u201D\u2018\u2019!-=. \t~|a", 1, 80);
  }

  // ---------------------------------------------------------------- checks

  private static void check(String name, byte[] bytes) {
    Book book;
    try {
      book = new ScriptParser().parse(name, bytes);
    } catch (BookFormatException refused) {
      assertNotNull(refused.reason());
      assertFalse(refused.getMessage().isBlank());
      return;
    }
    String text = ScriptParser.laidOut(ScriptParser.format(name), TextDecoder.decode(bytes)).text();
    int index = 0;
    Set<String> roles = new HashSet<>();
    book.roles().forEach(r -> roles.add(r.name()));
    assertFalse(book.chapters().isEmpty());
    assertTrue(book.segmentCount() <= Book.MAX_SEGMENTS);
    for (Chapter c : book.chapters()) {
      for (Segment s : c.segments()) {
        assertEquals(index++, s.index(), "segments numbered in order");
        assertTrue(0 <= s.start() && s.start() <= s.end() && s.end() <= text.length(),
            "offsets [" + s.start() + ", " + s.end() + ") inside a text of " + text.length());
        assertFalse(s.text().isBlank(), "a segment has something to say");
        assertTrue(roles.contains(s.role()), "the role " + s.role() + " is among the book's roles");
      }
    }
  }

  private static long cpuNanos(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    long best = Long.MAX_VALUE;
    // best of three: one run slowed by the JIT or a collection on a busy 2-core machine measured 30x once;
    // a quadratic spot stays at 64x in every run
    for (int i = 0; i < 3; i++) {
      long t0 = THREADS.getCurrentThreadCpuTime();
      try {
        new ScriptParser().parse("unit.md", bytes);
      } catch (BookFormatException refused) {
        // a refusal is an answer too; its time counts the same
      }
      best = Math.min(best, THREADS.getCurrentThreadCpuTime() - t0);
    }
    return best;
  }
}
