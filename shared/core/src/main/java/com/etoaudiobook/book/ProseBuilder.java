package com.etoaudiobook.book;

import com.etoaudiobook.book.internal.Markup;
import com.etoaudiobook.book.internal.ScriptReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a Book from prose extracted out of a richer document (EPUB, HTML, PDF, DOCX): chapters
 * of plain paragraphs, written one after another into a plain text. Every segment's offsets
 * point into that text ({@link #text()}): chapter titles on their own line, paragraphs separated
 * by a blank line. Quotations are then given to their speakers by {@link ProseAttribution}.
 */
public final class ProseBuilder {
  /**
   * Paragraphs a book may have, checked while the text is still being extracted: each becomes a
   * segment and objects of its own, so millions of one-word paragraphs would fill the heap before
   * any later check. Every paragraph is at least one segment, so this is the jobs' segment limit
   * (job.BookLimits.MAX_SEGMENTS) and refuses nothing that limit would take.
   */
  public static final int MAX_PARAGRAPHS = 50_000;
  private final StringBuilder text = new StringBuilder();
  private final List<Draft> drafts = new ArrayList<>();
  private final int maxChars;
  private int paragraphs;

  private record Span(int start, int end, int paragraph) {
  }

  private static final class Draft {
    final String title;
    final List<Span> spans = new ArrayList<>();

    Draft(String title) {
      this.title = title;
    }
  }

  /** @param maxChars largest text accepted; beyond it a "too-large" BookFormatException */
  public ProseBuilder(int maxChars) {
    this.maxChars = maxChars;
  }

  /** Starts a chapter; its title is not spoken (it is the chapter's title). */
  public ProseBuilder chapter(String title) {
    String t = title == null ? null : title.replaceAll("\\s+", " ").strip();
    drafts.add(new Draft(t == null || t.isEmpty() ? null : t));
    if (t != null && !t.isEmpty()) {
      append(t);
    }
    return this;
  }

  /** Adds a paragraph of narration (a blank-line-free text; single line breaks are kept). */
  public ProseBuilder paragraph(String paragraph) {
    Cancellation.check();
    if (paragraph == null) {
      return this;
    }
    String p = Markup.dropStrayMarks(paragraph.replaceAll("\\n\\s*\\n", "\n")).strip();
    if (p.isEmpty() || !Markup.isSpeakable(p)) {
      return this;
    }
    if (drafts.isEmpty()) {
      drafts.add(new Draft(null));
    }
    if (paragraphs >= MAX_PARAGRAPHS) {
      throw new BookFormatException("too-large", "The document has more than " + MAX_PARAGRAPHS
          + " paragraphs, the most one book may have; split it into smaller files");
    }
    int start = append(p);
    drafts.get(drafts.size() - 1).spans.add(new Span(start, text.length(), paragraphs++));
    return this;
  }

  private int append(String s) {
    if (text.length() > 0) {
      text.append("\n\n");
    }
    if ((long) text.length() + s.length() > maxChars) {
      throw new BookFormatException("too-large", "The document has more than "
          + maxChars / 1_000_000 + " million characters of text; split it into smaller files");
    }
    int start = text.length();
    text.append(s);
    return start;
  }

  /** The plain text segment offsets point into. */
  public String text() {
    return text.toString();
  }

  /**
   * @param title book title; also the title of a chapter that has none
   * @throws BookFormatException "no-speech" when no paragraph has anything to speak
   */
  public Book build(String title, String author, String language, Book.Source source,
                    List<String> warnings) {
    String all = text.toString();
    String lang = language == null || language.isBlank() ? "en" : language;
    List<Draft> withText = drafts.stream().filter(d -> !d.spans.isEmpty()).toList();
    BackMatter.Cut cut = withText.isEmpty() ? null : BackMatter.find(withText.stream().map(d -> d.title).toList(),
        withText.stream().map(d -> d.spans.stream().map(s -> all.substring(s.start(), s.end())).toList()).toList());
    if (cut != null) {
      Draft last = withText.get(cut.chapters() - 1);
      drafts.subList(drafts.indexOf(last) + 1, drafts.size()).clear();
      last.spans.subList(cut.paragraphs(), last.spans.size()).clear();
      warnings = new ArrayList<>(warnings);
      warnings.add(BackMatter.warning(cut));
    }
    List<ScriptReader.Block> blocks = new ArrayList<>();
    for (Draft d : drafts) {
      int[] paragraphs = new int[d.spans.size() * 2];
      for (int i = 0; i < d.spans.size(); i++) {
        paragraphs[2 * i] = d.spans.get(i).start();
        paragraphs[2 * i + 1] = d.spans.get(i).end();
      }
      blocks.add(new ScriptReader.Block(d.title, paragraphs));
    }
    // a script written in Word or a play in HTML: its labels carry the dialogue
    ScriptReader.Result script = ScriptReader.readBlocks(all, blocks, title, author);
    if (script != null) {
      ProseAttribution.Result r = ProseAttribution.apply(all, script.chapters(), ProseAttribution.NARRATOR,
          s -> s, script.proseChapters()::contains);
      return new Book(title, author, lang,
          r.chapters(), r.roles(), source, warnings);
    }
    List<Chapter> chapters = new ArrayList<>();
    int index = 0;
    for (Draft d : drafts) {
      if (d.spans.isEmpty()) {
        continue;
      }
      List<Segment> segments = new ArrayList<>();
      for (Span s : d.spans) {
        segments.add(new Segment(index++, chapters.size(), s.paragraph(), ProseAttribution.NARRATOR,
            null, all.substring(s.start(), s.end()), s.start(), s.end()));
      }
      chapters.add(new Chapter(chapters.size(), d.title == null ? title : d.title, segments));
    }
    if (chapters.isEmpty()) {
      throw new BookFormatException("no-speech",
          "The document has no text to speak (no letters or digits were found)");
    }
    ProseAttribution.Result r = ProseAttribution.apply(all, chapters, ProseAttribution.NARRATOR,
        s -> s);
    return new Book(title, author, lang,
        r.chapters(), r.roles(), source, warnings);
  }
}
