package com.etoaudiobook.job.assembly;

import com.etoaudiobook.job.JobOptions;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.voice.Casting;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ChapterTitlesTest {
  private static final Casting NARRATED = new Casting(Map.of("Narrator", Casting.Assignment.of("en"),
      "Ann", Casting.Assignment.of("en-us")));

  private static Book book(String title, List<String> chapterTitles, List<String> firstTexts, String role) {
    List<Chapter> chapters = new java.util.ArrayList<>();
    int index = 0;
    for (int c = 0; c < chapterTitles.size(); c++) {
      chapters.add(new Chapter(c, chapterTitles.get(c), List.of(
          new Segment(index++, c, 2 * c, role, null, firstTexts.get(c), 10 * c, 10 * c + 5),
          new Segment(index++, c, 2 * c + 1, "Ann", null, "Hello.", 10 * c + 6, 10 * c + 9))));
    }
    return new Book(title, null, "en", chapters, List.of(new Role(role, 2, 10, "", List.of(), null),
        new Role("Ann", 2, 12, "", List.of(), null)), null, List.of());
  }

  @Test
  void theNarratorReadsEachRealTitleFirstAndIndicesFollow() {
    Book b = book("Tales", List.of("Tales", "CHAPTER II. The Well", "A Storm", "Title Page"),
        List.of("It was dark.", "Chapter II — the well. Water rose.", "Rain came.", "Tales, by A. Writer"),
        "Narrator");
    List<Segment> spoken = ChapterTitles.spoken(b, NARRATED, JobOptions.DEFAULT).segments().toList();
    // chapter 0 bears the book's title (the parsers' stand-in for none); chapter 1 already reads its
    // own; chapter 3's only names the kind of page
    assertEquals(List.of("It was dark.", "Hello.", "Chapter II — the well. Water rose.", "Hello.", "A Storm",
        "Rain came.", "Hello.", "Tales, by A. Writer", "Hello."), spoken.stream().map(Segment::text).toList());
    Segment title = spoken.get(4);
    assertEquals("Narrator", title.role());
    assertEquals(2, title.chapter());
    for (int i = 0; i < spoken.size(); i++) {
      assertEquals(i, spoken.get(i).index());
    }
    Pauses p = new Pauses(100, 200, 3000);
    assertEquals(3000, ChapterTitles.pauseMs(title, spoken.get(5), p), "the chapter pause follows a title");
    assertEquals(200, ChapterTitles.pauseMs(spoken.get(5), spoken.get(6), p));
  }

  @Test
  void offOrWithoutANarratorTheBookIsUnchanged() {
    Book b = book("Tales", List.of("One", "Two"), List.of("a", "b"), "Narrator");
    assertSame(b, ChapterTitles.spoken(b, NARRATED, new JobOptions(null, null, false)));
    Book script = book("Tales", List.of("One", "Two"), List.of("a", "b"), "Bob");
    assertSame(script, ChapterTitles.spoken(script, new Casting(Map.of("Bob", Casting.Assignment.of("en"),
        "Ann", Casting.Assignment.of("en-us"))), JobOptions.DEFAULT));
    assertEquals(6, ChapterTitles.spoken(b, NARRATED, null).segmentCount(), "on by default");
  }
}
