package com.etoaudiobook.book.attribution.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RankerScoreTest {
  /** 3 features, 2 hidden units: 3 linear weights, 2 x 3 input weights, 2 biases, 2 outputs. */
  private static final double[] WEIGHTS = {0.5, -0.25, 1.0, 0.1, 0.2, -0.3, -0.4, 0.5, 0.6,
      0.05, -0.1, 0.7, -0.8};

  @Test
  void hiddenLayerScoresAsTheFitScriptDoes() {
    // bench/fit-turn-weights.py scores(X, p) on these rows: 1.15790026, 0.77720228
    int h = RankerScore.hidden(WEIGHTS, 3, "test");
    assertEquals(2, h);
    assertEquals(1.15790026, RankerScore.score(WEIGHTS, h, new double[] {1, 0, 0.5}, 3), 1e-8);
    assertEquals(0.77720228, RankerScore.score(WEIGHTS, h, new double[] {0, 1, 2}, 3), 1e-8);
  }

  @Test
  void linearWeightsAreAWeightedSum() {
    double[] linear = {0.5, -0.25, 1.0};
    assertEquals(0, RankerScore.hidden(linear, 3, "test"));
    // the script's 1.0 and 1.75 on the same rows
    assertEquals(1.0, RankerScore.score(linear, 0, new double[] {1, 0, 0.5}, 3), 1e-12);
    assertEquals(1.75, RankerScore.score(linear, 0, new double[] {0, 1, 2}, 3), 1e-12);
  }

  @Test
  void weightsOfAnotherFeatureSetAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> RankerScore.hidden(new double[7], 3, "test"));
    assertThrows(IllegalArgumentException.class, () -> RankerScore.hidden(new double[2], 3, "test"));
  }
}
