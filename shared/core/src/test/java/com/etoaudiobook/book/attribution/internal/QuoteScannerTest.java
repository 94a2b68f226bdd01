package com.etoaudiobook.book.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Stage 1: finding quotations. */
class QuoteScannerTest {

  @Test
  void speechIsAQuotationButQuotedWordsInASentenceAreNot() {
    Stages s = new Stages("""
        They stayed at a "grand hotel" of the newest fashion, and he never used the word "cat" again.

        "We leave at dawn," said Ada, and the porter called "Taxi!" from the door.
        """);
    assertEquals(2, s.spans.size(), s.spans.toString());
    assertEquals("\"We leave at dawn,\"", s.quoted(0));
    assertEquals("\"Taxi!\"", s.quoted(1));
  }

  @Test
  void aShortQuotationAfterASpeechVerbIsStillSpeech() {
    Stages s = new Stages("He said \"Good morning\" to everyone.\n");
    assertEquals(1, s.spans.size());
  }

  @Test
  void aSpeechRunningOverParagraphsIsContinued() {
    Stages s = new Stages("""
        "It began in the spring," said Ada. "We had no money at all.

        "Then the letters came."
        """);
    assertEquals(3, s.spans.size());
    assertTrue(s.spans.get(1).continued());
  }

  /**
   * A speech left open runs on through a verse it quotes, set apart with no mark, to the
   * paragraph whose first mark closes it (curly or straight); a paragraph that opens a quote of
   * its own first does not take it on.
   */
  @Test
  void aSpeechRunsOnThroughAVerseItQuotesToItsClosingMark() {
    Stages s = new Stages("""
        "Can it be woman?

            And woman, lovely woman, reigns alone.

        Can it be Neptune?" asked Harriet.

        Emma laughed.

        “I remember the first stanza only;

            Kitty, a fair but frozen maid,

        and that is all I can recollect.”

        “Never mind it, papa.

        Emma went out. “Good night,” said he.
        """);
    assertEquals("\"Can it be woman?", s.quoted(0));
    assertTrue(s.spans.get(0).continued());
    assertEquals("And woman, lovely woman, reigns alone.", s.quoted(1));
    assertTrue(s.spans.get(1).continued());
    assertEquals("Can it be Neptune?\"", s.quoted(2));
    assertEquals("“I remember the first stanza only;", s.quoted(3));
    assertEquals("Kitty, a fair but frozen maid,", s.quoted(4));
    assertEquals("and that is all I can recollect.”", s.quoted(5));
    // left open, but the next paragraph's first mark opens: not run on
    assertEquals("“Never mind it, papa.", s.quoted(6));
    assertEquals(false, s.spans.get(6).continued());
    assertEquals("“Good night,”", s.quoted(7));
    assertEquals(8, s.spans.size(), s.spans.toString());
  }

  /**
   * Single quotation marks, apostrophes alike: a mark between blanks is no apostrophe, so it
   * closes the open quotation ("tell you ’ he went on", where a dash was lost), and the next
   * opens a quotation of its own.
   */
  @Test
  void aSingleMarkBetweenBlanksClosesTheQuotation() {
    Stages s = new Stages("""
        ‘It isn't pleasant to have a woman tell you ’ he went on, but broke off: ‘Now if I \
        were like Arobin, you'd see.’ And he told the story of the consul’s wife.

        ‘The boys’ hats are wet,’ said Ada.
        """);
    assertEquals(3, s.spans.size(), s.spans.toString());
    assertEquals("‘It isn't pleasant to have a woman tell you ’", s.quoted(0));
    assertEquals("‘Now if I were like Arobin, you'd see.’", s.quoted(1));
    assertEquals("‘The boys’ hats are wet,’", s.quoted(2));
  }
}
