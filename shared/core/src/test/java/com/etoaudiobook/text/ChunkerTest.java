package com.etoaudiobook.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkerTest {
  @Test
  void shortTextIsOnePart() {
    List<Chunker.Chunk> chunks = Chunker.split("  Hello there.  ", 100);
    assertEquals(1, chunks.size());
    assertEquals("Hello there.", chunks.get(0).text());
    assertEquals(2, chunks.get(0).start());
  }

  @Test
  void splitsAtSentenceBoundariesUnderTheLimit() {
    String text = "One two three. Four five six! Seven eight nine? Ten eleven twelve.";
    List<Chunker.Chunk> chunks = Chunker.split(text, 32);
    assertEquals(List.of("One two three. Four five six!", "Seven eight nine?", "Ten eleven twelve."),
        chunks.stream().map(Chunker.Chunk::text).toList());
    for (Chunker.Chunk c : chunks) {
      assertEquals(c.text(), text.substring(c.start(), c.end()), "offsets point at the text");
      assertTrue(c.text().length() <= 32);
    }
  }

  @Test
  void sentenceEndingInsideQuotesIsABoundary() {
    String text = "“Stop here.” She did not. Then more words followed here.";
    List<Chunker.Chunk> chunks = Chunker.split(text, 26);
    assertEquals("“Stop here.” She did not.", chunks.get(0).text());
  }

  @Test
  void overlongSentenceSplitsAtAClauseThenAWord() {
    String text = "This sentence has a clause, and then it goes on and on without any stop at all";
    List<Chunker.Chunk> chunks = Chunker.split(text, 40);
    assertEquals("This sentence has a clause,", chunks.get(0).text());
    for (Chunker.Chunk c : chunks) {
      assertTrue(c.text().length() <= 40, c.text());
      // never inside a word: each chunk starts and ends at a word edge of the original
      assertTrue(c.start() == 0 || Character.isWhitespace(text.charAt(c.start() - 1)));
      assertTrue(c.end() == text.length() || Character.isWhitespace(text.charAt(c.end())));
    }
    assertEquals(text.replaceAll("\\s+", " "), String.join(" ", chunks.stream().map(Chunker.Chunk::text).toList()));
  }

  @Test
  void pollyLimitOnALongParagraph() {
    String sentence = "The keeper climbed the stairs again, counting every step in the dark. ";
    String text = sentence.repeat(200);
    List<Chunker.Chunk> chunks = Chunker.split(text, 3000);
    assertTrue(chunks.size() >= 5);
    for (Chunker.Chunk c : chunks) {
      assertTrue(c.text().length() <= 3000);
      assertTrue(c.text().endsWith("dark."), "ends at a sentence: " + c.text().substring(c.text().length() - 10));
    }
  }

  @Test
  void wordLongerThanTheLimitIsCutRatherThanLost() {
    String text = "a".repeat(50) + " end.";
    List<Chunker.Chunk> chunks = Chunker.split(text, 20);
    assertEquals(text.replace(" ", ""), String.join("", chunks.stream().map(Chunker.Chunk::text).toList()).replace(" ", ""));
    assertTrue(chunks.stream().allMatch(c -> c.text().length() <= 20));
    assertFalse(chunks.isEmpty());
  }
}
