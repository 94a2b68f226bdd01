package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.book.Headings;
import com.etoaudiobook.formats.internal.PdfLines.Line;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rebuilds paragraphs from a PDF's lines, in one pass (linear in the text): a paragraph starts at
 * an indented line, after a wider gap than the page's line spacing, after a short line ending a
 * sentence, or at a line in a larger size (a heading); it continues across a page break and
 * joins words hyphenated at a line end. Page furniture is dropped first: page and margin line
 * numbers, printer's slugs and lines repeated at the top or bottom of many pages.
 */
final class PdfParagraphs {

  /** A paragraph, where it starts (page from 0, y down the page), and whether set as a heading. */
  record Paragraph(String text, int page, float y, boolean heading) {
  }

  private static final Pattern NUMBER_LINE = Pattern.compile(
      "(?i)^[\\s\\-–—|.\\[\\]()]*(?:page\\s*)?(?:[a-z]?\\d{1,5}[a-z]?|[ivxlcdm]{1,8})(?:\\s*(?:of|/)\\s*\\d{1,5})?[\\s\\-–—|.\\[\\]()]*$");
  /**
   * A printer's slug: "14773_01_1-174_r9jm.qxd 2/10/04 3:51 PM Page 26". Found, not matched whole: as
   * ".*(?:\\S+\\.(?:qxd|...)...).*" it retried every non-blank run from each of its characters
   * (a long line without blanks was quadratic).
   */
  private static final Pattern SLUG = Pattern.compile(
      "(?i)(?<=\\S)\\.(?:qxd|qxp|indd|fm)\\b|\\d{1,2}:\\d{2}\\s*+[ap]m\\s++page\\s++\\d");
  /**
   * What a browser prints in a page's margins, set small at its top and foot: the date and time before the
   * page's title ("12/3/26, 6:56 PM The Adventures of ...") and its address before "page of pages"
   * ("file:///home/ann/book.html 1/140"). Told on a one-page print too, where nothing repeats.
   */
  private static final Pattern BROWSER_MARGIN = Pattern.compile(
      "^\\d{1,2}/\\d{1,2}/\\d{2,4},?\\s\\d{1,2}:\\d{2}(?:\\s?[AaPp][Mm])?(?:\\s.*)?$"
          + "|^(?:file|https?)://\\S+\\s+\\d{1,5}/\\d{1,5}$");
  private static final Pattern ENUMERATOR = Pattern.compile("^(?:\\d{1,3}[.)]|\\([a-z0-9]{1,3}\\))\\s+");
  /** A list item's bullet: each item is a paragraph of its own. */
  private static final Pattern BULLET = Pattern.compile("^[•◦▪‣●■□❖➢►]\\s.*");
  private static final String SENTENCE_END = ".!?:\"”’)]";
  private static final int EDGE = 3;
  /** Baselines this many line spacings apart or more have a paragraph's space between them. */
  private static final float GAP = 1.6f;

  private PdfParagraphs() {
  }

  /**
   * A line set as a page number would be: a number at the page's top or bottom, or an arabic one
   * anywhere. A numeral set larger than the text is a chapter's heading ("XII"), unless nearly
   * every page has one; so is a roman one inside the page (line numbers down a margin are figures).
   */
  private static boolean pageNumberLike(List<Line> page, int i, float bodySize, boolean largePageNumbers) {
    Line l = page.get(i);
    return NUMBER_LINE.matcher(l.text()).matches()
        && (large(l, bodySize) ? largePageNumbers && edge(page, i)
        : edge(page, i) || !Headings.isBareNumeral(l.text()) || Character.isDigit(l.text().strip().charAt(0)));
  }

  /** Among a page's first or last lines, where page numbers and running heads are set. */
  private static boolean edge(List<?> page, int i) {
    return i < EDGE || i >= page.size() - EDGE;
  }

  /**
   * The numerals alone ("VII", "12") set as page numbers would be that count pages: those of pages
   * that count on together (the same number less the page's index), at least 2 pages of a short
   * document, 3 of a longer one; a page has one number, so the numbering of most pages (arabic
   * first) claims its pages before another does. A chapter's numeral at a page's top counts
   * chapters: no other page counts with it, or its page has its number already.
   */
  private static Set<Line> countingPages(List<List<Line>> raw, float bodySize, boolean largePageNumbers) {
    Map<String, List<Line>> byOffset = new HashMap<>();
    for (List<Line> page : raw) {
      for (int i = 0; i < page.size(); i++) {
        Line l = page.get(i);
        int value = Headings.numeralValue(l.text());
        if (value >= 0 && edge(page, i) && pageNumberLike(page, i, bodySize, largePageNumbers)) {
          String kind = Character.isDigit(l.text().strip().charAt(0)) ? "arabic " : "roman ";
          byOffset.computeIfAbsent(kind + (value - l.page()), k -> new ArrayList<>()).add(l);
        }
      }
    }
    List<List<Line>> numberings = new ArrayList<>(byOffset.values());
    numberings.sort(java.util.Comparator.<List<Line>>comparingInt(List::size).reversed()
        .thenComparing(n -> !Character.isDigit(n.get(0).text().strip().charAt(0))));
    int agreeing = raw.size() < 10 ? 2 : 3;
    Set<Integer> numbered = new HashSet<>();
    Set<Line> out = new HashSet<>();
    for (List<Line> numbering : numberings) {
      List<Line> free = numbering.stream().filter(l -> !numbered.contains(l.page())).toList();
      if (free.stream().map(Line::page).distinct().count() >= agreeing) {
        out.addAll(free);
        free.forEach(l -> numbered.add(l.page()));
      }
    }
    return out;
  }

  static List<Paragraph> build(List<List<Line>> raw) {
    return build(raw, List.of());
  }

  /**
   * @param breaks where paragraphs must start whatever the layout says (page from 0, y down the
   *               page or -1 for its top), in reading order: the outline's chapter starts
   */
  static List<Paragraph> build(List<List<Line>> raw, List<float[]> breaks) {
    List<List<Line>> pages = new ArrayList<>();
    List<List<String>> keys = new ArrayList<>(); // each line's Pdf.key, computed once
    float bodySize = commonSize(raw);
    // Page numbers set large are on nearly every page of a long document; chapter numerals on a
    // chapter's first.
    long largeNumbered = raw.stream().filter(page -> {
      for (int i = 0; i < page.size(); i++) {
        if (edge(page, i) && large(page.get(i), bodySize)
            && NUMBER_LINE.matcher(page.get(i).text()).matches()) {
          return true;
        }
      }
      return false;
    }).count();
    boolean largePageNumbers = raw.size() >= 10 && largeNumbered * 5 > raw.size() * 4;
    Set<Line> chapterNumbers = chapterNumbers(raw, bodySize, countingPages(raw, bodySize, largePageNumbers));
    for (List<Line> page : raw) {
      Cancellation.check();
      List<Line> kept = new ArrayList<>();
      for (int i = 0; i < page.size(); i++) {
        Line l = page.get(i);
        boolean number = pageNumberLike(page, i, bodySize, largePageNumbers)
            && !chapterNumbers.contains(l);
        if (!number && !SLUG.matcher(l.text()).find()) {
          kept.add(l);
        }
      }
      pages.add(kept);
      keys.add(kept.stream().map(l -> Pdf.key(l.text())).toList());
    }
    Set<String> running = runningLines(keys, true);
    Set<String> frequent = runningLines(keys, false);
    Spacing spacing = spacing(pages, bodySize);
    Set<String> heads = numberedHeads(pages, bodySize);
    List<Paragraph> out = new ArrayList<>();
    StringBuilder para = new StringBuilder();
    int paraPage = 0;
    float paraY = 0;
    boolean paraHeading = false;
    Line prev = null;
    float prevRight = 0;
    boolean prevIndented = false;
    int nextBreak = 0;
    for (int pg = 0; pg < pages.size(); pg++) {
      Cancellation.check();
      List<Line> page = pages.get(pg);
      List<Line> lines = new ArrayList<>();
      for (int i = 0; i < page.size(); i++) {
        Line l = page.get(i);
        String key = keys.get(pg).get(i);
        boolean edge = edge(page, i);
        if (edge && l.size() < bodySize * 0.95f && BROWSER_MARGIN.matcher(l.text()).matches()) {
          continue;
        }
        // a chapter's numeral is no running head, though numerals share a key ("VII", "XII")
        if ((edge || frequent.contains(key)) && running.contains(key) && !chapterHeading(l, bodySize)
            && !chapterNumbers.contains(l)) {
          continue;
        }
        // Set smaller than the text, a running head is one wherever the content stream puts it.
        String head = edge || l.size() < bodySize * 0.95f ? numberedHead(l, bodySize) : null;
        if (head != null && heads.contains(head)) {
          continue;
        }
        lines.add(l);
      }
      float[] margins = margins(lines);
      // A page of one-line paragraphs (a dialogue) has no line spacing of its own to measure.
      float gap = Math.min(lineGap(lines), spacing.pitch());
      Map<Float, Float> right = rightEdges(lines, margins);
      for (Line l : lines) {
        float margin = margin(margins, l.x());
        boolean heading = large(l, bodySize);
        boolean start;
        boolean indentStart = false;
        boolean broken = false;
        while (nextBreak < breaks.size() && (l.page() > breaks.get(nextBreak)[0]
            || (l.page() == breaks.get(nextBreak)[0] && l.y() >= breaks.get(nextBreak)[1] - 2))) {
          nextBreak++;
          broken = true;
        }
        // a chapter's numeral is a paragraph of its own, even at a page's top after a full line
        // or at its foot before the chapter's text overleaf
        if (prev == null || broken || chapterNumbers.contains(l) || chapterNumbers.contains(prev)) {
          start = true;
        } else if (heading || large(prev, bodySize)) {
          // A heading is a paragraph of its own, but a heading set on two lines is one.
          start = !(heading && Math.abs(l.size() - prev.size()) < 0.5f && prev.page() == l.page()
              && l.y() - prev.y() < l.size() * 2);
        } else if (continues(prev.text(), l.text()) || centeredPair(prev, l, margin)) {
          start = false;
        } else {
          // An indented line opens a paragraph, unless the line before is indented as far, full,
          // and not itself a paragraph's indented first line: the two are lines of one indented
          // block (a quotation set off by space), not two paragraphs.
          boolean indented = l.x() - margin > l.size() * 0.6f
              && !(Math.abs(prev.x() - l.x()) < 1f && !prevIndented
              && prevRight - prev.xEnd() <= prev.size() * 3);
          boolean samePage = prev.page() == l.page();
          boolean gapped = samePage && l.y() - prev.y() > gap * GAP;
          // Where space sets paragraphs apart, a short line with none after it ends a sentence
          // only ("She complained of faintness." and the paragraph goes on); a page break hides it.
          // (a title in capitals after a closed sentence opens a block, on a new page too: "CONTENTS")
          start = indented || gapped || BULLET.matcher(l.text()).matches()
              || closesSentence(prev.text()) && (Headings.isCapsTitle(l.text()) || Headings.isListTitle(l.text()))
              || (prevRight - prev.xEnd() > prev.size() * 3 && endsBlock(prev.text())
              && !(spacing.gapped() && samePage));
          indentStart = indented && !gapped;
        }
        if (start && !para.isEmpty()) {
          out.add(new Paragraph(para.toString(), paraPage, paraY, paraHeading));
          para.setLength(0);
        }
        if (para.isEmpty()) {
          paraPage = l.page();
          paraY = l.y();
          paraHeading = heading;
        }
        // A list's bullet is a glyph to see, not a word to say.
        join(para, para.isEmpty() && BULLET.matcher(l.text()).matches() ? l.text().substring(1).strip()
            : l.text());
        prev = l;
        prevIndented = indentStart;
        prevRight = right.getOrDefault(margin, l.xEnd());
      }
    }
    if (!para.isEmpty()) {
      out.add(new Paragraph(para.toString(), paraPage, paraY, paraHeading));
    }
    return out;
  }

  /**
   * "XII" or "Chapter 12" set larger than the text: a chapter's heading, read even when every
   * chapter's is alike ("#" and "chapter #" to Pdf.key) and starts a page, as a running head.
   */
  private static boolean chapterHeading(Line l, float bodySize) {
    return large(l, bodySize) && Headings.numbersChapter(l.text());
  }

  /**
   * Numerals alone in the text's type or larger that number chapters: each number once in the
   * document, not one that counts pages, and counting up (I, II, III) at least three times. Not a
   * figure's labels or a note's number (set smaller, or many times over).
   */
  private static Set<Line> chapterNumbers(List<List<Line>> raw, float bodySize, Set<Line> pageNumbers) {
    List<Line> numerals = raw.stream().flatMap(List::stream)
        .filter(l -> l.size() >= bodySize * 0.95f && Headings.isBareNumeral(l.text()) && !pageNumbers.contains(l))
        .toList();
    Map<Integer, Long> times = numerals.stream().collect(java.util.stream.Collectors.groupingBy(
        l -> Headings.numeralValue(l.text()), java.util.stream.Collectors.counting()));
    List<Line> once = numerals.stream().filter(l -> times.get(Headings.numeralValue(l.text())) == 1).toList();
    return Headings.risingNumerals(once.stream().map(Line::text).toList()) >= 3 ? new HashSet<>(once) : Set.of();
  }

  /** Set larger than the text: a heading's size. */
  private static boolean large(Line l, float bodySize) {
    return l.size() > bodySize * 1.15f;
  }

  /** Ends in a sentence's closing mark (or a closing bracket): not a heading's first line in capitals. */
  private static boolean closesSentence(String text) {
    return SENTENCE_END.indexOf(text.charAt(text.length() - 1)) >= 0;
  }

  /** A short line ending like this ends its paragraph: a sentence, or a heading. */
  private static boolean endsBlock(String text) {
    return closesSentence(text) || Headings.isNumberedChapter(text) || Headings.isCapsTitle(text);
  }

  /**
   * The line goes on with the sentence the line before left open, whatever the layout says (a
   * page break, a quotation set off, a hanging indent): the line before ends in a comma or a
   * hyphenated word, or in anything but a sentence's end while this line starts in lower case.
   */
  static boolean continues(String before, String line) {
    char last = before.charAt(before.length() - 1);
    // A list item in lower case ("1. guaranteeing the right") goes on with its lead-in too.
    String item = ENUMERATOR.matcher(line).replaceFirst("");
    int first = (item.isEmpty() ? line : item).codePointAt(0);
    if (last == ',') {
      return true;
    }
    if (last == '-' && before.length() >= 2 && Character.isLetter(before.charAt(before.length() - 2))) {
      return Character.isLowerCase(first);
    }
    // A word, a semicolon or colon, a dash or a closing quote before a lower-case line: one sentence.
    return Character.isLowerCase(first)
        && (Character.isLetterOrDigit(last) || ";:—–-\"”’)".indexOf(last) >= 0);
  }

  /**
   * Two lines centred on one axis, away from the margin, the first not ending a sentence: one
   * centred heading or notice set on two lines ("Rebuilding Freedoms Previously / Presumed"); not
   * a chapter's number over its title ("CHAPTER IV" / "IN WHICH EEYORE LOSES A TAIL").
   */
  private static boolean centeredPair(Line prev, Line l, float margin) {
    float a = (prev.x() + prev.xEnd()) / 2;
    float b = (l.x() + l.xEnd()) / 2;
    return prev.page() == l.page() && Math.abs(a - b) < 2 && l.x() - margin > l.size() * 2
        && prev.x() - margin > l.size() * 2 && l.y() - prev.y() < l.size() * 2.5f
        && SENTENCE_END.indexOf(prev.text().charAt(prev.text().length() - 1)) < 0
        && !Headings.numbersChapter(prev.text());
  }

  /** Appends a line: "mur-" + "derer" is one word; otherwise a space between lines. */
  private static void join(StringBuilder para, String line) {
    int n = para.length();
    if (n == 0) {
      para.append(line);
    } else if (n >= 2 && para.charAt(n - 1) == '-' && Character.isLetter(para.charAt(n - 2))
        && Character.isLowerCase(line.codePointAt(0))) {
      para.setLength(n - 1);
      para.append(line);
    } else {
      para.append(' ').append(line);
    }
  }

  /**
   * Left edges where at least a fifth of the page's lines start: the columns' margins. One a few
   * letters right of another is its paragraphs' indent (a page of one-line speeches), not a column.
   */
  private static float[] margins(List<Line> lines) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (Line l : lines) {
      counts.merge(Math.round(l.x() / 2), 1, Integer::sum);
    }
    int[] keys = counts.entrySet().stream().filter(e -> e.getValue() * 5 >= lines.size())
        .mapToInt(Map.Entry::getKey).sorted().toArray();
    float size = lines.stream().map(Line::size).sorted().skip(lines.size() / 2).findFirst().orElse(10f);
    float[] m = new float[keys.length];
    int n = 0;
    for (int key : keys) {
      if (n == 0 || key * 2f - m[n - 1] > size * 4) {
        m[n++] = key * 2f;
      }
    }
    return Arrays.copyOf(m, n);
  }

  private static float margin(float[] margins, float x) {
    float best = margins.length == 0 ? x : margins[0];
    for (float m : margins) {
      if (m <= x + 2) {
        best = m;
      }
    }
    return Math.min(best, x);
  }

  /** Per margin, the right edge most of its lines reach (a full line). */
  private static Map<Float, Float> rightEdges(List<Line> lines, float[] margins) {
    Map<Float, List<Float>> ends = new HashMap<>();
    for (Line l : lines) {
      ends.computeIfAbsent(margin(margins, l.x()), k -> new ArrayList<>()).add(l.xEnd());
    }
    Map<Float, Float> out = new HashMap<>();
    ends.forEach((m, list) -> {
      list.sort(null);
      out.put(m, list.get((int) (list.size() * 0.8)));
    });
    return out;
  }

  /** The page's usual distance between baselines. */
  private static float lineGap(List<Line> lines) {
    List<Float> gaps = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      float d = lines.get(i).y() - lines.get(i - 1).y();
      if (d > 0) {
        gaps.add(d);
      }
    }
    if (gaps.isEmpty()) {
      return Float.MAX_VALUE / 4;
    }
    gaps.sort(null);
    return gaps.get(gaps.size() / 2);
  }

  /**
   * How the body's lines are spaced: the distance between the baselines of two lines of one
   * paragraph (the closest spacing a quarter of the body's lines share: a paragraph's lines are
   * the closest), or a quarter of the maximum float when there are too few to tell; and
   * whether paragraphs are set apart by space (a Word document, a web page printed), not by an
   * indent (a book), told by how often a wider gap comes between two body lines.
   */
  record Spacing(float pitch, boolean gapped) {
  }

  static Spacing spacing(List<List<Line>> pages, float bodySize) {
    List<Float> d = new ArrayList<>();
    for (List<Line> page : pages) {
      for (int i = 1; i < page.size(); i++) {
        Line a = page.get(i - 1);
        Line b = page.get(i);
        float dy = b.y() - a.y();
        // Not a raised note number beside its line, nor the gap around a figure.
        if (Math.abs(a.size() - bodySize) < 0.5f && Math.abs(b.size() - bodySize) < 0.5f
            && dy >= bodySize * 0.8f && dy < bodySize * 3) {
          d.add(dy);
        }
      }
    }
    if (d.size() < 20) {
      return new Spacing(Float.MAX_VALUE / 4, false);
    }
    d.sort(null);
    // The closest spacing a quarter of the lines share (not the 10th percentile: a double-spaced
    // thesis whose notes and quotations are set single would take every line for a paragraph).
    float pitch = d.get(d.size() / 2);
    for (int lo = 0, hi = 0; lo < d.size(); lo++) {
      while (hi < d.size() && d.get(hi) <= d.get(lo) * 1.05f) {
        hi++;
      }
      if ((hi - lo) * 4 >= d.size()) {
        pitch = d.get(lo);
        break;
      }
    }
    float line = pitch;
    long wide = d.stream().filter(x -> x > line * GAP).count();
    return new Spacing(line, wide * 25 >= d.size());
  }

  /** The font size most lines are set in. */
  private static float commonSize(List<List<Line>> pages) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (List<Line> page : pages) {
      for (Line l : page) {
        counts.merge(Math.round(l.size() * 2), l.text().length(), Integer::sum);
      }
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() / 2f)
        .orElse(10f);
  }

  /**
   * A running head with its page number ("xiv PREFACE", "PREFACE xv", "Chapter 2: ASN.1
   * structure handling 3"): its words, else null. A bare "Chapter 12" is a heading, not a head.
   */
  private static final Pattern NUMBERED_HEAD = Pattern.compile(
      "^(?:\\d{1,4}|[ivxlc]{1,7})\\s+(.{1,80}?)$|^(.{1,80}?)\\s+(?:\\d{1,4}|[ivxlc]{1,7})$");
  private static final Pattern CHAPTER_WORD = Pattern.compile(
      "(?:chapter|part|book|volume|act|scene|section|lesson|letter|day|page|step|figure|table)");

  private static String numberedHead(Line l, float bodySize) {
    if (l.size() > bodySize * 1.05f) {
      return null;
    }
    java.util.regex.Matcher m = NUMBERED_HEAD.matcher(l.text());
    if (!m.matches()) {
      return null;
    }
    String words = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    if (words.isEmpty() || !words.matches(".*\\p{L}.*") || words.split(" ").length > 10
        || CHAPTER_WORD.matcher(words).matches()) {
      return null;
    }
    return words;
  }

  /**
   * Words set beside a page number at the top or bottom of at least two pages: a running head,
   * whichever side of the page (and so of the number) it sits on, even in a short chapter.
   */
  private static Set<String> numberedHeads(List<List<Line>> pages, float bodySize) {
    Map<String, Integer> counts = new HashMap<>();
    for (List<Line> page : pages) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < page.size(); i++) {
        String head = edge(page, i) ? numberedHead(page.get(i), bodySize) : null;
        if (head != null) {
          seen.add(head);
        }
      }
      seen.forEach(k -> counts.merge(k, 1, Integer::sum));
    }
    Set<String> out = new HashSet<>();
    counts.forEach((k, n) -> {
      if (n >= 2) {
        out.add(k);
      }
    });
    return out;
  }

  /**
   * Lines (their Pdf.key) repeated at the top or bottom of at least four pages (half of a short document) (digits ignored, so
   * "26 FREE CULTURE" and "28 FREE CULTURE" are one line): running headers and footers.
   */
  private static Set<String> runningLines(List<List<String>> pages, boolean edges) {
    Map<String, Integer> counts = new HashMap<>();
    for (List<String> page : pages) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < page.size(); i++) {
        if (!edges || edge(page, i)) {
          seen.add(page.get(i));
        }
      }
      seen.forEach(k -> counts.merge(k, 1, Integer::sum));
    }
    Set<String> running = new HashSet<>();
    // Chapter-long running heads repeat on a few pages only; a short document needs half.
    int few = pages.size() < 12 ? Math.max(2, (pages.size() + 1) / 2) : 4;
    // Anywhere on the page, only a line on a tenth of the pages: a printer's or a site's mark.
    int need = edges ? few : Math.max(few, pages.size() / 10);
    counts.forEach((k, n) -> {
      if (n >= need) {
        running.add(k);
      }
    });
    return running;
  }
}
