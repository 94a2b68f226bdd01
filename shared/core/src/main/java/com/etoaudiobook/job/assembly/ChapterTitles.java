package com.etoaudiobook.job.assembly;

import com.etoaudiobook.job.JobOptions;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.ProseAttribution;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.voice.Casting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The book as the audiobook reads it: as in a published audiobook, the narrator speaks each chapter's
 * title before its text, and the chapter pause follows. A pure function of the book, the casting and
 * the options, so the planner and the assembler see the same segments, and a title's part has a
 * content-addressed cache key like any other.
 */
public final class ChapterTitles {
  /** A title segment's paragraph: it is no source paragraph, and the chapter pause follows it. */
  public static final int TITLE_PARAGRAPH = -1;

  private ChapterTitles() {
  }

  /**
   * The book with a narrator segment reading each chapter's title, or the book itself when the
   * options turn titles off or nobody in the casting is the narrator (a script of dialogue alone).
   * A chapter gets none when its title is the book's title (the parsers give it to chapters that
   * have none), only names a kind of page ("Title Page", "Copyright"), or when its first segment
   * already reads the title.
   */
  public static Book spoken(Book book, Casting casting, JobOptions options) {
    String narrator = book.roles().stream().map(Role::name)
        .filter(n -> n.equalsIgnoreCase(ProseAttribution.NARRATOR) || n.equalsIgnoreCase("narration"))
        .findFirst().orElse(null);
    boolean on = options == null || options.chapterTitlesOrDefault();
    if (!on || narrator == null || casting == null || casting.forRole(narrator) == null) {
      return book;
    }
    List<Chapter> chapters = new ArrayList<>();
    int index = 0;
    boolean added = false;
    for (Chapter c : book.chapters()) {
      List<Segment> segments = new ArrayList<>();
      Segment first = c.segments().isEmpty() ? null : c.segments().get(0);
      if (first != null && speaks(c.title(), book.title(), first.text())) {
        segments.add(new Segment(index++, c.index(), TITLE_PARAGRAPH, narrator, null,
            c.title().strip(), first.start(), first.start()));
        added = true;
      }
      for (Segment s : c.segments()) {
        segments.add(new Segment(index++, s.chapter(), s.paragraph(), s.role(), s.delivery(), s.text(), s.start(),
            s.end()));
      }
      chapters.add(new Chapter(c.index(), c.title(), segments));
    }
    return added ? new Book(book.title(), book.author(), book.language(), chapters, book.roles(), book.source(),
        book.warnings()) : book;
  }

  /** Silence between two consecutive segments; a spoken title is followed by the chapter pause. */
  public static int pauseMs(Segment a, Segment b, Pauses pauses) {
    return a.chapter() != b.chapter() || a.paragraph() == TITLE_PARAGRAPH ? pauses.chapterMs()
        : a.paragraph() != b.paragraph() ? pauses.paragraphMs() : pauses.segmentMs();
  }

  /**
   * Names of the pages around a book's text (EPUB landmark and table-of-contents labels): they say
   * what a page is, not what it is called, and no published audiobook reads "Title Page" aloud.
   */
  private static final java.util.regex.Pattern PAGE_LABEL = java.util.regex.Pattern.compile(
      "(half )?title( page)?|cover( page)?|front ?cover|frontispiece|copyright( page)?|(table of )?contents"
          + "|colophon|imprint");

  private static boolean speaks(String title, String bookTitle, String firstText) {
    String t = words(title);
    return !t.isEmpty() && !t.equals(words(bookTitle)) && !PAGE_LABEL.matcher(t).matches()
        && !words(firstText).startsWith(t);
  }

  /** Letters and digits, lower case, single-spaced: "CHAPTER I.—Down" and "Chapter I Down" match. */
  private static String words(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
