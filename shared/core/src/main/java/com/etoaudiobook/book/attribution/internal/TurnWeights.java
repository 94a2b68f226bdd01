package com.etoaudiobook.book.attribution.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The weights of {@link TurnRanker}'s features, fitted on the annotated novels (conditional
 * logit over each unit's candidates). -Dattribution.weights=FILE reads others (one number a
 * line, as bench/fit-turn-weights.py writes them), to measure weights fitted without the novel
 * being scored; "none" the rules alone.
 */
final class TurnWeights {
  private TurnWeights() {
  }

  /**
   * Fitted on the 17 novels of pdnc-dev, resource turn-ranker.w (the fit script's ALL.w), over
   * {@link TurnRanker}'s features in their order: the rules' pick and each rule's, the last four
   * turns (adjacent, near, far), a recent turn, named and addressed in the quote, called by the
   * last turn, told to, called by the next, the first named turn ahead (odd, even), the recent
   * narration names (rank, subject, same paragraph, after the quote), lines so far, share of the
   * last turns, narrator (unused), the paragraph's "he"/"she" (agrees, disagrees), and the
   * exchange's anchors (named behind even/odd, named ahead even/odd, called odd/even, pronoun
   * even/odd); the layout (a weighted sum, or one with a hidden layer) is {@link RankerScore}'s.
   */
  static final double[] FITTED = resource("turn-ranker.w");

  private static final String FILE = System.getProperty("attribution.weights", "");

  /** "none": the rules alone, to measure what the ranker adds in the same run. */
  private static final double[] LOADED = FILE.equals("none") ? null : load(FILE);

  static double[] get() {
    return LOADED != null || FILE.equals("none") ? LOADED : FITTED;
  }

  /**
   * {@link AnaphorRanker}'s weights, resource anaphor-ranker.w, fitted the same way on the same
   * novels (L2 0.001, the best of 0.0003 to 0.01 leave-one-novel-out; features dumped with the
   * turn ranker on): {@link TurnRanker}'s features, then the anaphor rule of the pick (para,
   * narr, toldto, vocback, vocans, conv, self, recent, lastsp, best, far, none), a description, a
   * description's pick, an exact gender, named in the paragraph's narration before the cue, as a
   * subject, last.
   */
  static final double[] FITTED_ANAPHOR = resource("anaphor-ranker.w");

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
      return parse(Files.readAllLines(Path.of(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double[] resource(String name) {
    try (InputStream in = TurnWeights.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One number a line; blank lines and "#" comments skipped. */
  private static double[] parse(List<String> lines) {
    return lines.stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .mapToDouble(Double::parseDouble).toArray();
  }
}
