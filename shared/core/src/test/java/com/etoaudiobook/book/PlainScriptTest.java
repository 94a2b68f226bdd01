package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** plain-script.txt: BOM, CRLF, {@code NAME:} labels, non-ASCII names, a stage direction. */
class PlainScriptTest {
  private final Book book = Samples.parse("plain-script.txt");

  @Test
  void titleAndSections() {
    assertEquals("The Orchard", book.title());
    assertEquals(List.of("THE ORCHARD", "ACT TWO"),
        book.chapters().stream().map(Chapter::title).toList());
    assertEquals(new Book.Source("plain-script.txt", "text", "UTF-8"), book.source());
  }

  @Test
  void roles() {
    assertEquals(List.of("Narrator", "ZOË", "INÈS", "GRANDPA"),
        book.roles().stream().map(Role::name).toList());
    Segment opening = book.segments().findFirst().orElseThrow();
    assertEquals("Narrator", opening.role());
    assertEquals("Late summer. Two sisters argue under an apple tree while their grandfather "
        + "pretends to sleep.", opening.text());
    assertEquals(3, book.role("ZOË").segments());
  }

  @Test
  void bomAndCrlfInvisible() {
    assertFalse(book.title().contains("\uFEFF"));
    book.chapters().forEach(c -> assertFalse(c.title().contains("\uFEFF") || c.title().contains("\r")));
    book.segments().forEach(s -> {
      assertFalse(s.text().contains("\r"), s.text());
      assertFalse(s.text().contains("\uFEFF"), s.text());
    });
    book.roles().forEach(r -> assertFalse(r.name().contains("\uFEFF") || r.sample().contains("\r")));
    assertFalse(Samples.source("plain-script.txt").startsWith("\uFEFF"));
  }

  @Test
  void stageDirectionIsNotReadInGrandpasVoice() {
    List<Segment> s = book.segments().toList();
    Segment direction = s.get(3);
    Segment grandpa = s.get(4);
    assertEquals("Narrator", direction.role());
    assertEquals("direction", direction.delivery());
    assertEquals("without opening his eyes", direction.text());
    assertEquals("GRANDPA", grandpa.role());
    assertEquals("It's exactly the same thing, and you both know it.", grandpa.text());
    assertEquals(direction.paragraph(), grandpa.paragraph(), "one source line");
    assertTrue(book.segments().filter(x -> x.role().equals("GRANDPA"))
        .noneMatch(x -> x.text().contains("without")));
    assertEquals(List.of("direction"), book.role("Narrator").deliveries());
    assertEquals(11, book.segmentCount());
  }

  @Test
  void offsetsIntoTheDecodedText() {
    String source = Samples.source("plain-script.txt");
    assertTrue(source.contains("\r\n"), "CRLF kept in the decoded text");
    SampleAssertions.wellFormed(book, source);
    book.segments().forEach(s -> assertEquals(s.text(), source.substring(s.start(), s.end())));
    List<Integer> paragraphs = book.segments().map(Segment::paragraph).toList();
    for (int i = 1; i < paragraphs.size(); i++) {
      assertTrue(paragraphs.get(i) >= paragraphs.get(i - 1), "paragraphs never go back");
    }
  }
}
