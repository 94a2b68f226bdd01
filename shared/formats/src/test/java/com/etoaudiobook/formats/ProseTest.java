package com.etoaudiobook.formats;

import static com.etoaudiobook.formats.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain text and Markdown: quotations get speakers; script labels always win. */
class ProseTest {
  private final DocumentParser parser = new DocumentParser();

  private static final String STORY = """
      CHAPTER I.
      The Garden

      Mary walked into the garden. “Where is everyone?” asked Mary.

      “Here,” said John, stepping out from behind the hedge. He smiled.

      Chapter 2: Later

      “Good night,” said Mary.
      """;

  @Test
  void quotationsBecomeSpeakersAndNarrationStaysNarrator() {
    DocumentParser.Document d = parser.read("story.txt", utf8(STORY));
    Book b = d.book();
    assertEquals(List.of("CHAPTER I. The Garden", "Chapter 2: Later"),
        b.chapters().stream().map(Chapter::title).toList());
    List<Segment> s = b.segments().toList();
    assertEquals(List.of("Narrator", "Mary", "Narrator", "John", "Narrator", "Mary", "Narrator"),
        s.stream().map(Segment::role).toList());
    assertEquals("“Where is everyone?”", s.get(1).text());
    assertEquals("asked Mary.", s.get(2).text());
    assertEquals("said John, stepping out from behind the hedge. He smiled.", s.get(4).text());
    for (Segment x : s) {
      assertEquals(x.text(), d.text().substring(x.start(), x.end()));
    }
    assertEquals(s.get(1).paragraph(), s.get(2).paragraph(), "a quotation is no new paragraph");
    assertEquals("female", b.role("Mary").gender());
    assertEquals("male", b.role("John").gender());
    assertNull(b.role("Narrator").gender());
  }

  @Test
  void explicitLabelsWin() {
    String script = """
        # A Play

        MARY: “Hello,” said John.

        JOHN: Hi.
        """;
    Book b = parser.parse("play.md", utf8(script));
    assertEquals(List.of("MARY", "JOHN"), b.segments().map(Segment::role).toList());
    assertEquals("“Hello,” said John.", b.segments().findFirst().orElseThrow().text());
  }
}
