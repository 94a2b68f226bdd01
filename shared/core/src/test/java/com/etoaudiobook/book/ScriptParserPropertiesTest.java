package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Any input to the script parser gives a Book whose segments point into the text, or the project's own
 * refusal (BookFormatException): never another exception, an Error or a hang; and its time grows in
 * proportion to the input, whatever line is repeated.
 */
class ScriptParserPropertiesTest {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final List<String> NAMES = List.of("a.md", "a.txt", "a.markdown", "a.MD", "a", "a.pdf");

  @Property(tries = 300)
  void anyStringIsABookOrARefusal(@ForAll @StringLength(max = 3_000) String text,
                                  @ForAll("names") String name) {
    check(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 200)
  void anyBytesAreABookOrARefusal(@ForAll @Size(max = 3_000) byte[] bytes, @ForAll("names") String name) {
    check(name, bytes);
  }

  @Property(tries = 300)
  void markdownIsABookOrARefusal(@ForAll("markdown") String text) {
    check("story.md", text.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 150)
  void plainTextIsABookOrARefusal(@ForAll("markdown") String text) {
    check("story.txt", text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A line (or a few) repeated to 32 KB and to 8 times that: a linear parser takes about 8 times the CPU
   * time; a quadratic spot 64 times. The bound leaves room for the JIT and the collector.
   */
  @Property(tries = 8)
  void timeGrowsInProportionToTheInput(@ForAll("unit") String unit) {
    String small = unit.repeat(Math.max(1, 32_768 / unit.length()));
    String large = unit.repeat(Math.max(1, 8 * 32_768 / unit.length()));
    long a = cpuNanos(small);
    long b = cpuNanos(large);
    assertTrue(b <= 24 * a + 60_000_000L, "8 times the input took " + b / 1_000_000 + " ms against "
        + a / 1_000_000 + " ms: " + describe(unit));
  }

  // ---------------------------------------------------------------- generators

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of(NAMES);
  }

  /** Lines of Markdown scripts and prose, and of markup used wrongly: headings, labels, quotes, marks. */
  @Provide
  Arbitrary<String> markdown() {
    return line().list().ofMaxSize(40).map(lines -> String.join("\n", lines));
  }

  /** What {@link #timeGrowsInProportionToTheInput} repeats: one to three lines, or a run without a break. */
  @Provide
  Arbitrary<String> unit() {
    Arbitrary<String> lines = line().list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("\n", l) + "\n");
    Arbitrary<String> run = Arbitraries.oneOf(marks(), words()).filter(s -> !s.isEmpty());
    return Arbitraries.oneOf(lines, run).filter(s -> !s.isBlank() || s.contains("\n"));
  }

  private static Arbitrary<String> line() {
    Arbitrary<String> w = words();
    Arbitrary<String> name = Arbitraries.of("Anna", "BEN", "Mrs. Clay", "Narrator", "Note", "Zoë", "A", "Captain Ahab");
    return Arbitraries.oneOf(
        w,
        Combinators.combine(Arbitraries.integers().between(1, 8), w).as((n, t) -> "#".repeat(n) + " " + t),
        Combinators.combine(name, w).as((n, t) -> "**" + n + ":** " + t),
        Combinators.combine(name, w).as((n, t) -> "**" + n + "**: " + t),
        Combinators.combine(name, w, w).as((n, d, t) -> "**" + n + " (" + d + "):** " + t),
        Combinators.combine(name, w).as((n, t) -> n.toUpperCase() + ": " + t),
        Combinators.combine(name, w).as((n, t) -> "\u201C" + t + ",\u201D said " + n + "."),
        Combinators.combine(name, w).as((n, t) -> "\"" + t + "\" " + n + " said."),
        w.map(t -> "[" + t + "]"),
        w.map(t -> "> " + t),
        w.map(t -> "* " + t),
        Arbitraries.of("---", "***", "___", "===", "```", "~~~", "", "", "CHAPTER IV", "Chapter 3: The Door", "II.",
            "*** START OF THE PROJECT GUTENBERG EBOOK X ***", "*** END OF THE PROJECT GUTENBERG EBOOK X ***",
            "Title: A Book", "Author: Someone", "by Jane Doe", "Contents", "I. The Start .......... 4"),
        marks());
  }

  private static Arbitrary<String> words() {
    return Arbitraries.strings().withChars("abcdefghij ABC.,!?'").ofMinLength(1).ofMaxLength(60);
  }

  /** Runs of the characters markup is made of, in any order. */
  private static Arbitrary<String> marks() {
    return Arbitraries.strings().withChars("*_[]()`\\>#:\"\u201C\u201D\u2018\u2019!-=. \t~|a")
        .ofMinLength(1).ofMaxLength(80);
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
    String text = TextDecoder.decode(bytes).text();
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
    for (int i = 0; i < 2; i++) {
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

  private static String describe(String unit) {
    String shown = unit.length() > 120 ? unit.substring(0, 120) + "…" : unit;
    return shown.replace("\n", "\\n");
  }
}
