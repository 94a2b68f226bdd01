package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Headings;
import com.etoaudiobook.book.TitlePage;
import com.etoaudiobook.book.ProseBuilder;
import com.etoaudiobook.formats.internal.DocxPackage.Para;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Word document's body as it now stands: tracked insertions kept, deletions left out; comments,
 * page headers and footers not read. Footnote and endnote references are not read and neither are
 * the notes themselves: a listener cannot follow a jump to a note, and a note read mid-sentence
 * breaks it. Chapters at the heading level that divides the document (see {@link Chapters#level}),
 * or without heading styles at paragraphs that number them ("CHAPTER IV"). A plain text saved
 * as a document (a paragraph per wrapped line) is read by its empty paragraphs.
 */
public final class Docx {
  private final DocxPackage pkg;
  private final Map<String, String> styles;
  private final String[] titleAndAuthor;
  private List<Para> paras;

  public Docx(byte[] bytes) {
    // The archive's real sizes are checked as it is read.
    pkg = new DocxPackage(SafeZip.read(bytes, "Word"));
    styles = pkg.styles();
    titleAndAuthor = pkg.titleAndAuthor();
  }

  private List<Para> paras() {
    if (paras == null) {
      List<Para> all = new ArrayList<>();
      pkg.body(all::add);
      paras = all;
    }
    return paras;
  }

  /** The document's Title property, else its first paragraph in the Title style, else a title page's (see {@link #printedTitle}). */
  public String title() {
    String t = titleAndAuthor[0];
    if (t != null && !t.isBlank()) {
      return t.strip();
    }
    for (Para p : paras()) {
      String name = p.style() == null ? null : styles != null && styles.get(p.style()) != null
          ? styles.get(p.style()) : p.style();
      if (p.body() && name != null && name.equalsIgnoreCase("title") && !p.text().isBlank()) {
        return p.text().replace('\n', ' ');
      }
    }
    String[] printed = printedTitle();
    return printed == null ? null : printed[0];
  }

  /** The title page's by-line, else the document's Creator property (who typed it, as often as who wrote it). */
  public String author() {
    String[] printed = printedTitle();
    if (printed != null) {
      return printed[1];
    }
    String a = titleAndAuthor[1];
    return a == null || a.isBlank() ? null : a.strip();
  }

  /**
   * A title page typed as paragraphs: its first, a title (a short line, no sentence), over a by-line
   * ("BY ELINOR LANE"), a title page's lines at most between them; the title and the author's name, else null.
   */
  private String[] printedTitle() {
    List<String> first = paras().stream().filter(p -> p.body() && !p.text().isBlank()).limit(4)
        .map(p -> p.text().strip()).toList();
    if (first.size() < 2 || first.get(0).length() > 80 || first.get(0).matches(".*[.,;:!?]")) {
      return null;
    }
    for (String line : first.subList(1, first.size())) {
      String by = Headings.byLine(line);
      if (by != null) {
        return new String[] {first.get(0), by};
      }
      if (!Headings.isTitlePageLine(line)) {
        return null; // "A Novel" may stand between the title and the by-line; nothing else
      }
    }
    return null;
  }

  /**
   * The heading level that divides the document ({@link Chapters#level}); in a novel in parts
   * (every heading of that level a part), the level of its chapters under them.
   */
  private int chapterLevel(List<Para> all, int[] levels) {
    int top = Chapters.level(levels);
    if (top == 0 || !Chapters.parts(all.stream().filter(p -> !p.text().isBlank() && level(p) == top)
        .map(Para::text).toList())) {
      return top;
    }
    for (int deeper = top + 1; deeper < 10; deeper++) {
      int d = deeper;
      if (java.util.Arrays.stream(levels).filter(l -> l == d).count() >= 2) {
        return deeper;
      }
    }
    return top;
  }

  public void text(ProseBuilder builder) {
    List<Para> all = paras();
    if (all.stream().allMatch(p -> p.text().isBlank())) {
      throw new BookFormatException("no-text", "The Word document has no body text to read"
          + " (page headers, footers and comments are not read)");
    }
    int[] levels = all.stream().filter(p -> !p.text().isBlank()).mapToInt(this::level).toArray();
    int top = chapterLevel(all, levels);
    boolean wrapped = wrappedText(all);
    boolean numerals = top == 0 && Headings.risingNumerals(all.stream().filter(Para::body)
        .map(p -> p.text().strip()).toList()) >= 3;
    Chapters chapters = new Chapters(builder);
    String[] printed = printedTitle();
    TitlePage front = new TitlePage(printed == null ? null : printed[0], null);
    boolean started = false;
    StringBuilder lines = new StringBuilder(); // a wrapped text's paragraph so far
    for (Para p : all) {
      int level = p.text().isBlank() ? 0 : level(p);
      if (wrapped && (p.text().isBlank() || level > 0) && !lines.isEmpty()) {
        chapters.block(new HtmlText.Block(lines.toString(), 0), top == 0, numerals);
        lines.setLength(0);
      }
      if (p.text().isBlank()) {
        continue;
      }
      if (top > 0 && level > 0 && level < top) {
        chapters.above(p.text()); // above the dividing level: a part, or the document's title
        continue;
      }
      if (top > 0 && level == top) {
        chapters.chapter(p.text());
        started = true;
        continue;
      }
      if (front.open(chapters.begun(), level == 0 ? p.text() : null) && level == 0 && front.holds(p.text())) {
        continue; // a title page typed as paragraphs: its title, by-line and imprint are not read
      }
      if (!started) {
        chapters.chapter(null);
        started = true;
      }
      if (wrapped && level == 0) {
        lines.append(lines.isEmpty() ? "" : "\n").append(p.text());
      } else {
        // Without heading styles, a paragraph that numbers a chapter ("CHAPTER IV") starts it.
        chapters.block(new HtmlText.Block(p.text(), 0), top == 0 && p.body(), numerals);
      }
    }
    if (!lines.isEmpty()) {
      chapters.block(new HtmlText.Block(lines.toString(), 0), top == 0, numerals);
    }
  }

  /**
   * A plain text saved as a Word document: each of its wrapped lines a paragraph, the real
   * paragraphs parted by empty ones. Most lines then reach near the wrapping width, and a third
   * or more end mid-sentence, which a written document's paragraphs do not; a table is never one.
   */
  private static boolean wrappedText(List<Para> all) {
    List<Integer> lengths = new ArrayList<>();
    int empty = 0;
    int open = 0;
    for (Para p : all) {
      String t = p.text().strip();
      if (!p.body()) {
        return false;
      } else if (t.isEmpty()) {
        empty++;
      } else {
        lengths.add(t.length());
        open += ".!?\"'”’:)]_*".indexOf(t.charAt(t.length() - 1)) < 0 ? 1 : 0;
      }
    }
    int lines = lengths.size();
    if (lines < 20 || empty * 10 < lines || open * 3 < lines) {
      return false;
    }
    lengths.sort(null);
    int width = lengths.get(lines * 9 / 10);
    long full = lengths.stream().filter(n -> n >= width * 0.7).count();
    return width >= 40 && width <= 120 && full * 2 >= lines;
  }

  /** 1–9 for "Heading N" (by style id or name, so localized templates work too), else 0. */
  private int level(Para p) {
    String id = p.style();
    if (id == null || !p.body()) {
      return 0;
    }
    if (styles != null && !styles.isEmpty() && !styles.containsKey(id)) {
      return 0; // a style styles.xml does not define is an ordinary paragraph
    }
    String name = styles == null || styles.get(id) == null ? id : styles.get(id);
    for (String s : new String[] {name, id}) {
      String n = s.toLowerCase(Locale.ROOT).replace(" ", "");
      if (n.length() == 8 && n.startsWith("heading") && n.charAt(7) >= '1' && n.charAt(7) <= '9') {
        return n.charAt(7) - '0';
      }
    }
    return 0;
  }
}
