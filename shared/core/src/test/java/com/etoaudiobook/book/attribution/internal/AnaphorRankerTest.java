package com.etoaudiobook.book.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fitted second opinion on "she said", against the rules alone. */
class AnaphorRankerTest {

  private static final String TEXT = """
      "We should go," said Ann Pike.

      "Yes," said Tom Harlow.

      "Soon," said Mary Lee.

      Ann Pike looked at the clock. "It is late," she said.
      """;

  private static String last(double[] anaphorWeights) {
    List<Engine.Result> quotes = Engine.run(TEXT, null, anaphorWeights).quotes();
    return quotes.get(quotes.size() - 1).speaker();
  }

  private static double[] weights(int feature) {
    double[] w = new double[AnaphorRanker.FEATURES];
    w[0] = 1;
    w[feature] = 5;
    return w;
  }

  @Test
  void theRulesGiveThePronounToThePargraphsSubject() {
    assertEquals("Ann Pike", last(null));
  }

  @Test
  void weightsOnTheLastTurnGiveItToTheLastSpeakerOfThatGender() {
    // Feature 14: took the last turn of a running exchange (Mary Lee).
    assertEquals("Mary Lee", last(weights(14)));
  }

  @Test
  void aCandidateOfTheOtherGenderIsNeverChosen() {
    // Feature 15: took the turn before the last (Tom Harlow), but "she" is not Tom.
    assertEquals("Ann Pike", last(weights(15)));
  }

  @Test
  void theRulesPickCarriesItsRulesFeature() {
    // The pick by the paragraph rule outweighs the last turn when that rule's weight is high.
    double[] w = weights(14);
    w[TurnRanker.FEATURES + AnaphorRanker.RULES.indexOf("para")] = 10;
    assertEquals("Ann Pike", last(w));
  }
}
