package com.etoaudiobook.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a predicted role names the gold speaker of a PDNC quotation: any alias counts, a
 * leading article does not ("The Student" is "A Student"), and in strict mode the role must name
 * the speaker at least as closely as anyone else.
 */
final class SpeakerNames {
  private SpeakerNames() {
  }

  /**
   * The aliases of the gold speaker. The speaker column usually holds a main name but sometimes
   * one of the aliases ("Henry" for "Mr. Wilcox"); any alias counts, so an alias that belongs to
   * exactly one character brings that character's other names (shared ones stay alone).
   */
  static List<String> aliasesOf(Map<String, List<String>> aliases, String speaker) {
    List<String> direct = aliases.get(speaker);
    if (direct != null) {
      return direct;
    }
    List<String> found = null;
    for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
      if (e.getValue().contains(speaker)) {
        if (found != null) {
          return List.of();
        }
        found = new ArrayList<>(e.getValue());
        found.add(e.getKey());
      }
    }
    return found == null ? List.of() : found;
  }

  static boolean matches(String predicted, String gold, List<String> aliases) {
    List<String> names = new ArrayList<>(aliases);
    names.add(gold);
    String p = bare(predicted);
    for (String a : names) {
      String l = bare(a);
      if (l.isEmpty()) {
        continue;
      }
      if (l.equals(p) || containsWord(l, p) || containsWord(p, l)) {
        return true;
      }
    }
    return false;
  }

  /** A name in lower case without a leading article: "A Student" and "The Student" are one. */
  static String bare(String name) {
    String l = name.toLowerCase(Locale.ROOT).trim();
    for (String article : List.of("the ", "a ", "an ")) {
      if (l.startsWith(article) && l.length() > article.length()) {
        return l.substring(article.length()).trim();
      }
    }
    return l;
  }

  /**
   * The predicted role names the gold character at least as closely as any other: an exact
   * name beats a contained one ("Mary Crawford" is not her brother, whose alias "Crawford" it
   * contains), and a partial name ("Oakley" for one of two Oakley brothers) must fit only one.
   */
  static boolean identifies(String predicted, List<String> goldNames,
                            Map<String, List<String>> all) {
    int own = closeness(predicted, goldNames);
    int best = -1;
    int atBest = 0;
    for (Map.Entry<String, List<String>> e : all.entrySet()) {
      List<String> names = new ArrayList<>(e.getValue());
      names.add(e.getKey());
      int c = closeness(predicted, names);
      if (c > best) {
        best = c;
        atBest = 1;
      } else if (c == best) {
        atBest++;
      }
    }
    return own >= best && (own > 0 || atBest <= 1);
  }

  /** 1000 for an exact name, the length of the longest name inside the prediction, 0 for a
   * prediction inside a name, -1 for no match. */
  private static int closeness(String predicted, List<String> names) {
    String p = predicted.toLowerCase(Locale.ROOT).trim();
    int best = -1;
    for (String a : names) {
      String l = a.toLowerCase(Locale.ROOT).trim();
      if (l.isEmpty()) {
        continue;
      }
      if (l.equals(p)) {
        return 1000;
      }
      if (containsWord(p, l)) {
        best = Math.max(best, l.length());
      } else if (containsWord(l, p)) {
        best = Math.max(best, 0);
      }
    }
    return best;
  }

  /** True when {@code part} occurs in {@code whole} bounded by non-letters. */
  static boolean containsWord(String whole, String part) {
    int from = 0;
    while (true) {
      int i = whole.indexOf(part, from);
      if (i < 0) {
        return false;
      }
      int e = i + part.length();
      boolean left = i == 0 || !java.lang.Character.isLetterOrDigit(whole.charAt(i - 1));
      boolean right = e == whole.length() || !java.lang.Character.isLetterOrDigit(whole.charAt(e));
      if (left && right) {
        return true;
      }
      from = i + 1;
    }
  }
}
