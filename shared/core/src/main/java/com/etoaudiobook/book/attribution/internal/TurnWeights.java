package com.etoaudiobook.book.attribution.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The weights of {@link TurnRanker}'s features, fitted on the annotated novels (conditional
 * logit over each unit's candidates). -Dattribution.weights=FILE reads others (one number a
 * line), to measure weights fitted without the novel being scored; "none" the rules alone.
 */
final class TurnWeights {
  private TurnWeights() {
  }

  /**
   * Fitted on the 17 novels of pdnc-dev (L2 0.01), in the order of {@link TurnRanker}'s
   * features: the rules' pick and each rule's, the last four turns (adjacent, near, far), a
   * recent turn, named and addressed in the quote, called by the last turn, told to, called by
   * the next, the first named turn ahead (odd, even), the recent narration names (rank, subject,
   * same paragraph, after the quote), lines so far, share of the last turns, narrator (unused),
   * the paragraph's "he"/"she" (agrees, disagrees), and the exchange's anchors (named behind
   * even/odd, named ahead even/odd, called odd/even, pronoun even/odd).
   */
  static final double[] FITTED = {
      0.688, 0.466, -0.009, 0.000, 0.000, 0.059, 0.172, 0.078, -0.044, 0.075, 0.084, -0.144,
      0.000, -0.050, -0.375, 0.345, 0.166, -0.005, 0.153, 0.031, -0.076, -0.033, 0.015,
      -0.001, -0.037, -0.003, 0.159, -0.656, -0.389, 0.220, 0.113, 0.277, -0.265, 0.396,
      0.324, 0.283, 0.002, 0.172, -0.011, 0.000, 0.491, 0.246, 0.000, 0.271, -0.224, 0.513,
      -0.427, 0.531, -0.575, 0.690, -0.177, 0.718, -0.484};

  private static final String FILE = System.getProperty("attribution.weights", "");

  /** "none": the rules alone, to measure what the ranker adds in the same run. */
  private static final double[] LOADED = FILE.equals("none") ? null : load(FILE);

  static double[] get() {
    return LOADED != null || FILE.equals("none") ? LOADED : FITTED;
  }

  /**
   * {@link AnaphorRanker}'s weights, fitted the same way on the same novels (L2 0.001, the best
   * of 0.0003 to 0.01 leave-one-novel-out; features dumped with the turn ranker on): {@link
   * TurnRanker}'s features, then the anaphor rule of the pick (para, narr, toldto, vocback, vocans, conv, self, recent, lastsp, best, far,
   * none), a description, a description's pick, an exact gender, named in the paragraph's
   * narration before the cue, as a subject, last.
   */
  static final double[] FITTED_ANAPHOR = {
      0.379, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000,
      0.000, -0.059, 0.342, 0.186, 0.093, 0.073, -0.122, 0.015, -0.268, -0.347, -0.017, 0.341,
      -0.144, -0.048, 0.000, 0.000, 0.266, 0.042, 0.529, 0.072, 0.425, 0.884, 0.425, -0.024,
      0.394, -0.092, -0.146, 0.009, 0.592, 0.000, 0.224, -0.303, 0.200, -0.390, 1.031, -1.207,
      0.773, 0.424, 0.412, 0.408, 0.457, 0.745, 0.243, -0.340, 0.260, 0.085, 0.000, -0.403,
      -0.251, 0.000, -0.416, 0.000, 0.000, -0.054, 0.909, 0.555, 0.326, -0.266};

  /** -Dattribution.anaphorWeights=FILE|none; "none" by default when the turns' are "none". */
  private static final String AFILE = System.getProperty("attribution.anaphorWeights",
      FILE.equals("none") ? "none" : "");

  private static final double[] ALOADED = AFILE.equals("none") ? null : load(AFILE);

  static double[] anaphor() {
    return ALOADED != null || AFILE.equals("none") ? ALOADED : FITTED_ANAPHOR;
  }

  private static double[] load(String file) {
    if (file.isBlank()) {
      return null;
    }
    try {
      return Files.readAllLines(Path.of(file)).stream().filter(l -> !l.isBlank())
          .mapToDouble(Double::parseDouble).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
