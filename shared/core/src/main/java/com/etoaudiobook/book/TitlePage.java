package com.etoaudiobook.book;

/**
 * Where a book's printed title page may be: before its first chapter and its first running prose
 * (one paragraph of it opening with a quotation mark, an epigraph, aside). Fed every block in order,
 * by the plain-text reader and by each document format.
 */
public final class TitlePage {
  /**
   * Most characters of a front's blocks taken for its title pages' when a title page's line comes
   * after them (a list of the author's works, a half-title); more is a book without running prose
   * (verse), read as it stands.
   */
  public static final int MAX_BEFORE = 3_000;

  private final String title;
  private final String author;
  private boolean over;
  private boolean epigraph;

  public TitlePage(String title, String author) {
    this.title = title;
    this.author = author;
  }

  /** Whether the title page may still go on: no chapter begun and no running prose met. */
  public boolean isOpen() {
    return !over;
  }

  /**
   * Whether the title page goes on at this block: no chapter begun (or begins here) and, for a
   * paragraph (null for a heading or a line inside a block), not the book's running prose.
   */
  public boolean open(boolean chapterBegun, String paragraph) {
    if (over) {
      return false;
    }
    if (chapterBegun) {
      over = true;
    } else if (paragraph != null && Headings.isRunningProse(paragraph)) {
      if (Headings.opensQuoted(paragraph) && !epigraph) {
        epigraph = true;
      } else {
        over = true;
      }
    }
    return !over;
  }

  /** The text is a title page's: the title, the author, a by-line, the imprint, the copyright. */
  public boolean holds(String text) {
    return Headings.isTitlePage(text, title, author);
  }
}
