package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.Headings;

/**
 * Where a document's printed title page may be: before its first chapter and its first running prose
 * (one paragraph opening with a quotation mark, an epigraph, aside). Fed every block in order.
 */
final class TitlePage {
  private final String title;
  private final String author;
  private boolean over;
  private boolean epigraph;

  TitlePage(String title, String author) {
    this.title = title;
    this.author = author;
  }

  /**
   * Whether the title page may go on at this block: no chapter begun and, for a paragraph (null for a
   * heading), not the book's running prose.
   */
  boolean open(boolean chapterBegun, String paragraph) {
    if (!over && (chapterBegun || paragraph != null && Headings.isRunningProse(paragraph)
        && !(Headings.opensQuoted(paragraph) && !epigraph && (epigraph = true)))) {
      over = true;
    }
    return !over;
  }

  /** The text is a title page's: the title, the author, a by-line, the imprint, the copyright. */
  boolean holds(String text) {
    return Headings.isTitlePage(text, title, author);
  }
}
