package com.etoaudiobook.book.attribution.internal;

/**
 * A candidate's score under the rankers' weights, as bench/fit-turn-weights.py fits them. With
 * D features the weights are either D numbers (a weighted sum) or D + H (D + 2) numbers: the
 * weighted sum plus a hidden layer of H tanh units, laid out as the D linear weights, then each
 * unit's D input weights, then the H units' biases, then their H output weights:
 * score = w.x + sum_h v_h tanh(W_h.x + b_h). The hidden units let one feature count for more or
 * less depending on others (a far turn when no one is named near), which a sum cannot.
 */
final class RankerScore {
  private RankerScore() {
  }

  /** The hidden units of weights for d features; throws when the count fits neither layout. */
  static int hidden(double[] weights, int d, String what) {
    int extra = weights.length - d;
    if (extra < 0 || extra % (d + 2) != 0) {
      // a weights file of another feature set would misrank silently
      throw new IllegalArgumentException(what + " weights: " + weights.length + " numbers, "
          + d + " features (" + d + " + H x " + (d + 2) + " expected)");
    }
    return extra / (d + 2);
  }

  static double score(double[] weights, int hidden, double[] f, int d) {
    double s = 0;
    for (int i = 0; i < d; i++) {
      s += weights[i] * f[i];
    }
    int biases = d + hidden * d;
    int out = biases + hidden;
    for (int h = 0; h < hidden; h++) {
      double a = weights[biases + h];
      int row = d + h * d;
      for (int i = 0; i < d; i++) {
        a += weights[row + i] * f[i];
      }
      s += weights[out + h] * Math.tanh(a);
    }
    return s;
  }

  /**
   * The candidate of the highest score, {@code pick} when none scores (no weights: the features
   * are still computed, for the rankers' dumps) or there is no candidate.
   */
  static int best(double[] weights, int hidden, int d, Iterable<Integer> candidates,
                  java.util.function.IntFunction<double[]> features, int pick) {
    double best = Double.NEGATIVE_INFINITY;
    int chosen = pick;
    for (int x : candidates) {
      double[] f = features.apply(x);
      if (weights == null) {
        continue;
      }
      double score = score(weights, hidden, f, d);
      if (score > best) {
        best = score;
        chosen = x;
      }
    }
    return chosen;
  }
}
