package com.etoaudiobook.book.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stage 4: resolving every quotation to a speaker (run through the whole pipeline). */
class ResolverTest {

  private static List<String> speakers(String text) {
    return Engine.run(text).quotes().stream().map(Engine.Result::speaker).toList();
  }

  @Test
  void turnTakingAlternatesAndAVocativeIsNotTheSpeaker() {
    List<String> s = speakers("""
        "Where is the key?" asked Nora Vance.

        "In the drawer," said Tom Harlow.

        "Which drawer?"

        "The top one."

        "Thank you, Tom."
        """);
    assertEquals(List.of("Nora Vance", "Tom Harlow", "Nora Vance", "Tom Harlow", "Nora Vance"),
        s);
  }

  @Test
  void pronounsGoToTheLastCharacterOfTheirGender() {
    List<String> s = speakers("""
        Tom Harlow met Nora Vance at the gate. Tom Harlow had a lantern; he waved.

        "You are late," she said.

        "The road was long," he said.
        """);
    assertEquals(List.of("Nora Vance", "Tom Harlow"), s);
  }

  @Test
  void aDescribedSpeakerIsARoleOfItsOwn() {
    List<String> s = speakers("""
        Tom Harlow stood at the cell door; he waited.

        "Open it," said Tom Harlow.

        "Not before six," said the turnkey.
        """);
    assertEquals(List.of("Tom Harlow", "The Turnkey"), s);
  }

  @Test
  void aVoiceAfterAdjectivesIsNoRoleCalledByTheAdjective() {
    List<String> s = speakers("""
        Nora Vance sat by the fire; she waited.

        "Open it," said Tom Harlow.

        "Not before six," said the thin, biting voice of the woman.
        """);
    assertEquals("Tom Harlow", s.get(0));
    assertEquals(false, s.get(1) != null && s.get(1).startsWith("The Thin"), s::toString);
  }

  @Test
  void aSurnameWithParticlesIsShownWithPlainSpaces() {
    List<String> s = speakers("""
        "Go now," said Mr. van der Vell.

        "I will not," said Nora Vance.
        """);
    assertEquals(List.of("Mr. van der Vell", "Nora Vance"), s);
  }

  @Test
  void aFirstPersonNarratorsWordsAreTheNarrators() {
    String text = """
        I went down to the harbour that morning. I saw Bill Gorton on the quay and I waved.

        "Coming fishing?" Bill Gorton asked.

        "Not today," I said. I was tired and I wanted my breakfast.
        """;
    assertEquals(List.of("Bill Gorton", Engine.NARRATOR), speakers(text));
  }

  @Test
  void aNamedTurnAfterAnExchangeSetsItsParity() {
    List<String> s = speakers("""
        Nora Vance and Tom Harlow sat by the fire.

        "Cold tonight."

        "Is it?"

        "Very cold," said Nora Vance.
        """);
    assertEquals(List.of("Nora Vance", "Tom Harlow", "Nora Vance"), s);
  }
}
