package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.ProseBuilder;
import com.etoaudiobook.book.internal.Headings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF's text layer: running headers, footers and page numbers removed, words hyphenated across
 * lines joined, paragraphs as PDFBox detects them, chapters at "Chapter 4"-style lines.
 */
public final class Pdf implements AutoCloseable {
  public static final int MAX_PAGES = 3_000;
  /** Main memory PDFBox may use for its buffers; the rest spills to temporary files. */
  private static final long MAX_MEMORY = 64L * 1024 * 1024;
  private static final char PARAGRAPH = '\u2029';
  private static final Pattern PAGE_NUMBER = Pattern.compile(
      "(?i)^[\\s\\-–—|.\\[\\]()]*(?:page\\s*)?(?:\\d{1,5}|[ivxlcdm]{1,8})(?:\\s*(?:of|/)\\s*\\d{1,5})?[\\s\\-–—|.\\[\\]()]*$");
  private static final Pattern HYPHENATED = Pattern.compile(".*\\p{L}-$");

  private final PDDocument doc;

  private record Line(String text, boolean paragraphEnd) {
  }

  public Pdf(byte[] bytes) {
    try {
      doc = Loader.loadPDF(bytes, "", null, null, MemoryUsageSetting.setupMixed(MAX_MEMORY).streamCache);
    } catch (InvalidPasswordException e) {
      throw encrypted();
    } catch (IOException | RuntimeException e) {
      throw new BookFormatException("corrupt", "The PDF file is damaged and cannot be opened ("
          + e.getMessage() + ")");
    }
    // Opened with the empty user password, but the owner forbids copying the text out: DRM.
    if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
      close();
      throw encrypted();
    }
    if (doc.getNumberOfPages() > MAX_PAGES) {
      int pages = doc.getNumberOfPages();
      close();
      throw new BookFormatException("too-large", "The PDF has " + pages + " pages; at most "
          + MAX_PAGES + " can be read");
    }
  }

  private static BookFormatException encrypted() {
    return new BookFormatException("encrypted", "This PDF is password-protected or encrypted; "
        + "save an unprotected copy and upload that");
  }

  public String title() {
    PDDocumentInformation info = doc.getDocumentInformation();
    String t = info == null ? null : info.getTitle();
    return t == null || t.isBlank() ? null : t.strip();
  }

  public String author() {
    PDDocumentInformation info = doc.getDocumentInformation();
    String a = info == null ? null : info.getAuthor();
    return a == null || a.isBlank() ? null : a.strip();
  }

  public String language() {
    String l = doc.getDocumentCatalog().getLanguage();
    return l == null || l.isBlank() ? null : l.strip();
  }

  public void text(ProseBuilder builder) {
    List<List<Line>> pages = new ArrayList<>();
    try {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setLineSeparator("\n");
      stripper.setParagraphStart("");
      stripper.setParagraphEnd(String.valueOf(PARAGRAPH));
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        pages.add(lines(stripper.getText(doc)));
      }
    } catch (IOException | RuntimeException e) {
      throw new BookFormatException("corrupt", "The PDF's text cannot be read (" + e.getMessage()
          + ")");
    }
    if (pages.stream().flatMap(List::stream).noneMatch(l -> l.text().codePoints()
        .anyMatch(Character::isLetter))) {
      throw new BookFormatException("no-text", "Scanned PDF: no text layer (the pages are "
          + "images); run it through OCR first, or upload the text itself");
    }
    Set<String> running = runningLines(pages);
    Chapters chapters = new Chapters(builder);
    chapters.chapter(null);
    StringBuilder para = new StringBuilder();
    for (List<Line> page : pages) {
      for (int i = 0; i < page.size(); i++) {
        Line l = page.get(i);
        boolean edge = i < 2 || i >= page.size() - 2;
        if (edge && (PAGE_NUMBER.matcher(l.text()).matches() || running.contains(key(l.text())))) {
          continue;
        }
        if (Headings.isNumberedChapter(l.text()) && para.isEmpty()) {
          chapters.chapter(l.text());
          continue;
        }
        join(para, l.text());
        if (l.paragraphEnd()) {
          chapters.paragraph(para.toString());
          para.setLength(0);
        }
      }
    }
    chapters.paragraph(para.toString());
  }

  /** Appends a line, joining "hyphen-\nated" words and otherwise putting a space between lines. */
  private static void join(StringBuilder para, String line) {
    if (para.isEmpty()) {
      para.append(line);
      return;
    }
    if (HYPHENATED.matcher(para).matches() && !line.isEmpty()
        && Character.isLowerCase(line.codePointAt(0))) {
      para.setLength(para.length() - 1);
      para.append(line);
    } else {
      para.append(' ').append(line);
    }
  }

  private static List<Line> lines(String pageText) {
    List<Line> out = new ArrayList<>();
    for (String raw : pageText.split("\n")) {
      boolean end = raw.indexOf(PARAGRAPH) >= 0;
      String t = raw.replace(String.valueOf(PARAGRAPH), "").replace("\u00ad", "").strip();
      if (t.isEmpty()) {
        if (end && !out.isEmpty()) {
          Line last = out.remove(out.size() - 1);
          out.add(new Line(last.text(), true));
        }
        continue;
      }
      out.add(new Line(t, end));
    }
    // A page ends a paragraph only where PDFBox says so; a sentence can run on to the next page.
    return out;
  }

  /**
   * Lines repeated at the top or bottom of at least half the pages (digits ignored, so "Page 3"
   * and "Page 4" are one line): running headers and footers. Chapter openings are never counted.
   */
  private static Set<String> runningLines(List<List<Line>> pages) {
    Map<String, Integer> counts = new HashMap<>();
    for (List<Line> page : pages) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < page.size(); i++) {
        if ((i < 2 || i >= page.size() - 2) && !Headings.isNumberedChapter(page.get(i).text())) {
          seen.add(key(page.get(i).text()));
        }
      }
      seen.forEach(k -> counts.merge(k, 1, Integer::sum));
    }
    Set<String> running = new HashSet<>();
    int need = Math.max(2, (pages.size() + 1) / 2);
    counts.forEach((k, n) -> {
      if (n >= need) {
        running.add(k);
      }
    });
    return running;
  }

  private static String key(String line) {
    return line.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip();
  }

  @Override
  public void close() {
    try {
      doc.close();
    } catch (IOException e) {
      // nothing left to do with a document we only read
    }
  }
}
