package com.etoaudiobook.formats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Inputs built to a size that stress one spot of a parser each (deep nesting, very long lines, runs of
 * markup characters, unbalanced quotes, thousands of labels or headings), and an ordinary book of the
 * same size and format to compare them with. Shared by the tests and bench/ (ParseScalingBench).
 */
public final class Pathological {

  /** A named input: the file name picks the format, {@code bytes} is about the size asked. */
  public record Input(String name, byte[] bytes) {
  }

  /** A kind of input: its family ("md", "html", ...) and how to build it at a size in bytes. */
  public record Kind(String family, String name, IntFunction<Input> build) {
  }

  private Pathological() {
  }

  /** An ordinary book of about {@code size} bytes in the family's format: the reference. */
  public static Input normal(String family, int size) {
    return switch (family) {
      case "md" -> new Input("normal.md", utf8(prose(size, true)));
      case "txt" -> new Input("normal.txt", utf8(prose(size, false)));
      case "html" -> new Input("normal.html", utf8(html(htmlProse(size))));
      case "epub" -> PathologicalFiles.epub("normal.epub", chapters(size));
      case "docx" -> PathologicalFiles.docx("normal.docx", proseParagraphs(size), false);
      case "pdf" -> PathologicalFiles.pdf("normal.pdf", proseParagraphs(size), false);
      default -> throw new IllegalArgumentException(family);
    };
  }

  /**
   * An ordinary book of about {@code size} characters that the parser accepts even at its largest (20 MB of
   * text): paragraphs of 10 to 20 sentences with a quotation in about one sentence of 40, so the segments stay
   * within the book's 50,000, and the PDF's pages as dense as a small-type printed page (within 3,000 pages).
   */
  public static Input large(String family, int size) {
    Random r = new Random(size);
    List<String> paragraphs = new ArrayList<>();
    int total = 0;
    while (total < size) {
      StringBuilder p = new StringBuilder();
      int sentences = 10 + r.nextInt(11);
      for (int i = 0; i < sentences; i++) {
        p.append(i == 0 ? "" : " ").append(sentence(r, 40));
      }
      paragraphs.add(p.toString());
      total += p.length() + 2;
    }
    return switch (family) {
      case "md", "txt" -> {
        StringBuilder s = new StringBuilder(size + 4096);
        for (int i = 0; i < paragraphs.size(); i++) {
          if (i % 40 == 0) {
            s.append(family.equals("md") ? "## Chapter " : "CHAPTER ").append(i / 40 + 1).append("\n\n");
          }
          s.append(paragraphs.get(i)).append("\n\n");
        }
        yield new Input("large." + family, utf8(s.toString()));
      }
      case "html" -> {
        StringBuilder s = new StringBuilder(size + 4096);
        for (int i = 0; i < paragraphs.size(); i++) {
          if (i % 40 == 0) {
            s.append("<h2>Chapter ").append(i / 40 + 1).append("</h2>\n");
          }
          s.append("<p>").append(paragraphs.get(i)).append("</p>\n");
        }
        yield new Input("large.html", utf8(html(s.toString())));
      }
      case "epub" -> {
        Map<String, String> chapters = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
          body.append("<p>").append(p).append("</p>\n");
          if (body.length() > 40_000) {
            chapters.put("Chapter " + (chapters.size() + 1), body.toString());
            body.setLength(0);
          }
        }
        chapters.put("Chapter " + (chapters.size() + 1), body.toString());
        yield PathologicalFiles.epub("large.epub", chapters);
      }
      case "docx" -> PathologicalFiles.docx("large.docx", paragraphs, false);
      case "pdf" -> PathologicalFiles.pdf("large.pdf", paragraphs, 115, 8, 75);
      default -> throw new IllegalArgumentException(family);
    };
  }

  /** Every pathological kind, by family. */
  public static List<Kind> kinds() {
    List<Kind> k = new ArrayList<>();
    // Markdown and plain text: the script parser's line passes and Markdown cleaning.
    text(k, "dash-lines", n -> repeat("-".repeat(2000) + "\n", n));
    text(k, "one-line-words", n -> repeat("word ", n));
    text(k, "one-long-word", n -> "a".repeat(n));
    text(k, "atx-spaces", n -> "# a" + " ".repeat(n - 5) + "b\n");
    text(k, "bold-label-spaces", n -> "**a" + " ".repeat(n - 5) + "b\n");
    text(k, "bold-name-spaces", n -> "**a**" + " ".repeat(n - 7) + "b\n");
    text(k, "bracket-line", n -> "Anna: hi\n\nAnna: [" + "a".repeat(n - 20) + "\n");
    // a speech's directions looked for once along the line, however many empty ones it has
    text(k, "empty-brackets", n -> "MARA: a\n\nTOM: b\n\nMARA: x" + repeat(" []", n / 3) + "\n");
    text(k, "play-parens", n -> repeat("ROPER. Hi.\n\nMARA. Hi.\n\n", 2) + "ROPER. x" + repeat(" (1)", n / 4) + "\n");
    text(k, "distinct-labels", n -> numbered(n, i -> "**Role" + i + ":** hi\n"));
    text(k, "distinct-deliveries", n -> numbered(n, i -> "**Anna (tone" + i + "):** hi\n"));
    text(k, "plain-labels", n -> numbered(n, i -> (i % 2 == 0 ? "ANNA" : "BEN") + ": line " + i + "\n"));
    text(k, "headings", n -> numbered(n, i -> "# H" + i + "\n"));
    text(k, "tiny-chapters", n -> numbered(n, i -> "# " + i + "\n\na\n\n"));
    text(k, "chapter-lines", n -> numbered(n, i -> "Chapter " + i + "\n\n"));
    text(k, "straight-quotes-open", n -> repeat("\"a ", n));
    text(k, "curly-quotes-open", n -> repeat("\u201Ca ", n));
    text(k, "many-quotes", n -> repeat("\"Hi,\" said Bob. ", n));
    text(k, "star-run", n -> "a " + "*".repeat(n - 2));
    text(k, "underscore-run", n -> "a " + "_".repeat(n - 2));
    text(k, "bracket-run", n -> "a " + "[".repeat(n - 2));
    text(k, "paren-run", n -> "a " + "(".repeat(n - 2));
    text(k, "backtick-run", n -> "a " + "`".repeat(n - 2));
    text(k, "backslash-run", n -> "a " + "\\".repeat(n - 2));
    text(k, "quote-marker-run", n -> ">".repeat(n - 2) + "a\n");
    text(k, "star-words", n -> repeat("*a ", n));
    text(k, "under-words", n -> repeat("_a ", n));
    text(k, "open-links", n -> repeat("[a](", n));
    text(k, "nested-brackets", n -> "[".repeat(n / 2 - 1) + "a" + "]".repeat(n / 2 - 1));
    text(k, "dot-leaders", n -> repeat(". ".repeat(500) + "\n", n));
    text(k, "by-line", n -> "# Title\n\nby " + repeat("A ", n - 20) + "\n\ntext\n");
    text(k, "blank-lines", n -> "a" + "\n".repeat(n - 2) + "b");
    text(k, "carriage-returns", n -> "a" + "\r".repeat(n - 2) + "b");
    text(k, "quote-then-markers", n -> "“Hi,” said Bob. " + ">".repeat(n - 40) + " end\n");
    // HTML: jsoup, the block walk and its pruning.
    html(k, "nested-divs", n -> repeat("<div>", n - 20) + "text");
    html(k, "nested-divs-links", n -> repeat("<div><a href=\"#x\">a</a>", n - 20) + "text");
    html(k, "tiny-paragraphs", n -> repeat("<p>a</p>", n));
    html(k, "space-elements", n -> "<p>a" + repeat("<i> </i>", n - 20) + "b</p>");
    html(k, "pre-spaces", n -> "<pre>a" + " ".repeat(n - 20) + "b</pre>");
    html(k, "headings", n -> numbered(n, i -> "<h2>H" + i + "</h2><p>b</p>"));
    html(k, "one-paragraph", n -> "<p>" + repeat("word ", n - 10) + "</p>");
    html(k, "unclosed-tags", n -> repeat("<b>a", n));
    html(k, "class-attribute", n -> "<p class=\"" + repeat("a ", n - 30) + "\">text</p>");
    html(k, "nested-lists", n -> repeat("<ul><li>a", n - 20));
    // a script's and a play's labels in a document: every line looked at, nothing kept per line for long
    html(k, "br-lines", n -> "<p>" + repeat("a<br>", n - 10) + "</p>");
    html(k, "label-br-lines", n -> "<p>" + repeat("MARA: a<br>", n - 10) + "</p>");
    html(k, "play-names", n -> repeat("<p>ROPER.</p><p>Hi.</p>", n));
    html(k, "stage-spans", n -> "<p>ROPER. " + repeat("<span class=\"stagedir\">a</span>", n - 20) + "</p>");
    // EPUB: the same bodies in a package, plus what only a package can do.
    // Archives refuse what inflates over 100 times (SafeZip): random ids keep these under it.
    epubKind(k, "nested-divs", n -> noisy(n - 200, r -> "<div id=\"d" + r + "\">") + "text");
    epubKind(k, "nested-divs-links", n -> noisy(n - 200, r -> "<div><a href=\"#" + r + "\">a</a>") + "text");
    epubKind(k, "tiny-paragraphs", n -> noisy(n - 200, r -> "<p>a" + r + "</p>"));
    epubKind(k, "space-elements", n -> "<p>a" + noisy(n - 200, r -> "<i id=\"i" + r + "\"> </i>") + "b</p>");
    epubKind(k, "one-paragraph", n -> "<p>" + randomWords(n - 200) + "</p>");
    k.add(new Kind("epub", "spine-repeats", PathologicalFiles::spineRepeats));
    k.add(new Kind("epub", "nested-navpoints", PathologicalFiles::nestedNavPoints));
    k.add(new Kind("epub", "many-items", PathologicalFiles::manyItems));
    // DOCX and PDF: one huge paragraph, or many tiny ones.
    // (for these the size is about that of the text, not of the packed file)
    k.add(new Kind("docx", "one-paragraph", n -> PathologicalFiles.docx("p.docx", List.of(randomWords(n)), false)));
    k.add(new Kind("docx", "tiny-paragraphs", n -> PathologicalFiles.docx("p.docx", numberedList(n / 60, i -> "a" + i), false)));
    k.add(new Kind("docx", "many-runs", n -> PathologicalFiles.docx("p.docx", List.of(randomWords(n / 8)), true)));
    k.add(new Kind("pdf", "no-paragraph-breaks", n -> PathologicalFiles.pdf("p.pdf", List.of(randomWords(n / 2)), false)));
    k.add(new Kind("pdf", "one-long-line", n -> PathologicalFiles.pdf("p.pdf", List.of(randomWords(n / 2)), true)));
    k.add(new Kind("pdf", "tiny-paragraphs", n -> PathologicalFiles.pdf("p.pdf", numberedList(n / 40, i -> "Line " + i + "."), false)));
    return k;
  }

  // ---------------------------------------------------------------- families

  private static void text(List<Kind> k, String name, IntFunction<String> body) {
    k.add(new Kind("md", name, n -> new Input(name + ".md", utf8(body.apply(n)))));
    k.add(new Kind("txt", name, n -> new Input(name + ".txt", utf8(body.apply(n)))));
  }

  private static void html(List<Kind> k, String name, IntFunction<String> body) {
    k.add(new Kind("html", name, n -> new Input(name + ".html", utf8(html(body.apply(n))))));
  }

  private static void epubKind(List<Kind> k, String name, IntFunction<String> body) {
    k.add(new Kind("epub", name, n -> {
      Map<String, String> ch = new LinkedHashMap<>();
      ch.put("Chapter One", body.apply(n));
      return PathologicalFiles.epub(name + ".epub", ch);
    }));
  }

  static String html(String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body>" + body + "</body></html>";
  }

  // ---------------------------------------------------------------- ordinary text

  private static final String[] WORDS = ("the a of and to in was he she it that said his her had with for "
      + "as at on by not but from they you be were which this have all one there an would when into "
      + "door garden morning letter window river house quiet long little looked turned came went knew")
      .split(" ");
  private static final String[] NAMES = {"Anna", "Ben", "Clara", "Daniel", "Eliza", "Frank"};

  /** A sentence of 6–16 words, sometimes a quotation with its speaker. */
  private static String sentence(Random r) {
    return sentence(r, 6);
  }

  /** A sentence of 6–16 words, a quotation with its speaker about once in {@code quoteEvery}. */
  private static String sentence(Random r, int quoteEvery) {
    StringBuilder s = new StringBuilder();
    int words = 6 + r.nextInt(11);
    for (int i = 0; i < words; i++) {
      String w = WORDS[r.nextInt(WORDS.length)];
      s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(i + 1 < words ? " " : "");
    }
    if (r.nextInt(quoteEvery) == 0) {
      return "\u201C" + s + ",\u201D said " + NAMES[r.nextInt(NAMES.length)] + ".";
    }
    return s + ".";
  }

  private static String paragraph(Random r) {
    StringBuilder p = new StringBuilder();
    int sentences = 2 + r.nextInt(6);
    for (int i = 0; i < sentences; i++) {
      p.append(i == 0 ? "" : " ").append(sentence(r));
    }
    return p.toString();
  }

  /** Prose with a chapter heading about every 20 KB and paragraphs of a few sentences. */
  static String prose(int size, boolean markdown) {
    Random r = new Random(size);
    StringBuilder s = new StringBuilder();
    int chapter = 0;
    int since = Integer.MAX_VALUE;
    while (s.length() < size) {
      if (since > 20_000) {
        s.append(markdown ? "## Chapter " : "CHAPTER ").append(++chapter).append("\n\n");
        since = 0;
      }
      String p = paragraph(r);
      s.append(p).append("\n\n");
      since += p.length();
    }
    return s.toString();
  }

  private static List<String> proseParagraphs(int size) {
    Random r = new Random(size);
    List<String> out = new ArrayList<>();
    int total = 0;
    while (total < size) {
      String p = paragraph(r);
      out.add(p);
      total += p.length() + 2;
    }
    return out;
  }

  private static String htmlProse(int size) {
    StringBuilder s = new StringBuilder();
    int i = 0;
    for (String p : proseParagraphs(size)) {
      if (i++ % 60 == 0) {
        s.append("<h2>Chapter ").append(i / 60 + 1).append("</h2>\n");
      }
      s.append("<p>").append(p).append("</p>\n");
    }
    return s.toString();
  }

  private static Map<String, String> chapters(int size) {
    Map<String, String> out = new LinkedHashMap<>();
    StringBuilder body = new StringBuilder();
    for (String p : proseParagraphs(size)) {
      body.append("<p>").append(p.replace("&", "&amp;")).append("</p>\n");
      if (body.length() > 40_000) {
        out.put("Chapter " + (out.size() + 1), body.toString());
        body.setLength(0);
      }
    }
    out.put("Chapter " + (out.size() + 1), body.toString());
    return out;
  }

  // ---------------------------------------------------------------- builders

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code unit} repeated to about n characters. */
  static String repeat(String unit, int n) {
    return unit.repeat(Math.max(1, n / unit.length()));
  }

  /** Units with a random token each (so they do not compress away), until about n characters. */
  static String noisy(int n, java.util.function.Function<String, String> unit) {
    Random r = new Random(n);
    StringBuilder s = new StringBuilder();
    while (s.length() < n) {
      s.append(unit.apply(Integer.toString(r.nextInt(1 << 30), 36)));
    }
    return s.toString();
  }

  /** Random lower-case words of 1 to 9 letters and single spaces, about n characters. */
  static String randomWords(int n) {
    Random r = new Random(n);
    StringBuilder s = new StringBuilder(n + 10);
    while (s.length() < n) {
      int len = 1 + r.nextInt(9);
      for (int i = 0; i < len; i++) {
        s.append((char) ('a' + r.nextInt(26)));
      }
      s.append(' ');
    }
    return s.toString();
  }

  /** Numbered units appended until about n characters. */
  static String numbered(int n, IntFunction<String> unit) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; s.length() < n; i++) {
      s.append(unit.apply(i));
    }
    return s.toString();
  }

  private static List<String> numberedList(int count, IntFunction<String> unit) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.max(1, count); i++) {
      out.add(unit.apply(i));
    }
    return out;
  }
}
