package com.etoaudiobook.formats;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Segment;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Any upload, whatever its bytes and name, gives a Book whose segments point into its text or the
 * project's own refusal (BookFormatException), never another exception or an Error: arbitrary bytes,
 * HTML and EPUB made of any mix of tags and attributes, Word and PDF documents of any text, and damaged
 * copies of valid files. And the time grows in proportion to the input.
 */
class DocumentParserPropertiesTest {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final List<String> NAMES = List.of("a.md", "a.txt", "a.html", "a.xhtml", "a.epub", "a.pdf",
      "a.docx", "a", "a.doc", "a.zip");
  private static final List<String> TAGS = List.of("p", "div", "h1", "h2", "h3", "h6", "a", "sup", "pre", "nav",
      "ul", "li", "table", "tr", "td", "span", "b", "i", "img", "section", "body", "html", "head", "title",
      "script", "code", "br", "hr", "blockquote");
  private static final List<String> ATTRIBUTES = List.of("", "", " href=\"#c1\"", " href=\"http://x.org/\"",
      " href=\"c2.xhtml#n\"", " epub:type=\"footnote noteref\"", " epub:type=\"toc toc\"", " role=\"doc-toc\"",
      " class=\"pagenum footnote\"", " class=\"screen\"", " hidden", " id=\"c1\"", " alt=\"T\"", " lang=\"fr\"");

  /** Valid documents to damage, built once. */
  private static final Map<String, byte[]> VALID = new LinkedHashMap<>();

  static {
    Map<String, String> ch = new LinkedHashMap<>();
    ch.put("One", "<p>\u201CWho is there?\u201D asked Anna.</p><p>The door opened.</p>");
    ch.put("Two", "<p>Ben said nothing at all.</p>");
    VALID.put("a.epub", Pathological.epub("a.epub", ch).bytes());
    VALID.put("a.docx", Pathological.docx("a.docx", List.of("Chapter One", "\u201CHello,\u201D said Anna.",
        "Ben waved."), false).bytes());
    VALID.put("a.pdf", Pathological.pdf("a.pdf", List.of("Chapter 1", "\"Hello,\" said Anna.", "Ben waved."),
        false).bytes());
    VALID.put("a.html", Pathological.utf8(Pathological.html("<h2>One</h2><p>\u201CHi,\u201D said Anna.</p>"
        + "<h2>Two</h2><p>Ben waved.</p>")));
  }

  @Property(tries = 200)
  void anyBytesUnderAnyNameAreABookOrARefusal(@ForAll @Size(max = 4_000) byte[] bytes, @ForAll("names") String name) {
    check(name, bytes);
  }

  @Property(tries = 200)
  void anyMixOfTagsIsABookOrARefusal(@ForAll("soup") String body) {
    check("a.html", Pathological.utf8(Pathological.html(body)));
    check("a.html", Pathological.utf8(body));
  }

  @Property(tries = 80)
  void anEpubOfAnyMarkupIsABookOrARefusal(@ForAll("soup") String one, @ForAll("soup") String two) {
    Map<String, String> chapters = new LinkedHashMap<>();
    chapters.put("One", one);
    chapters.put("Two", two);
    check("a.epub", Pathological.epub("a.epub", chapters).bytes());
  }

  @Property(tries = 25)
  void aWordDocumentOfAnyTextIsABookOrARefusal(@ForAll("paragraphs") List<String> paragraphs,
                                               @ForAll boolean runs) {
    check("a.docx", Pathological.docx("a.docx", paragraphs, runs).bytes());
  }

  @Property(tries = 25)
  void aPdfOfAnyTextIsABookOrARefusal(@ForAll("paragraphs") List<String> paragraphs, @ForAll boolean oneLine) {
    check("a.pdf", Pathological.pdf("a.pdf", paragraphs, oneLine).bytes());
  }

  /** A valid file with bytes overwritten at random, or cut short. */
  @Property(tries = 200)
  void aDamagedFileIsABookOrARefusal(@ForAll("valid") String name, @ForAll @Size(min = 1, max = 8) List<Integer> at,
                                     @ForAll @Size(min = 8, max = 8) byte[] with, @ForAll boolean truncate) {
    byte[] b = VALID.get(name).clone();
    for (int i = 0; i < at.size(); i++) {
      b[Math.floorMod(at.get(i), b.length)] = with[i];
    }
    if (truncate) {
      b = Arrays.copyOf(b, Math.floorMod(at.get(0), b.length) + 1);
    }
    check(name, b);
  }

  /**
   * Markup repeated to 32 KB and to 8 times that: a linear reader takes about 8 times the CPU time, a
   * quadratic spot 64 times. The bound leaves room for the JIT and the collector.
   */
  @Property(tries = 10)
  void timeGrowsInProportionToTheInput(@ForAll("soup") String unit, @ForAll @IntRange(min = 0, max = 1) int epub) {
    String u = unit.isEmpty() ? "<p>a</p>" : unit;
    long a = cpuMs(u, 32_768, epub == 1);
    long b = cpuMs(u, 8 * 32_768, epub == 1);
    assertTrue(b <= 24 * a + 150, "8 times the input took " + b + " ms against " + a + " ms: "
        + (u.length() > 200 ? u.substring(0, 200) + "…" : u));
  }

  // ---------------------------------------------------------------- generators

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of(NAMES);
  }

  @Provide
  Arbitrary<String> valid() {
    return Arbitraries.of(List.copyOf(VALID.keySet()));
  }

  /** Tags opened and closed in any order, with attributes that steer the reader, text and entities. */
  @Provide
  Arbitrary<String> soup() {
    Arbitrary<String> tag = Arbitraries.of(TAGS);
    Arbitrary<String> open = Combinators.combine(tag, Arbitraries.of(ATTRIBUTES))
        .as((t, a) -> "<" + t + a + ">");
    Arbitrary<String> close = tag.map(t -> "</" + t + ">");
    Arbitrary<String> empty = tag.map(t -> "<" + t + "/>");
    Arbitrary<String> text = Arbitraries.strings().withChars("abcdefgh ABC.,!?\"'\u201C\u201D\n\t\u00a0\u00ad")
        .ofMinLength(1).ofMaxLength(40);
    Arbitrary<String> other = Arbitraries.of("&amp;", "&#x201C;", "&nbsp;", "&bogus;", "<!-- note -->",
        "<![CDATA[x<y]]>", "<", ">", "&", "<?xml version=\"1.0\"?>", "<!DOCTYPE html>", "Chapter 1",
        "*** START OF THE PROJECT GUTENBERG EBOOK X ***", "Title: T", "Contents");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, open), net.jqwik.api.Tuple.of(3, close), net.jqwik.api.Tuple.of(1, empty),
        net.jqwik.api.Tuple.of(5, text), net.jqwik.api.Tuple.of(1, other))
        .list().ofMaxSize(40).map(l -> String.join("", l));
  }

  /** Paragraphs a Word document or a PDF (in WinAnsi, what its standard font can show) may hold. */
  @Provide
  Arbitrary<List<String>> paragraphs() {
    return Arbitraries.strings().withChars("abcdefghij ABCDE.,!?\"'-:;()[]*_#").ofMaxLength(300)
        .list().ofMinSize(1).ofMaxSize(30);
  }

  // ---------------------------------------------------------------- checks

  private static void check(String name, byte[] bytes) {
    DocumentParser.Document d;
    try {
      d = new DocumentParser().read(name, bytes);
    } catch (BookFormatException refused) {
      assertNotNull(refused.reason());
      assertFalse(refused.getMessage().isBlank());
      return;
    }
    Book book = d.book();
    assertFalse(book.chapters().isEmpty());
    assertTrue(book.segmentCount() <= Book.MAX_SEGMENTS);
    for (Chapter c : book.chapters()) {
      for (Segment s : c.segments()) {
        assertTrue(0 <= s.start() && s.start() <= s.end() && s.end() <= d.text().length(),
            "offsets [" + s.start() + ", " + s.end() + ") inside a text of " + d.text().length());
        assertFalse(s.text().isBlank());
      }
    }
  }

  private static long cpuMs(String unit, int size, boolean epub) {
    String body = unit.repeat(Math.max(1, size / unit.length()));
    byte[] bytes;
    String name;
    if (epub) {
      Map<String, String> ch = new LinkedHashMap<>();
      ch.put("One", body);
      name = "a.epub";
      bytes = Pathological.epub(name, ch).bytes();
    } else {
      name = "a.html";
      bytes = body.getBytes(StandardCharsets.UTF_8);
    }
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 2; i++) {
      long t0 = OS.getProcessCpuTime();
      try {
        new DocumentParser().parse(name, bytes);
      } catch (BookFormatException refused) {
        // an answer too; its time counts the same
      }
      best = Math.min(best, (OS.getProcessCpuTime() - t0) / 1_000_000);
    }
    return best;
  }
}
