package com.etoaudiobook.book.attribution.internal;

import java.util.List;

/**
 * A last look at each exchange, backwards: a run of turns given by alternation alone between two
 * people ("A", "B", "A") that ends right before a named turn of the one it gave the last line
 * to has lost its parity somewhere: when a named turn also opens the run, only the turn right
 * before the later named one is swapped (the least change that agrees with both), otherwise the
 * whole run is. Forward turn-taking cannot see a name that comes later.
 */
final class Parity {
  private Parity() {
  }

  /**
   * @param turns   {speaker, first paragraph, last paragraph, first quote, end quote} per unit
   * @param speaker speaker of each quotation, changed in place
   * @param type    how each quotation was attributed
   */
  static void fix(List<int[]> turns, int[] speaker, String[] type) {
    int i = 0;
    while (i < turns.size()) {
      if (!implicit(turns.get(i), type)) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < turns.size() && implicit(turns.get(j + 1), type)
          && adjacent(turns.get(j), turns.get(j + 1))) {
        j++;
      }
      int next = j + 1;
      if (next < turns.size() && adjacent(turns.get(j), turns.get(next))
          && turns.get(next)[0] >= 0 && turns.get(next)[0] == turns.get(j)[0]
          && alternating(turns, i, j)) {
        boolean anchoredBefore = i > 0 && adjacent(turns.get(i - 1), turns.get(i));
        // Anchored at both ends, the least change that agrees with both: the turn right before
        // the named one is the one that broke the parity (a speaker going on, or someone new).
        int from = anchoredBefore ? j : i;
        int a = turns.get(j)[0];
        int b = j > i ? turns.get(j - 1)[0] : (anchoredBefore ? turns.get(i - 1)[0] : -3);
        if (b >= 0 && a != b) {
          for (int k = from; k <= j; k++) {
            int[] u = turns.get(k);
            int to = u[0] == a ? b : a;
            u[0] = to;
            for (int q = u[3]; q < u[4]; q++) {
              speaker[q] = to;
            }
          }
        }
      }
      i = j + 1;
    }
  }

  private static boolean implicit(int[] unit, String[] type) {
    for (int q = unit[3]; q < unit[4]; q++) {
      if (!"implicit".equals(type[q])) {
        return false;
      }
    }
    return true;
  }

  private static boolean adjacent(int[] a, int[] b) {
    return b[1] == a[2] + 1;
  }

  /** Units i..j take turns between exactly two speakers. */
  private static boolean alternating(List<int[]> turns, int i, int j) {
    for (int k = i + 1; k <= j; k++) {
      if (turns.get(k)[0] == turns.get(k - 1)[0]) {
        return false;
      }
      if (k >= i + 2 && turns.get(k)[0] != turns.get(k - 2)[0]) {
        return false;
      }
    }
    return true;
  }
}
