package com.etoaudiobook.lexicon;

import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.job.synthesis.CacheKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Matching, the entries a text uses, cache keys, and marks moved back onto the written words. */
class LexiconTest {
  private final Lexicon lex = new Lexicon(List.of(
      Lexicon.Entry.respelled("Ahab", "AY-hab"),
      Lexicon.Entry.respelled("Hermione", "her-MY-oh-nee"),
      Lexicon.Entry.respelled("Hermione Granger", "her-MY-oh-nee GRAIN-jer")));

  @Test
  void matchesWholeWordsIgnoringCaseLongestFirst() {
    List<Lexicon.Match> m = lex.matches("AHAB met Hermione  Granger; Ahabs and Hermione were not.");
    assertEquals(List.of("AHAB", "Hermione  Granger", "Hermione"),
        m.stream().map(x -> "AHAB met Hermione  Granger; Ahabs and Hermione were not.".substring(x.start(), x.end())).toList());
    assertEquals("Hermione Granger", m.get(1).entry().word());
    Lexicon punctuated = new Lexicon(List.of(Lexicon.Entry.respelled("Mr. Rochester's", "ROCH-ess-terz"),
        Lexicon.Entry.respelled("W3C", "dub-ul-you three see")));
    assertEquals(2, punctuated.matches("I saw Mr.\nRochester's horse at the w3c.").size());
    assertEquals(0, punctuated.matches("Rochester's horse; W3Cs").size());
  }

  @Test
  void aPartCarriesOnlyTheEntriesItUses() {
    assertEquals(List.of("Ahab"), lex.applicableTo("Call Ahab.").entries().stream().map(Lexicon.Entry::word).toList());
    assertTrue(lex.applicableTo("Call me Ishmael.").isEmpty());
  }

  @Test
  void theCacheKeyChangesOnlyWithTheEntriesATextUses() {
    String plain = CacheKey.of("espeak", "en", null, 1, 0, null, "Call me Ishmael.");
    assertEquals(plain, CacheKey.of("espeak", "en", null, 1, 0, null, "Call me Ishmael.", lex));
    Lexicon changed = lex.with(new Lexicon(List.of(Lexicon.Entry.respelled("Ahab", "AH-hab"))));
    String ahab = CacheKey.of("espeak", "en", null, 1, 0, null, "Call Ahab.", lex);
    assertNotEquals(CacheKey.of("espeak", "en", null, 1, 0, null, "Call Ahab."), ahab);
    assertNotEquals(ahab, CacheKey.of("espeak", "en", null, 1, 0, null, "Call Ahab.", changed));
    assertEquals(CacheKey.of("espeak", "en", null, 1, 0, null, "Hermione said.", lex),
        CacheKey.of("espeak", "en", null, 1, 0, null, "Hermione said.", changed));
  }

  @Test
  void marksOnTheSpokenTextNameTheWrittenWords() {
    String text = "Call Ahab now.";
    SpokenText s = SpokenText.of(text, lex, e -> e.respelling().toLowerCase());
    assertEquals("Call ay-hab now.", s.spoken());
    // an engine hearing "ay" and "hab" as two words reports two marks; they become one for "Ahab"
    List<Speech.Mark> marks = s.toOriginal(List.of(
        new Speech.Mark("sentence", 0, 0, 16),
        new Speech.Mark("word", 0, 0, 4),
        new Speech.Mark("word", 300, 5, 7),
        new Speech.Mark("word", 400, 8, 11),
        new Speech.Mark("word", 700, 12, 15)));
    assertEquals(List.of(
        new Speech.Mark("sentence", 0, 0, 14),
        new Speech.Mark("word", 0, 0, 4),
        new Speech.Mark("word", 300, 5, 9),
        new Speech.Mark("word", 700, 10, 13)), marks);
  }
}
