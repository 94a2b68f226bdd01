package com.etoaudiobook.book.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fitted second opinion on turns nothing names, against the rules alone. */
class TurnRankerTest {

  private static List<String> speakers(String text, double[] weights) {
    return Engine.run(text, weights).quotes().stream().map(Engine.Result::speaker).toList();
  }

  @Test
  void thePairOfAnExchangeOutweighsANewcomerTheNarrationNamed() {
    // The rules give the first bare turn to Ned, named last in the narration, and then go
    // back to Ann and Tom; the ranker sees Ann named two turns back and called by name three
    // turns on, so the exchange stays hers and Tom's.
    String text = """
        "We should go," said Ann Pike.

        "Yes," said Tom Harlow.

        They walked on in silence. Ned Price had gone ahead with the dogs.

        "You are quiet tonight."

        "Am I? I was thinking."

        "Of what?"

        "Of the farm, Ann Pike. It is to be sold."
        """;
    assertEquals(List.of("Ann Pike", "Tom Harlow", "Ned Price", "Tom Harlow", "Ann Pike",
        "Tom Harlow"), speakers(text, null));
    assertEquals(List.of("Ann Pike", "Tom Harlow", "Ann Pike", "Tom Harlow", "Ann Pike",
        "Tom Harlow"), speakers(text, TurnWeights.FITTED));
  }

  @Test
  void aSpeakerCalledByNameAnOddNumberOfTurnsAwayTakesTheTurn() {
    // Weights of our own, only the pick and the vocative anchor: Ann, called by name three
    // turns on, is given the opening turn over the rules' pick.
    double[] w = new double[TurnRanker.FEATURES];
    w[0] = 1;
    w[49] = 6;
    String text = """
        "We should go," said Ann Pike.

        "Yes," said Tom Harlow.

        They walked on in silence. Ned Price had gone ahead with the dogs.

        "You are quiet tonight."

        "Am I? I was thinking."

        "Of what?"

        "Of the farm, Ann Pike. It is to be sold."
        """;
    assertEquals("Ned Price", speakers(text, null).get(2));
    assertEquals("Ann Pike", speakers(text, w).get(2));
  }

  @Test
  void theFirstPersonNarratorKeepsTheRulesChoice() {
    // One novel of the fitting set is told in the first person: the narrator's bare lines are
    // left to the rules whatever the weights say.
    double[] w = new double[TurnRanker.FEATURES];
    w[14] = 50;
    String text = """
        I went down to the harbour in the morning. I had not slept.

        "You are early," said Tom Harlow.

        "I could not sleep," I said.

        "Nor I."

        "Then we are two."

        I looked at the boats. I said nothing for a while.
        """;
    assertEquals(speakers(text, null), speakers(text, w));
  }
}
