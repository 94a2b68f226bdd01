package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.formats.DocumentParser;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF's text lines with their geometry, in content order (which keeps columns apart, where
 * sorting by position would read straight across them). Raised small digits after a word (note
 * numbers) and crop-mark glyphs are left out here.
 */
public final class PdfLines extends PDFTextStripper {

  /** One line: its page (from 0), left and right x, baseline y (down the page) and font size. */
  public record Line(int page, String text, float x, float xEnd, float y, float size) {
  }

  /**
   * Characters one page may hold: PDFBox keeps an object for each of a page's glyphs until the page ends,
   * so a page whose text layer runs on for a million characters filled the heap (a dense printed page
   * holds a few thousand).
   */
  public static final int MAX_PAGE_CHARS = 100_000;

  private final List<List<Line>> pages = new ArrayList<>();
  /** Pages before the first this reader reads. */
  private int skipped;
  /** The page being read, from 0 in the document. */
  private int pageIndex;
  private final OverlapFilter overlaps = new OverlapFilter();
  private int pageChars;
  /** Characters of the document so far, counted by every reader of one of its page ranges. */
  private final AtomicLong totalChars;
  private final StringBuilder text = new StringBuilder();
  /** The font size of each char of {@code text} (0 for a word separator). */
  private float[] sizes = new float[256];
  private float x = Float.MAX_VALUE;
  private float xEnd;
  private float y;
  private float pageWidth;

  public PdfLines(AtomicLong totalChars) throws IOException {
    this.totalChars = totalChars;
    setSortByPosition(false);
    // The same rule, kept by OverlapFilter at a fraction of PDFBox's cost.
    setSuppressDuplicateOverlappingText(false);
  }

  /** The lines of pages {@code first} to {@code last} (from 1), a list for each page. */
  public List<List<Line>> read(PDDocument doc, int first, int last) throws IOException {
    skipped = first - 1;
    setStartPage(first);
    setEndPage(last);
    writeText(doc, Writer.nullWriter());
    pad(Math.min(last, doc.getNumberOfPages()) - first + 1); // trailing pages without a content stream
    return pages;
  }

  /**
   * Empty entries up to {@code count} pages: PDFBox never starts a page without a content stream, and the
   * list must keep a page's index, which the outline's destinations use.
   */
  private void pad(int count) {
    while (pages.size() < count) {
      pages.add(new ArrayList<>());
    }
  }

  float pageWidth() {
    return pageWidth;
  }

  @Override
  protected void startPage(PDPage page) throws IOException {
    Cancellation.check();
    pageChars = 0;
    overlaps.clear();
    pageIndex = getCurrentPageNo() - 1;
    pad(pageIndex - skipped);
    pages.add(new ArrayList<>());
    pageWidth = page.getCropBox().getWidth();
    super.startPage(page);
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    Cancellation.check();
    if (++pageChars > MAX_PAGE_CHARS) {
      throw new BookFormatException("too-large", "Page " + (pageIndex + 1) + " of the PDF holds more than "
          + MAX_PAGE_CHARS + " characters, more than any printed page; its text layer cannot be read");
    }
    if ((pageChars & 1023) == 0) {
      count(1024); // in batches: readers of other page ranges count into the same total
    }
    String u = text.getUnicode();
    if (u != null && !u.isEmpty() && overlaps.repeated(u, text.getX(), text.getY(), text.getWidth() / u.length() / 3f)) {
      return; // drawn again over itself: fake bold or a shadow
    }
    super.processTextPosition(text);
  }

  private void count(int chars) {
    if (totalChars.addAndGet(chars) > DocumentParser.MAX_CHARS) {
      throw new BookFormatException("too-large", "The PDF has more than " + DocumentParser.MAX_CHARS / 1_000_000
          + " million characters of text; split it into smaller files");
    }
  }

  /**
   * PDFBox's writePage for text in content order, the same line and word breaks without its objects for
   * every glyph and word and its normalization of words (bidi order, presentation forms), which this reader
   * never used: it takes each glyph's text from its TextPosition. It took a third of a page's reading. A
   * page with article threads (several articles, in bead order) keeps PDFBox's own.
   */
  @Override
  protected void writePage() throws IOException {
    if (charactersByArticle.size() != 1) {
      super.writePage();
      return;
    }
    float maxYForLine = -Float.MAX_VALUE;
    float maxHeightForLine = -1;
    float endOfLastTextX = -1;
    float lastWordSpacing = -1;
    float previousAveCharWidth = -1;
    TextPosition last = null;
    for (TextPosition position : charactersByArticle.get(0)) {
      if (last != null && (position.getFont() != last.getFont() || position.getFontSize() != last.getFontSize())) {
        previousAveCharWidth = -1;
      }
      float x = position.getX();
      float y = position.getY();
      float width = position.getWidth();
      float height = position.getHeight();
      float wordSpacing = position.getWidthOfSpace();
      float deltaSpace = wordSpacing == 0 || Float.isNaN(wordSpacing) ? Float.MAX_VALUE
          : (lastWordSpacing < 0 ? wordSpacing : (wordSpacing + lastWordSpacing) / 2f) * getSpacingTolerance();
      int chars = position.getIndividualWidths().length;
      float averageCharWidth = previousAveCharWidth < 0 ? width / chars
          : (previousAveCharWidth + width / chars) / 2f;
      float deltaCharWidth = averageCharWidth * getAverageCharTolerance();
      float expectedStartOfNextWordX = endOfLastTextX == -1 ? -Float.MAX_VALUE
          : endOfLastTextX + Math.min(deltaCharWidth, deltaSpace);
      if (last != null) {
        if (!overlap(y, height, maxYForLine, maxHeightForLine)) {
          writeLineSeparator();
          expectedStartOfNextWordX = -Float.MAX_VALUE;
          maxYForLine = -Float.MAX_VALUE;
          maxHeightForLine = -1;
        }
        if (expectedStartOfNextWordX != -Float.MAX_VALUE && expectedStartOfNextWordX < x
            && last.getUnicode() != null && !last.getUnicode().endsWith(" ")) {
          writeWordSeparator();
        }
      }
      maxYForLine = Math.max(maxYForLine, y);
      endOfLastTextX = x + width;
      if (position.getUnicode() != null) {
        glyph(position);
      }
      maxHeightForLine = Math.max(maxHeightForLine, height);
      last = position;
      lastWordSpacing = wordSpacing;
      previousAveCharWidth = averageCharWidth;
    }
  }

  /** PDFBox's test for a glyph on the line so far (its baseline within the line's height, or the reverse). */
  private static boolean overlap(float y1, float height1, float y2, float height2) {
    return (y2 < y1 + .1f && y2 > y1 - .1f) || y2 <= y1 && y2 >= y1 - height1 || y1 <= y2 && y1 >= y2 - height2;
  }

  @Override
  protected void writeString(String s, List<TextPosition> positions) {
    Cancellation.check();
    for (TextPosition p : positions) {
      glyph(p);
    }
  }

  /** Appends a glyph's text to the line, with its size and place. */
  private void glyph(TextPosition p) {
    String u = p.getUnicode();
    if (u == null || u.isEmpty() || isCropMark(u.charAt(0))) {
      return;
    }
    if (text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1))) {
      if (!Character.isWhitespace(u.charAt(0))) {
        x = Math.min(x, p.getXDirAdj());
      }
    }
    // Typeset ligatures ("ﬁ", "ﬂ") are two or three letters to a reader and to speech.
    if (u.length() == 1 && u.charAt(0) >= '\uFB00' && u.charAt(0) <= '\uFB06') {
      u = java.text.Normalizer.normalize(u, java.text.Normalizer.Form.NFKC);
    }
    float size = p.getFontSizeInPt() > 0 ? p.getFontSizeInPt() : p.getHeightDir();
    for (int i = 0; i < u.length(); i++) {
      size(text.length() + i, size);
    }
    text.append(u);
    xEnd = Math.max(xEnd, p.getXDirAdj() + p.getWidthDirAdj());
    y = Math.max(y, p.getYDirAdj());
  }

  @Override
  protected void writeWordSeparator() {
    size(text.length(), 0f);
    text.append(' ');
  }

  private void size(int at, float size) {
    if (at >= sizes.length) {
      sizes = java.util.Arrays.copyOf(sizes, Math.max(at + 1, sizes.length * 2));
    }
    sizes[at] = size;
  }

  @Override
  protected void writeLineSeparator() {
    flush();
  }

  @Override
  protected void endPage(PDPage page) throws IOException {
    count(pageChars & 1023);
    flush();
    super.endPage(page);
  }

  private void flush() {
    if (!pages.isEmpty() && !text.isEmpty()) {
      float body = bodySize();
      String t = oneSpaced(dropNoteNumbers(body));
      if (!t.isEmpty()) {
        pages.get(pages.size() - 1).add(new Line(pageIndex, t, x, xEnd, y, body));
      }
    }
    text.setLength(0);
    x = Float.MAX_VALUE;
    xEnd = 0;
    y = 0;
  }

  /**
   * The largest size the line's letters are set in (a heading in small capitals is as large as its
   * capitals), but not a drop cap's: a line of running text whose first letter alone is larger.
   */
  private float bodySize() {
    float max = 0;
    float rest = 0;
    int first = -1;
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        if (first < 0) {
          first = i;
        } else {
          rest = Math.max(rest, sizes[i]);
        }
        max = Math.max(max, sizes[i]);
        letters++;
      }
    }
    return letters >= DROP_CAP_LINE && sizes[first] > rest * 1.15f ? rest : max;
  }

  /** Letters of a line that a drop cap opens: running text, not a heading's initial. */
  private static final int DROP_CAP_LINE = 24;

  /**
   * Digits set clearly smaller than the line's letters, right after a character, or after a
   * sentence's end and a space ("successors. 1"): note marks.
   */
  private String dropNoteNumbers(float body) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isDigit(c) && body > 0 && sizes[i] > 0 && sizes[i] < body * 0.8f
          && i > 0 && (!Character.isWhitespace(text.charAt(i - 1)) || afterSentence(i - 1))) {
        int j = i;
        while (j < text.length() && Character.isDigit(text.charAt(j))) {
          j++;
        }
        i = j - 1;
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Runs of the ASCII blanks made one space, stripped (a regular expression's cost, for every line, was not). */
  private static String oneSpaced(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean blank = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        blank = true;
      } else {
        if (blank && !out.isEmpty()) {
          out.append(' ');
        }
        blank = false;
        out.append(c);
      }
    }
    return out.toString().strip();
  }

  /** Whitespace at {@code i} follows a sentence's end (". ", ".” "). */
  private boolean afterSentence(int i) {
    int j = i;
    while (j > 0 && Character.isWhitespace(text.charAt(j))) {
      j--;
    }
    return j < i && ".!?”’\"".indexOf(text.charAt(j)) >= 0;
  }

  /** Printers' crop and registration marks set in a symbol font (❘ ❙ ❚, box drawing). */
  static boolean isCropMark(char c) {
    return (c >= '\u2758' && c <= '\u275A') || (c >= '\u2500' && c <= '\u259F') || c == '\uFFFD';
  }
}
