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
