package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Checks every parsed book must pass, whatever its source. */
final class SampleAssertions {
  private SampleAssertions() {
  }

  static void wellFormed(Book book, String source) {
    List<Segment> segments = book.segments().toList();
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      assertEquals(i, s.index(), "segment index");
      assertTrue(s.start() >= 0 && s.start() < s.end() && s.end() <= source.length(),
          "offsets in range: " + s);
      String firstWord = s.text().split("\\s+")[0].replaceAll("^[*_\\[“\"‘']+|[*_\\]”\"’',.?!:]+$", "");
      assertTrue(source.substring(s.start(), s.end()).contains(firstWord),
          "source range holds the first word '" + firstWord + "' of " + s);
      assertEquals(s.text().strip(), s.text(), "trimmed: " + s);
      assertTrue(book.role(s.role()) != null, "segment role is a listed role: " + s.role());
    }
    for (int c = 0; c < book.chapters().size(); c++) {
      Chapter chapter = book.chapters().get(c);
      assertEquals(c, chapter.index());
      assertTrue(!chapter.segments().isEmpty(), "no empty chapters");
      chapter.segments().forEach(s -> assertEquals(chapter.index(), s.chapter()));
    }
    for (Role r : book.roles()) {
      List<Segment> own = segments.stream().filter(s -> s.role().equals(r.name())).toList();
      assertEquals(own.size(), r.segments(), "segment count of " + r.name());
      assertEquals(own.stream().mapToInt(s -> s.text().length()).sum(), r.characters(),
          "character count of " + r.name());
      assertTrue(r.sample().length() <= 120);
      assertTrue(r.gender() == null || r.gender().equals("male") || r.gender().equals("female"),
          "gender of " + r.name() + ": " + r.gender());
    }
  }
}
