package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** night-shift.md: bold headings, labels alone on a line, deliveries, a bold sign line. */
class NightShiftTest {
  private final Book book = Samples.parse("night-shift.md");

  @Test
  void titleAndChaptersWithoutBoldMarkers() {
    assertEquals("Night Shift", book.title());
    assertEquals(List.of("Chapter One – The Last Fare", "Chapter Two – Dispatch"),
        book.chapters().stream().map(Chapter::title).toList());
  }

  @Test
  void rolesAndDeliveries() {
    assertEquals(List.of("Narration", "Mara", "Passenger", "Radio"),
        book.roles().stream().map(Role::name).toList());
    assertEquals(List.of("thought", "spoken"), book.role("Mara").deliveries());
    assertEquals(List.of("low, patient"), book.role("Passenger").deliveries());
    assertEquals(List.of("static, distant"), book.role("Radio").deliveries());
    assertEquals(List.of(), book.role("Narration").deliveries());
    assertEquals(3, book.role("Mara").segments());
  }

  @Test
  void nineSegmentsWithCurlyQuotesKept() {
    assertEquals(9, book.segmentCount());
    List<Segment> s = book.segments().toList();
    assertEquals(List.of("Narration", "Mara", "Passenger", "Mara", "Narration", "Passenger",
        "Radio", "Mara", "Narration"), s.stream().map(Segment::role).toList());
    assertEquals("thought", s.get(1).delivery());
    assertEquals("Don’t look in the mirror. Just drive.", s.get(1).text());
    assertEquals("“You can take the next exit. I know a shortcut.”", s.get(2).text());
    assertEquals("spoken", s.get(3).delivery());
    assertNull(s.get(0).delivery());
  }

  @Test
  void paragraphBrokenByABlankLineIsOneSegment() {
    Segment first = book.segments().findFirst().orElseThrow();
    assertTrue(first.text().startsWith("The meter had been running"));
    assertTrue(first.text().endsWith("a smear of sodium light and\n\nrain."), first.text());
  }

  @Test
  void signLineIsReadByTheNarration() {
    Segment sign = book.segments().filter(s -> s.text().contains("EXIT 13")).findFirst()
        .orElseThrow();
    assertEquals("Narration", sign.role());
    assertEquals("A green sign loomed out of the dark, freshly painted, impossible.\n\n"
        + "EXIT 13 – NO RETURN", sign.text());
    assertTrue(book.roles().stream().noneMatch(r -> r.name().contains("EXIT")));
    assertTrue(book.chapters().stream().noneMatch(c -> c.title().contains("EXIT")));
  }

  @Test
  void offsets() {
    String source = Samples.source("night-shift.md");
    SampleAssertions.wellFormed(book, source);
    Segment sign = book.segments().toList().get(4);
    assertTrue(source.substring(sign.start(), sign.end()).startsWith("A green sign"));
    assertTrue(source.substring(sign.start(), sign.end()).endsWith("**EXIT 13 – NO RETURN**"));
  }
}
