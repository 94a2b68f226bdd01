package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.BookFormatException;
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
 * breaks it. Chapters at the heading level that divides the document (see {@link Chapters#level}).
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

  /** The document's Title property, else its first paragraph in the Title style. */
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
    return null;
  }

  public String author() {
    String a = titleAndAuthor[1];
    return a == null || a.isBlank() ? null : a.strip();
  }

  public void text(ProseBuilder builder) {
    List<Para> all = paras();
    if (all.stream().allMatch(p -> p.text().isBlank())) {
      throw new BookFormatException("no-text", "The Word document has no body text to read"
          + " (page headers, footers and comments are not read)");
    }
    int[] levels = all.stream().filter(p -> !p.text().isBlank()).mapToInt(this::level).toArray();
    int top = Chapters.level(levels);
    Chapters chapters = new Chapters(builder);
    boolean started = false;
    for (Para p : all) {
      if (p.text().isBlank()) {
        continue;
      }
      int level = level(p);
      if (top > 0 && level > 0 && level < top) {
        continue; // above the dividing level: the document's title, not a chapter
      }
      if (top > 0 && level == top) {
        chapters.chapter(p.text());
        started = true;
        continue;
      }
      if (!started) {
        chapters.chapter(null);
        started = true;
      }
      chapters.paragraph(p.text());
    }
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
