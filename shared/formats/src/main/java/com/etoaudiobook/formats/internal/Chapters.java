package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.Headings;
import com.etoaudiobook.book.ProseBuilder;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Feeds blocks to a {@link ProseBuilder}, keeping a chapter's leading headings out of the spoken
 * text: they are its title, and are not read twice.
 */
public final class Chapters {
  private final ProseBuilder builder;
  private boolean atChapterStart;

  public Chapters(ProseBuilder builder) {
    this.builder = builder;
  }

  /**
   * The heading level (1–6) that divides a book into chapters: the shallowest that occurs at
   * least twice (a lone h1 names the book; a lone "Contents" h2 does not divide it), else the
   * shallowest present; 0 when there is no heading.
   *
   * @param levels each block's heading level in order, 0 for a paragraph
   */
  public static int level(int[] levels) {
    int[] counts = new int[10];
    for (int l : levels) {
      if (l > 0 && l < counts.length) {
        counts[l]++;
      }
    }
    int shallowest = 0;
    for (int l = 1; l < counts.length; l++) {
      if (counts[l] >= 2) {
        return l;
      }
      if (counts[l] > 0 && shallowest == 0) {
        shallowest = l;
      }
    }
    return shallowest;
  }

  /** The chapter begun, written when its first words come: a heading under it may complete its title. */
  private String pending;
  private boolean hasPending;
  /** Whether a chapter with a title has been begun. */
  private boolean titled;

  /** A part ("PART II") above the chapters, said with the next chapter's title; null for none. */
  private String division;

  /**
   * A heading above the level that divides the book: a part is said with its first chapter
   * ("PART II, CHAPTER 1"); anything else (a title page's lines) is not spoken.
   */
  public void above(String heading) {
    division = Headings.isDivision(heading) ? heading.strip().replaceAll("\\s+", " ") : null;
  }

  /** Headings of one level that are all parts ("PART I", "PART II"): the chapters under them divide the book. */
  public static boolean parts(List<String> headings) {
    return !headings.isEmpty() && headings.stream().allMatch(Headings::isDivision);
  }

  /** The part the chapter begun is the first of, said with its title when it is written; or null. */
  private String pendingDivision;

  public void chapter(String title) {
    title = title == null ? null : numberOverTitle(title.strip());
    if (title != null && atChapterStart && completesNumber(title.strip())) {
      return; // "I" over "UNDER THE SOUTHERN PINES", two headings of one level: one title
    }
    begin();
    pending = title == null ? division : title;
    pendingDivision = title == null ? null : division;
    division = null;
    hasPending = true;
    atChapterStart = true;
    titled |= pending != null;
  }

  /** Whether a chapter with a title has been begun. */
  public boolean begun() {
    return titled;
  }

  private void begin() {
    if (hasPending) {
      builder.chapter(pendingDivision == null || pending == null ? pending
          : Headings.underDivision(pendingDivision, pending));
      hasPending = false;
    }
  }

  public void block(HtmlText.Block b) {
    block(b, false, false);
  }

  /**
   * A block; a blank line inside it ("<br><br>", a {@code <pre>} text) parts paragraphs. Where
   * the markup marks no chapters ({@code textHeadings}), a paragraph that numbers one ("CHAPTER
   * IV") starts it, and so does a numeral alone where the text numbers its chapters so
   * ({@code numerals}: see {@link Headings#risingNumerals}).
   */
  public void block(HtmlText.Block b, boolean textHeadings, boolean numerals) {
    if (division != null && b.level() == 0) {
      chapter(null);  // a part's own text before its first chapter ("PART II" over its introduction)
    }
    if (b.level() > 0) {
      String under = b.text().strip();
      // "CHAPTER I." over "HER TWELFTH BIRTHDAY": one title, "CHAPTER I. HER TWELFTH BIRTHDAY"
      if (completesNumber(under)) {
        return;
      }
      // at a numbered chapter's start, not its title again ("Chapter 1. Introduction" under "Chapter 1:
      // Introduction") nor a title page's line: read, a subtitle or an epigraph's heading (elsewhere, as under
      // a document's title from an EPUB's contents, "Title Page", a title page's heading or a box's "Note")
      if (!atChapterStart || pending != null && Headings.hasNumber(pending) && !repeats(pending, under)
          && !Headings.isTitlePageLine(under)) {
        paragraph(b.text());
      }
      return;
    }
    for (String p : paragraphs(b.text())) {
      String t = p.strip();
      if (textHeadings && (Headings.isNumberedChapter(t) || numerals && Headings.isBareNumeral(t))) {
        chapter(t);
      } else if (!t.isEmpty()) {
        atChapterStart = false;
        begin();
        builder.paragraph(t);
      }
    }
  }

  /**
   * "I<br>The Old Sea-dog at the Admiral Benbow" in one heading: "I. The Old Sea-dog …", as two headings
   * would join, not "I The Old Sea-dog" (the numeral said as the word "I").
   */
  static String numberOverTitle(String title) {
    int br = title.indexOf('\n');
    if (br < 0) {
      return title;
    }
    String number = title.substring(0, br).strip();
    String rest = title.substring(br + 1).strip();
    if (rest.isEmpty() || !numberOnly(number)) {
      return title;
    }
    return number + (number.endsWith(".") || number.endsWith(":") ? " " : ". ") + rest;
  }

  /** Where the chapter begun is titled by its number alone, {@code under} completes its title; whether it did. */
  private boolean completesNumber(String under) {
    if (!hasPending || pending == null || !numberOnly(pending.strip()) || Headings.numbersChapter(under)
        || under.isEmpty()) {
      return false;
    }
    String number = pending.strip();
    pending = number + (number.endsWith(".") || number.endsWith(":") ? " " : ". ") + under;
    return true;
  }

  /**
   * A title that numbers a chapter and says nothing else ("CHAPTER I.", "Chapter One", "IV."), so a
   * heading under it completes it; not "Chapter 1: The Storm", nor a title completed once already.
   */
  private static boolean numberOnly(String title) {
    return Headings.numbersChapter(title) && title.split("\\s+").length <= 2
        && title.indexOf(':') < 0;
  }

  private static boolean repeats(String title, String heading) {
    String t = Headings.words(title);
    String h = Headings.words(heading);
    return t.contains(h) || h.contains(t);
  }

  /** The paragraphs a block holds, parted by blank lines. */
  public static String[] paragraphs(String text) {
    return BLANK_LINE.split(text);
  }

  private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

  public void paragraph(String text) {
    atChapterStart = false;
    begin();
    builder.paragraph(text);
  }
}
