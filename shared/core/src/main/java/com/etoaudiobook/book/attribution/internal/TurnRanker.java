package com.etoaudiobook.book.attribution.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static com.etoaudiobook.book.attribution.internal.Cue.NAME;

/**
 * A second opinion on a turn nothing names: every character the conversation makes plausible
 * (the last turns' speakers, names of the narration nearby, those the speeches call by name, the
 * next named turns, the rules' own pick) is scored by a weighted sum of generic features (turn
 * distance, parity, vocatives, mention recency and position, how much each has spoken), and
 * the best one speaks. The weights were fitted on annotated novels, each figure measured on
 * novels left out of the fit (see docs/BENCHMARKS.md); no feature looks at a name's spelling.
 */
final class TurnRanker {

  /** The rule labels of {@link TurnTaking#implicitSpeaker}, one feature each for its pick. */
  static final List<String> RULES = List.of("beat", "beatpron", "beatI", "fp", "vocback",
      "vocans", "toldto", "newcomer", "alt", "ahead", "recent", "fplate", "last");

  static final int FEATURES = 53;

  final TurnTaking tt;
  private final double[] weights;
  private final int hidden;
  /** Prints every candidate's features (for fitting the weights): -Dattribution.features=true. */
  static final boolean DUMP = Boolean.getBoolean("attribution.features");

  TurnRanker(TurnTaking tt, double[] weights) {
    this.tt = tt;
    this.weights = weights;
    this.hidden = weights == null ? 0 : RankerScore.hidden(weights, FEATURES, "turn");
  }

  /**
   * The speaker of units [from, to) of paragraph p, given the rules' pick and rule name: the
   * candidate of the highest score, or the pick itself when there is no other candidate; only among
   * those not known to be other than {@code gender} (a "he" cue's that named no one; null: any).
   */
  int choose(int from, int to, int pick, String rule, String gender) {
    if (weights == null && !DUMP || pick == -1 || TurnTaking.IT_WAS.equals(rule)) {
      // The first-person narrator's lines keep the rules' choice: one novel of the fitting set
      // is narrated in the first person, too few to learn from; and so does a speaker the
      // narration names outright ("It was Fogg who made this remark").
      return pick;
    }
    Unit u = new Unit(from, to, pick, rule);
    u.candidates.removeIf(c -> tt.misfits(c, gender));
    if (u.candidates.isEmpty()) {
      return pick;
    }
    return RankerScore.best(weights, hidden, FEATURES, u.candidates, c -> {
      double[] f = u.features(c);
      if (DUMP) {
        dump("FEAT", from, to - 1, rule, c, f);
      }
      return f;
    }, pick);
  }

  /** The features of the candidates of units [from, to) of a paragraph, the rules' pick given. */
  Unit unit(int from, int to, int pick, String rule) {
    return new Unit(from, to, pick, rule);
  }

  /** What the conversation around one unit makes of its candidates. */
  final class Unit {
    final int from;
    final int pick;
    final String rule;
    final int p;
    final boolean adjacent;
    final boolean near;
    final Set<Integer> named;
    final Set<Integer> addressedHere;
    final Set<Integer> calledByLast;
    final Set<Integer> toldTo;
    final int[] nextNamed;
    final Set<Integer> calledByNext;
    /** Distinct characters the narration named lately, most recent first, and where. */
    final List<Integer> recent = new ArrayList<>();
    final List<Integer> recentTok = new ArrayList<>();
    final String paraPronoun;
    final List<int[]> anchors;
    final Set<Integer> candidates = new LinkedHashSet<>();

    Unit(int from, int to, int pick, String rule) {
      this.from = from;
      this.pick = pick;
      this.rule = rule;
      Tokens t = tt.t;
      p = tt.spans.get(from).paragraph();
      List<int[]> turns = tt.turns;
      int[] last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
      int gap = last == null ? Integer.MAX_VALUE : t.paraFirst[p] - t.paraLast[last[2]];
      adjacent = last != null && p - last[2] <= 2 && gap <= 30;
      near = last != null && p - last[2] <= 6 && gap <= 120;
      named = tt.vocatives.named(from, to);
      addressedHere = tt.vocatives.addressed(from, to);
      calledByLast = last == null ? Set.of() : tt.calledBy(last);
      toldTo = last == null ? Set.of() : tt.listeners(last);
      nextNamed = nextNamed(to, p);
      calledByNext = calledByNext(to, p);
      paraPronoun = subjectPronoun(p);
      anchors = anchors(from, to, p);
      for (int h = tt.history.size() - 1; h >= 0 && recent.size() < 4; h--) {
        int[] e = tt.history.get(h);
        if (p - t.para[e[0]] > 4) {
          break;
        }
        if (e[2] == 0 && !recent.contains(e[1])) {
          recent.add(e[1]);
          recentTok.add(e[0]);
        }
      }
      candidates.add(pick);
      for (int k = turns.size() - 1; k >= 0 && k >= turns.size() - 6; k--) {
        candidates.add(turns.get(k)[0]);
      }
      candidates.addAll(recent);
      candidates.addAll(calledByLast);
      candidates.addAll(toldTo);
      candidates.addAll(calledByNext);
      candidates.add(nextNamed[0]);
      for (int[] a : anchors) {
        if (a[1] != PRONOUN) {
          candidates.add(a[2]);
        }
      }
      candidates.remove(-1);
      candidates.remove(-2);
      candidates.remove(-3);
    }

    double[] features(int c) {
      Tokens t = tt.t;
      double[] f = new double[FEATURES];
      if (c == pick) {
        f[0] = 1;
        int r = RULES.indexOf(rule);
        if (r >= 0) {
          f[1 + r] = 1;
        }
      }
      int back = turnsBack(c);
      if (back >= 1 && back <= 4) {
        f[(adjacent ? 13 : near ? 17 : 21) + back] = 1;
      }
      f[26] = back >= 1 && back <= 10 ? 1 : 0;
      f[27] = named.contains(c) ? 1 : 0;
      f[28] = addressedHere.contains(c) ? 1 : 0;
      f[29] = calledByLast.contains(c) ? (adjacent ? 1 : 0.5) : 0;
      f[30] = toldTo.contains(c) ? 1 : 0;
      f[31] = calledByNext.contains(c) ? 1 : 0;
      if (c == nextNamed[0] && c >= 0) {
        f[nextNamed[1] % 2 == 1 ? 32 : 33] = 1;
      }
      int rank = recent.indexOf(c);
      if (rank >= 0 && rank < 3) {
        f[34 + rank] = 1;
        int tok = recentTok.get(rank);
        f[37] = tt.isSubjectPosition(tok) ? 1 : 0;
        f[38] = t.para[tok] == p ? 1 : 0;
        f[39] = t.para[tok] == p && tok > t.quoteFirst[from] ? 1 : 0;
      }
      int spoken = c >= 0 && c < tt.spoken.length ? tt.spoken[c] : 0;
      f[40] = Math.log1p(spoken) / 5;
      f[41] = share(c);
      f[42] = c == -1 ? 1 : 0;
      String g = tt.genderOf(c);
      if (paraPronoun != null && g != null) {
        f[paraPronoun.equals(g) ? 43 : 44] = 1;
      }
      for (int[] a : anchors) {
        int d = Math.abs(a[0]);
        boolean even = d % 2 == 0;
        if (a[1] == NAMED && a[2] == c) {
          f[(a[0] < 0 ? 45 : 47) + (even ? 0 : 1)] += 1.0 / d;
        } else if (a[1] == CALLED && a[2] == c) {
          f[even ? 50 : 49] += 1.0 / d;
        } else if (a[1] == PRONOUN && g != null && c >= 0
            && g.equals(a[2] == 0 ? "male" : "female")) {
          f[even ? 51 : 52] += 1.0 / d;
        }
      }
      return f;
    }
  }

  private static final int NAMED = 0;
  private static final int CALLED = 1;
  private static final int PRONOUN = 2;

  /**
   * What the turns of the same exchange around a unit say, each as {signed distance in turns,
   * kind, who}: a named speaker, someone a speech calls by name, a "he"/"she" cue (who 0 for
   * male, 1 for female). Two people taking turns, a named speaker an even number of turns away
   * is this turn's; one called by name an odd number away is too.
   */
  private List<int[]> anchors(int from, int to, int p) {
    Tokens t = tt.t;
    List<int[]> out = new ArrayList<>();
    List<int[]> turns = tt.turns;
    int prevFirst = p;
    for (int k = turns.size() - 1, d = 1; k >= 0 && d <= 8; k--, d++) {
      int[] u = turns.get(k);
      if (prevFirst - u[2] > 2 || t.paraFirst[prevFirst] - t.paraLast[u[2]] > 30) {
        break;
      }
      unitAnchors(u[3], u[4], -d, out);
      prevFirst = u[1];
    }
    int prevPara = p;
    int q = to;
    for (int d = 1; d <= 8 && q < tt.spans.size(); d++) {
      int np = tt.spans.get(q).paragraph();
      if (np - prevPara > 2 || t.paraFirst[np] - t.paraLast[prevPara] > 30) {
        break;
      }
      int end = q;
      while (end < tt.spans.size() && tt.spans.get(end).paragraph() == np) {
        end++;
      }
      unitAnchors(q, end, d, out);
      prevPara = np;
      q = end;
    }
    return out;
  }

  private void unitAnchors(int from, int to, int d, List<int[]> out) {
    for (int q = from; q < to; q++) {
      Cue c = tt.cues[q];
      if (c != null && c.kind == NAME) {
        out.add(new int[] {d, NAMED, tt.names.mentions.get(c.mention).character});
        break;
      }
      if (c != null && c.kind == Cue.PRONOUN && c.gender != null) {
        out.add(new int[] {d, PRONOUN, c.gender.equals("male") ? 0 : 1});
        break;
      }
    }
    for (int who : tt.vocatives.addressed(from, to)) {
      out.add(new int[] {d, CALLED, who});
    }
  }

  /** One candidate's features, a line of standard error: tag, span of quotes [a, b], rule. */
  void dump(String tag, int a, int b, String rule, int c, double[] f) {
    StringBuilder sb = new StringBuilder(tag).append(' ').append(tt.spans.get(a).start())
        .append(' ').append(tt.spans.get(b).end()).append(' ').append(rule).append(' ')
        .append(c == -1 ? "_narr" : c < 0 ? "-" : tt.names.people.get(c).name.replace(' ', '_')
            .replace('\u00A0', '_')).append(' ');
    for (int i = 0; i < f.length; i++) {
      sb.append(i == 0 ? "" : ",").append(f[i] == 0 ? "0" : f[i] == 1 ? "1" : String.valueOf(f[i]));
    }
    System.err.println(sb);
  }

  /** How many turns back c last spoke (1 = the last turn), 0 if not in the last ten. */
  private int turnsBack(int c) {
    List<int[]> turns = tt.turns;
    for (int k = turns.size() - 1; k >= 0 && k >= turns.size() - 10; k--) {
      if (turns.get(k)[0] == c) {
        return turns.size() - k;
      }
    }
    return 0;
  }

  /** Share of the last ten turns that c took. */
  private double share(int c) {
    List<int[]> turns = tt.turns;
    int n = 0;
    int of = 0;
    for (int k = turns.size() - 1; k >= 0 && k >= turns.size() - 10; k--) {
      of++;
      n += turns.get(k)[0] == c ? 1 : 0;
    }
    return of == 0 ? 0 : (double) n / of;
  }

  /** The gender of the first "he"/"she" subject of the paragraph's narration, or null. */
  private String subjectPronoun(int p) {
    Tokens t = tt.t;
    for (int k = t.paraFirst[p]; k < t.paraLast[p]; k++) {
      if (t.quote[k] < 0 && t.sentenceStart[k]) {
        if (t.lower[k].equals("he")) {
          return "male";
        }
        if (t.lower[k].equals("she")) {
          return "female";
        }
      }
    }
    return null;
  }

  /** The speaker of the first named turn ahead in the conversation and how many turns ahead. */
  private int[] nextNamed(int q, int p) {
    int prevPara = p;
    int turn = 0;
    while (q < tt.spans.size() && turn < 6) {
      int np = tt.spans.get(q).paragraph();
      if (np - prevPara > 2) {
        break;
      }
      turn++;
      int end = q;
      while (end < tt.spans.size() && tt.spans.get(end).paragraph() == np) {
        Cue c = tt.cues[end];
        if (c != null && c.kind == NAME) {
          return new int[] {tt.names.mentions.get(c.mention).character, turn};
        }
        end++;
      }
      prevPara = np;
      q = end;
    }
    return new int[] {-2, 0};
  }

  /** Whom the speech of the paragraph right after p calls by name. */
  private Set<Integer> calledByNext(int next, int p) {
    if (next >= tt.spans.size() || tt.spans.get(next).paragraph() != p + 1) {
      return Set.of();
    }
    int np = tt.spans.get(next).paragraph();
    int end = next;
    while (end < tt.spans.size() && tt.spans.get(end).paragraph() == np) {
      end++;
    }
    return tt.vocatives.addressed(next, end);
  }
}
