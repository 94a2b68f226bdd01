package com.etoaudiobook.formats;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.testing.Gen;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Any upload, whatever its bytes and name, gives a Book whose segments point into its text or the
 * project's own refusal (BookFormatException), never another exception or an Error: arbitrary bytes,
 * HTML and EPUB made of any mix of tags and attributes, Word and PDF documents of any text, and damaged
 * copies of valid files. And the time grows in proportion to the input. Each property runs as many
 * seeded cases (see {@link Gen}): a failure names its seed, to replay it with {@code -Dgen.seed}.
 */
class DocumentParserPropertiesTest {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final Gen<String> NAMES = Gen.of("a.md", "a.txt", "a.html", "a.xhtml", "a.epub", "a.pdf",
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
    VALID.put("a.epub", PathologicalFiles.epub("a.epub", ch).bytes());
    VALID.put("a.docx", PathologicalFiles.docx("a.docx", List.of("Chapter One", "\u201CHello,\u201D said Anna.",
        "Ben waved."), false).bytes());
    VALID.put("a.pdf", PathologicalFiles.pdf("a.pdf", List.of("Chapter 1", "\"Hello,\" said Anna.", "Ben waved."),
        false).bytes());
    VALID.put("a.html", Pathological.utf8(Pathological.html("<h2>One</h2><p>\u201CHi,\u201D said Anna.</p>"
        + "<h2>Two</h2><p>Ben waved.</p>")));
  }

  @TestFactory
  Stream<DynamicTest> anyBytesUnderAnyNameAreABookOrARefusal() {
    return Gen.forAll(200, d -> check(d.draw("name", NAMES), d.draw("bytes", Gen.bytes(0, 4_000))));
  }

  @TestFactory
  Stream<DynamicTest> anyMixOfTagsIsABookOrARefusal() {
    return Gen.forAll(200, d -> {
      String body = d.draw("body", soup());
      check("a.html", Pathological.utf8(Pathological.html(body)));
      check("a.html", Pathological.utf8(body));
    });
  }

  @TestFactory
  Stream<DynamicTest> anEpubOfAnyMarkupIsABookOrARefusal() {
    return Gen.forAll(80, d -> {
      Map<String, String> chapters = new LinkedHashMap<>();
      chapters.put("One", d.draw("one", soup()));
      chapters.put("Two", d.draw("two", soup()));
      check("a.epub", PathologicalFiles.epub("a.epub", chapters).bytes());
    });
  }

  @TestFactory
  Stream<DynamicTest> aWordDocumentOfAnyTextIsABookOrARefusal() {
    return Gen.forAll(25, d -> check("a.docx", PathologicalFiles.docx("a.docx", d.draw("paragraphs", paragraphs()),
        d.draw("runs", Gen.booleans())).bytes()));
  }

  @TestFactory
  Stream<DynamicTest> aPdfOfAnyTextIsABookOrARefusal() {
    return Gen.forAll(25, d -> check("a.pdf", PathologicalFiles.pdf("a.pdf", d.draw("paragraphs", paragraphs()),
        d.draw("oneLine", Gen.booleans())).bytes()));
  }

  /** A valid file with bytes overwritten at random, or cut short. */
  @TestFactory
  Stream<DynamicTest> aDamagedFileIsABookOrARefusal() {
    return Gen.forAll(200, d -> {
      String name = d.draw("name", Gen.of(List.copyOf(VALID.keySet())));
      // half of the places within a file's first bytes, where its header and structure are
      Gen<Integer> place = Gen.frequency(1, Gen.ints(0, 256), 1, Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE));
      List<Integer> at = d.draw("at", place.list(1, 8));
      byte[] with = d.draw("with", Gen.bytes(8, 8));
      boolean truncate = d.draw("truncate", Gen.booleans());
      byte[] b = VALID.get(name).clone();
      for (int i = 0; i < at.size(); i++) {
        b[Math.floorMod(at.get(i), b.length)] = with[i];
      }
      if (truncate) {
        b = Arrays.copyOf(b, Math.floorMod(at.get(0), b.length) + 1);
      }
      check(name, b);
    });
  }

  /**
   * Markup repeated to 32 KB and to 8 times that: a linear reader takes about 8 times the CPU time, a
   * quadratic spot 64 times. The bound leaves room for the JIT and the collector.
   */
  @TestFactory
  Stream<DynamicTest> timeGrowsInProportionToTheInput() {
    return Gen.forAll(10, d -> {
      String unit = d.draw("unit", soup());
      boolean epub = d.draw("epub", Gen.booleans());
      String u = unit.isEmpty() ? "<p>a</p>" : unit;
      long a = cpuMs(u, 32_768, epub);
      long b = cpuMs(u, 8 * 32_768, epub);
      assertTrue(b <= 24 * a + 150, "8 times the input took " + b + " ms against " + a + " ms");
    });
  }

  // ---------------------------------------------------------------- generators

  /** Tags opened and closed in any order, with attributes that steer the reader, text and entities. */
  static Gen<String> soup() {
    Gen<String> tag = Gen.of(TAGS);
    Gen<String> attribute = Gen.of(ATTRIBUTES);
    Gen<String> open = r -> "<" + tag.next(r) + attribute.next(r) + ">";
    Gen<String> close = tag.map(t -> "</" + t + ">");
    Gen<String> empty = tag.map(t -> "<" + t + "/>");
    Gen<String> text = Gen.strings("abcdefgh ABC.,!?\"'\u201C\u201D\n\t\u00a0\u00ad", 1, 40);
    Gen<String> other = Gen.of("&amp;", "&#x201C;", "&nbsp;", "&bogus;", "<!-- note -->",
        "<![CDATA[x<y]]>", "<", ">", "&", "<?xml version=\"1.0\"?>", "<!DOCTYPE html>", "Chapter 1",
        "*** START OF THE PROJECT GUTENBERG EBOOK X ***", "Title: T", "Contents");
    return Gen.<String>frequency(4, open, 3, close, 1, empty, 5, text, 1, other)
        .list(0, 40).map(l -> String.join("", l));
  }

  /** Paragraphs a Word document or a PDF (in WinAnsi, what its standard font can show) may hold. */
  static Gen<List<String>> paragraphs() {
    return Gen.strings("abcdefghij ABCDE.,!?\"'-:;()[]*_#", 0, 300).list(1, 30);
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
      bytes = PathologicalFiles.epub(name, ch).bytes();
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
