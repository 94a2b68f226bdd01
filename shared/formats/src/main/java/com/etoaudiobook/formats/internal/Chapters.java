package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.ProseBuilder;

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

  public void chapter(String title) {
    builder.chapter(title);
    atChapterStart = true;
  }

  public void block(HtmlText.Block b) {
    if (b.level() > 0 && atChapterStart) {
      return;
    }
    atChapterStart = false;
    builder.paragraph(b.text());
  }

  public void paragraph(String text) {
    atChapterStart = false;
    builder.paragraph(text);
  }
}
