package com.etoaudiobook.book.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The speaker of a quotation nothing names: beats, vocatives, alternation and its resets. */
class TurnTakingTest {

  private static List<String> speakers(String text) {
    return Engine.run(text).quotes().stream().map(Engine.Result::speaker).toList();
  }

  /** The rules alone, where the fitted ranker's hidden layer gives the short scene another turn. */
  private static List<String> rulesAlone(String text) {
    return Engine.run(text, null).quotes().stream().map(Engine.Result::speaker).toList();
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

  /** No one hears a thought: the one it calls by name does not answer it. */
  @Test
  void whomAThoughtCallsDoesNotAnswer() {
    String text = """
        Nora Vance and Tom Harlow sat by the fire, talking of the miller's wife, Ann Pike.

        "She sent us a goose," said Tom Harlow.

        "Well done, Ann Pike!" thought Nora Vance.

        "And a cake as well, the finest cake you ever saw."
        """;
    assertEquals(List.of("Tom Harlow", "Nora Vance", "Tom Harlow"), rulesAlone(text));
    assertEquals(List.of("Tom Harlow", "Nora Vance", "Tom Harlow"), speakers(text));
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

  @Test
  void whomTheNarrationSaysASpeechWasForAnswersIt() {
    // Alternation alone would give the answer to Ned, who spoke before Tom.
    List<String> s = speakers("""
        "Good evening," said Ann Pike.

        "Cold tonight," said Ned Price.

        "Very cold," said Tom Harlow.

        Later Tom Harlow said to Ann Pike, "You came by the coach?"

        "Yes, this morning."
        """);
    assertEquals(List.of("Ann Pike", "Ned Price", "Tom Harlow", "Tom Harlow", "Ann Pike"), s);
  }

  @Test
  void aLongParagraphOfNarrationEndsTheExchange() {
    // After two sentences of narration the reader no longer counts turns: Ned, next by
    // alternation, gives way to the one the narration just brought back to mind.
    List<String> s = rulesAlone("""
        "Good evening," said Ann Pike.

        "Cold tonight," said Ned Price.

        "Very cold," said Tom Harlow.

        The fire had burned low by then, and the wind rattled the shutters of the old inn, \
        where the coach that had brought Ann Pike from the village that morning stood waiting \
        in the yard for the return journey.

        "The road will be flooded by morning."
        """);
    assertEquals(List.of("Ann Pike", "Ned Price", "Tom Harlow", "Ann Pike"), s);
  }

  @Test
  void aPronounAnswerGoesToTheOneTheLastSpeechCalledByName() {
    // "she" by alternation alone would be Nora, who spoke before Tom.
    List<String> s = speakers("""
        "Good evening," said Ann Pike.

        "Good evening," said Nora Vance.

        "Are you cold, Miss Pike?" asked Tom Harlow.

        "Not at all," she said.
        """);
    assertEquals(List.of("Ann Pike", "Nora Vance", "Tom Harlow", "Ann Pike"), s);
  }

  @Test
  void aPronounIsNotWhomItsQuoteNamesInPassing() {
    // Tom is named last in the narration, but one does not talk about oneself by name.
    List<String> s = speakers("""
        Ned Price and Tom Harlow waited at the gate.

        "The coach is late," said Ned Price.

        "Tom Harlow never minds a late coach," he said.
        """);
    assertEquals(List.of("Ned Price", "Ned Price"), s);
  }

  @Test
  void aPronounAnswerGoesToTheOneTheNextSpeechCallsByName() {
    // "she" by alternation alone would be Nora, who spoke before Tom.
    List<String> s = speakers("""
        "Good evening," said Ann Pike.

        "Good evening," said Nora Vance.

        "Cold tonight," said Tom Harlow.

        "Not at all," she said.

        "Then take my coat, Miss Pike."
        """);
    assertEquals(List.of("Ann Pike", "Nora Vance", "Tom Harlow", "Ann Pike", "Tom Harlow"), s);
  }

  @Test
  void aSceneBreakEndsTheConversation() {
    // Without the break, the vocative of the line before would make Ned answer.
    List<String> s = speakers("""
        "Morning," said Ned Price.

        "Is the coach ready, Ned?" asked Tom Harlow.

        *       *       *

        "Two rooms, please."

        "Only one is free," said Ann Pike.

        "Then one," said Nora Vance.
        """);
    assertEquals(List.of("Ned Price", "Tom Harlow", "Nora Vance", "Ann Pike", "Nora Vance"), s);
  }

  @Test
  void anActionBeatIsTheSubjectOfTheSentenceNearestTheQuote() {
    List<String> s = speakers("""
        Nora Vance and Tom Harlow sat by the fire.

        "Cold tonight," said Tom Harlow.

        Tom Harlow poked the coals. Nora Vance looked up from her book. "It is always cold here."
        """);
    assertEquals(List.of("Tom Harlow", "Nora Vance"), s);
  }

  @Test
  void whoeverAQuoteNamesInPassingIsNotItsSpeaker() {
    List<String> s = rulesAlone("""
        "I am off to town," said Ann Pike.

        "Good luck," said Tom Harlow.

        The house was quiet after that.

        Nora Vance sat down and wrote a letter to Ann Pike.

        "Take this to Ann Pike."
        """);
    assertEquals(List.of("Ann Pike", "Tom Harlow", "Nora Vance"), s);
  }

  @Test
  void someoneWhoEntersTheSceneAnswersRatherThanTheOneWhoLeft() {
    List<String> s = speakers("""
        "Is the coach ready?" asked Tom Harlow.

        "Not yet," said Ned Price.

        "Then I'll walk."

        He went out into the yard. Nora Vance was waiting by the gate.

        "Well?" said Tom Harlow.

        "You are late."
        """);
    assertEquals(List.of("Tom Harlow", "Ned Price", "Tom Harlow", "Tom Harlow", "Nora Vance"),
        s);
  }

  @Test
  void aTalkingFirstPersonNarratorTakesTheBareLinesOfAThreeWayTalk() {
    StringBuilder text = new StringBuilder("I went down to the bar that evening.\n\n");
    for (int i = 0; i < 10; i++) {
      text.append("\"Round ").append(i).append(",\" I said.\n\n\"Fine,\" said Bill Gorton.\n\n");
    }
    text.append("I looked at the door.\n\n\"Hello,\" said Brett Ashley.\n\n")
        .append("\"May we come along?\" said Mike Campbell.\n\n\"It would be grand.\"\n");
    List<String> s = speakers(text.toString());
    assertEquals(Engine.NARRATOR, s.get(s.size() - 1));
  }

  @Test
  void whomTheLastSpeechCallsByNameAnswersBeforeAFirstPersonNarrator() {
    StringBuilder text = new StringBuilder("I went down to the bar that evening.\n\n");
    for (int i = 0; i < 10; i++) {
      text.append("\"Round ").append(i).append(",\" I said.\n\n\"Fine,\" said Bill Gorton.\n\n");
    }
    text.append("I looked at the door.\n\n\"Hello,\" said Brett Ashley.\n\n")
        .append("\"You have class, Brett Ashley,\" said Mike Campbell.\n\n\"What a pity.\"\n");
    List<String> s = speakers(text.toString());
    assertEquals("Brett Ashley", s.get(s.size() - 1));
  }

  @Test
  void whoeverTheNextSpeechCallsByNameSpokeThisOne() {
    List<String> s = speakers("""
        Nora Vance and Tom Harlow sat by the fire. Nora was cold, Nora was tired, and Tom Harlow
        poked the coals.

        "Is it late?"

        "Not yet, Nora."
        """);
    assertEquals(List.of("Nora Vance", "Tom Harlow"), s);
  }

  @Test
  void aConversationsFirstTurnCountsBackFromTheNamesOfTheNextTurns() {
    List<String> s = speakers("""
        Tom Harlow came in from the yard. Nora Vance was at the stove. Ned Price slept.

        "Supper is late."

        "The fire went out," said Nora Vance.

        "Again?" said Tom Harlow.
        """);
    assertEquals(List.of("Tom Harlow", "Nora Vance", "Tom Harlow"), s);
  }

  @Test
  void aConversationsFirstTurnIsWhomABackToBackTurnAnOddNumberAheadCallsByName() {
    // The third turn after the first answers the first one's side: "Nora" holds it.
    List<String> s = speakers("""
        Nora Vance and Tom Harlow sat by the fire. Ned Price slept in his chair.

        "Is it late?"

        "Not very."

        "I am tired all the same."

        "Then go to bed, Nora Vance."
        """);
    assertEquals("Nora Vance", s.get(0));
    assertEquals("Nora Vance", s.get(2));
  }

  @Test
  void aRunBetweenTwoNamedTurnsThatLostItsParityChangesOnlyItsLastTurn() {
    List<String> s = speakers("""
        "Where is the key?" asked Nora Vance.

        "In the drawer," said Tom Harlow.

        "Which drawer?"

        "The top one."

        "It is locked."

        "Pull harder."

        "Or try the one below it; I forget which."

        "Found it," said Nora Vance.
        """);
    assertEquals(List.of("Nora Vance", "Tom Harlow", "Nora Vance", "Tom Harlow", "Nora Vance",
        "Tom Harlow", "Tom Harlow", "Nora Vance"), s);
  }
}
