package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** demo-story.md: the original format, one {@code **Role:** text} per paragraph. */
class DemoStoryTest {
  private final Book book = Samples.parse("demo-story.md");

  @Test
  void titleAndChapters() {
    assertEquals("The Lighthouse Keeper's Bargain", book.title());
    assertEquals(List.of("Chapter 1: The Storm", "Chapter 2: The Bargain"),
        book.chapters().stream().map(Chapter::title).toList());
    assertEquals("en", book.language());
    assertEquals(new Book.Source("demo-story.md", "markdown", "UTF-8"), book.source());
    assertEquals(List.of(), book.warnings());
  }

  @Test
  void rolesInOrderOfAppearance() {
    assertEquals(List.of("Narrator", "Keeper Ansel", "Wren", "The Tide Witch"),
        book.roles().stream().map(Role::name).toList());
    assertEquals(4, book.role("Narrator").segments());
    assertEquals(3, book.role("Keeper Ansel").segments());
    assertEquals("Bar the lower door, Wren. The sea wants in tonight.",
        book.role("Keeper Ansel").sample());
    book.roles().forEach(r -> assertEquals(List.of(), r.deliveries()));
  }

  @Test
  void segments() {
    assertEquals(11, book.segmentCount());
    assertEquals(6, book.chapters().get(0).segments().size());
    assertEquals(5, book.chapters().get(1).segments().size());
    Segment wren = book.segments().filter(s -> s.role().equals("Wren")).findFirst().orElseThrow();
    assertEquals("It always wants in. That's why we keep the lamp burning, isn't it?", wren.text());
    assertNull(wren.delivery());
    Segment last = book.chapters().get(1).segments().get(4);
    assertEquals("Narrator", last.role());
    assertEquals(10, last.index());
    assertEquals(1, last.chapter());
    assertTrue(book.segments().noneMatch(s -> s.text().contains("**")), "no markup in speech");
  }

  @Test
  void offsetsCoverTheTextAfterTheLabel() {
    String source = Samples.source("demo-story.md");
    SampleAssertions.wellFormed(book, source);
    book.segments().forEach(s -> assertEquals(s.text(), source.substring(s.start(), s.end())));
    List<Integer> paragraphs = book.segments().map(Segment::paragraph).toList();
    assertEquals(paragraphs.stream().distinct().count(), paragraphs.size(),
        "one segment per source paragraph");
  }
}
