package com.etoaudiobook.book.attribution.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A second opinion on "he said", "she said", "said the old man": every character of the cue's
 * gender that the conversation makes plausible (the candidates of {@link TurnRanker}, plus the
 * narration's names in the quote's paragraph) is scored by the turn features and a few of the
 * pronoun's own (which rule picked whom, an exact gender match, a name in this paragraph's
 * narration before the cue), with weights fitted on annotated novels like the turn ranker's.
 */
final class AnaphorRanker {

  /** The rule labels of {@link Salience#anaphorCandidate}, one feature each for its pick. */
  static final List<String> RULES = List.of("para", "narr", "toldto", "vocback", "vocans",
      "conv", "self", "recent", "lastsp", "best", "far", "none");

  static final int FEATURES = TurnRanker.FEATURES + RULES.size() + 6;

  private final TurnRanker turns;
  private final double[] weights;
  private final int hidden;

  AnaphorRanker(TurnRanker turns, double[] weights) {
    this.turns = turns;
    this.hidden = weights == null ? 0 : RankerScore.hidden(weights, FEATURES, "anaphor");
    this.weights = weights;
  }

  /** Whether a pick by this rule is ranked at all (not a name, a kin term or "went on"). */
  static boolean ranks(String rule) {
    return RULES.contains(rule);
  }

  /**
   * The speaker of quote q (of the unit [from, to)) whose cue c the rules resolved to pick by
   * rule: the best-scored candidate that fits the cue's gender, or the pick.
   */
  int choose(int from, int to, int q, Cue c, int pick, String rule) {
    if (weights == null && !TurnRanker.DUMP || c.self) {
      return pick;
    }
    TurnTaking tt = turns.tt;
    TurnRanker.Unit u = turns.unit(from, to, pick, "A-" + rule);
    int p = tt.spans.get(q).paragraph();
    // The paragraph's own narration names before the cue: "Ann looked up. 'No,' she said."
    Set<Integer> inPara = new LinkedHashSet<>();
    Set<Integer> subjectInPara = new LinkedHashSet<>();
    for (int h = tt.history.size() - 1; h >= 0; h--) {
      int[] e = tt.history.get(h);
      if (tt.t.para[e[0]] != p) {
        break;
      }
      if (e[2] == 0 && e[0] < c.tok) {
        inPara.add(e[1]);
        if (tt.isSubjectPosition(e[0])) {
          subjectInPara.add(e[1]);
        }
      }
    }
    Set<Integer> candidates = new LinkedHashSet<>(u.candidates);
    candidates.addAll(inPara);
    candidates.removeIf(x -> x < 0 || !tt.fits(x, c.gender, false));
    if (candidates.isEmpty()) {
      return pick;
    }
    return RankerScore.best(weights, hidden, FEATURES, candidates, x -> {
      double[] f = java.util.Arrays.copyOf(u.features(x), FEATURES);
      int base = TurnRanker.FEATURES;
      if (x == pick) {
        f[base + RULES.indexOf(rule)] = 1;
      }
      base += RULES.size();
      boolean desc = c.kind == Cue.DESC;
      f[base] = desc ? 1 : 0;
      f[base + 1] = desc && x == pick ? 1 : 0;
      f[base + 2] = c.gender != null && c.gender.equals(tt.genderOf(x)) ? 1 : 0;
      f[base + 3] = inPara.contains(x) ? 1 : 0;
      f[base + 4] = subjectInPara.contains(x) ? 1 : 0;
      f[base + 5] = !inPara.isEmpty() && inPara.iterator().next() == x ? 1 : 0;
      if (TurnRanker.DUMP) {
        turns.dump("AFEAT", q, q, rule, x, f);
      }
      return f;
    }, pick);
  }
}
