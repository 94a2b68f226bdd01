package com.etoaudiobook.book.attribution.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the text itself says who a common noun is: "Mr. Bumble, the beadle,", "the Collector,
 * Mr. Turton", or the noun used once as a title ("Doctor Losberne" for a character otherwise
 * called "Mr. Losberne"). Used for descriptions that speak ("said the beadle") and for office
 * names the cast took for a name ("the Collector").
 */
final class Appositions {
  private Appositions() {
  }

  /** Head noun -> character -> how many times the text ties them together. */
  static Map<String, Map<Integer, Integer>> collect(Tokens t, Names names) {
    Map<String, Map<Integer, Integer>> links = new HashMap<>();
    Map<String, Integer> byCore = new HashMap<>();
    for (Names.Person p : names.people) {
      if (p.dropped) {
        continue;
      }
      for (String a : p.aliases) {
        String core = NameForms.lastOf(a);
        Integer had = byCore.putIfAbsent(core, p.id);
        if (had != null && had != p.id) {
          byCore.put(core, -1);
        }
      }
    }
    for (Names.Mention m : names.mentions) {
      if (m.character < 0) {
        // "Doctor Losberne" seen once: the title, as a noun, is the one who bears that surname.
        Integer who = byCore.get(NameForms.lastOf(m.core));
        if (m.title != null && who != null && who >= 0) {
          String title = m.title.toLowerCase(Locale.ROOT).replace(".", "");
          link(links, title.equals("dr") ? "doctor" : title, who);
        }
        continue;
      }
      // "Mr. Bumble, the beadle," / "Mr. Bumble, the beadle of the parish"
      // A name after a comma is likely one of a list ("Mr. Brittles, Mr. Giles, the tinker").
      boolean listed = m.first > 0 && t.word[m.first - 1].equals(",");
      int k = m.last;
      if (!listed && k + 2 < t.size && t.word[k].equals(",") && t.lower[k + 1].equals("the")) {
        int head = head(t, k + 2);
        if (head >= 0) {
          link(links, t.lower[head], m.character);
        }
      }
      // "the Collector, Mr. Turton"
      int c = m.first - 1;
      if (c > 1 && t.word[c].equals(",") && t.isWord[c - 1]) {
        for (int d = c - 2; d >= 0 && d >= c - 4; d--) {
          if (t.lower[d].equals("the")) {
            if (head(t, d + 1) == c - 1 && (d == 0 || !t.word[d - 1].equals(","))) {
              link(links, t.lower[c - 1], m.character);
            }
            break;
          }
          if (!t.isWord[d]) {
            break;
          }
        }
      }
    }
    return links;
  }

  /** The character tied to a noun more often than any other, or -1. */
  static int best(Map<Integer, Integer> byPerson) {
    if (byPerson == null) {
      return -1;
    }
    int best = -1;
    int bestCount = 0;
    int second = 0;
    for (Map.Entry<Integer, Integer> e : byPerson.entrySet()) {
      if (e.getValue() > bestCount) {
        second = bestCount;
        best = e.getKey();
        bestCount = e.getValue();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    return bestCount > second ? best : -1;
  }

  /** The head of "the [adjective] noun" starting at k when a comma, "of" or "who" ends it. */
  private static int head(Tokens t, int k) {
    for (int j = k; j < t.size && j < k + 3; j++) {
      if (!t.isWord[j] || Lexicon.STOP.contains(t.lower[j])) {
        return -1;
      }
      int next = j + 1;
      if (next < t.size && (!t.isWord[next] || t.lower[next].equals("of")
          || t.lower[next].equals("who"))) {
        String h = t.lower[j];
        return Descriptions.NOT_SPEAKERS.contains(h) || Descriptions.GENERIC.contains(h)
            || Descriptions.ABSTRACT.matcher(h).find() ? -1 : j;
      }
    }
    return -1;
  }

  private static void link(Map<String, Map<Integer, Integer>> links, String head, int person) {
    links.computeIfAbsent(head, x -> new HashMap<>()).merge(person, 1, Integer::sum);
  }
}
