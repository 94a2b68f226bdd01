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
      if (!listed && k + 2 < t.size && t.word[k].equals(",") && t.lower[k + 1].equals("the")
          && !inFrontedPhrase(t, m.first)) {
        int head = head(t, k + 2);
        // "Captain Smollett, the squire, and Dr. Livesey": the first of a list, not an apposition, where
        // the noun is a title someone else bears ("Mr. Wells, the lawyer, and the other two" is his)
        boolean list = head >= 0 && head + 2 < t.size && Tokens.isTitle(t.lower[head]) && (t.lower[head + 1].equals("and")
            || t.word[head + 1].equals(",") && t.lower[head + 2].equals("and"));
        if (head >= 0 && !list) {
          link(links, t.lower[head], m.character);
        }
      }
      // "This was Fix, one of the detectives who had been sent": one detective, Fix
      if (!listed && k + 4 < t.size && t.word[k].equals(",") && t.lower[k + 1].equals("one")
          && t.lower[k + 2].equals("of") && t.lower[k + 3].equals("the")) {
        int head = head(t, k + 4);
        if (head >= 0 && t.lower[head].endsWith("s")) {
          link(links, Descriptions.singular(t.lower[head]), m.character);
        }
      }
      // "MR. UTTERSON the lawyer was a man ...": no commas, but the subject of its sentence (not "gave
      // Poole the key")
      if (!listed && k + 2 < t.size && t.lower[k].equals("the") && sentenceStart(t, m.first)) {
        int head = head(t, k + 1, SUBJECT_VERBS);
        if (head >= 0) {
          link(links, t.lower[head], m.character);
        }
      }
      // "the Collector, Mr. Turton", "the artist himself, Basil Hallward"
      int c = m.first - 1;
      if (c > 1 && t.word[c].equals(",") && t.isWord[c - 1]) {
        int noun = REFLEXIVES.contains(t.lower[c - 1]) ? c - 2 : c - 1;
        for (int d = noun - 1; d >= 0 && d >= noun - 3; d--) {
          if (t.lower[d].equals("the")) {
            if (head(t, d + 1, noun < c - 1 ? REFLEXIVES : java.util.Set.of()) == noun
                && (d == 0 || !t.word[d - 1].equals(","))) {
              link(links, t.lower[noun], m.character);
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

  private static final java.util.Set<String> REFLEXIVES = java.util.Set.of("himself", "herself");

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

  /** Verbs a subject's apposition ends before: "Mr. Utterson the lawyer was", "Ned the ostler said". */
  private static final java.util.Set<String> SUBJECT_VERBS = java.util.Set.of("was", "had", "is", "has", "would",
      "could", "did", "said", "sat", "stood", "came", "went", "looked", "lived", "kept", "knew");

  private static final java.util.Set<String> PREPOSITIONS = java.util.Set.of("in", "on", "at", "after", "before",
      "with", "without", "instead", "for", "from", "by", "under", "beside", "near", "to", "upon", "into", "through",
      "during", "behind", "beyond", "within", "among", "between");

  /**
   * The name ends a phrase fronted to its clause ("but, in place of the name of Edward Hyde, the lawyer
   * read ..."): the noun after the comma is the clause's subject, not the name's apposition.
   */
  private static boolean inFrontedPhrase(Tokens t, int mention) {
    int i = mention - 1;
    while (i >= 0 && t.para[i] == t.para[mention] && t.quote[i] == t.quote[mention]
        && !(t.word[i].length() == 1 && ".;:!?,".contains(t.word[i]))) {
      i--;
    }
    int first = i + 1;
    if (i >= 0 && t.word[i].equals(",") && i > 0 && (t.lower[i - 1].equals("but") || t.lower[i - 1].equals("and"))) {
      first = i + 1; // "but, in place of ...": the phrase after the conjunction's comma
    } else if (i >= 0 && t.word[i].equals(",")) {
      return false;
    }
    return first < mention && PREPOSITIONS.contains(t.lower[first]);
  }

  private static boolean sentenceStart(Tokens t, int i) {
    return i == 0 || t.para[i - 1] != t.para[i] || ".!?".contains(t.word[i - 1]) && t.word[i - 1].length() == 1;
  }

  /** The head of "the [adjective] noun" starting at k when a comma, "of" or "who" ends it. */
  private static int head(Tokens t, int k) {
    return head(t, k, java.util.Set.of());
  }

  /** The head of "the [adjective] noun" starting at k when a comma, "of", "who" or one of {@code verbs} ends it. */
  private static int head(Tokens t, int k, java.util.Set<String> verbs) {
    for (int j = k; j < t.size && j < k + 3; j++) {
      if (!t.isWord[j] || Lexicon.STOP.contains(t.lower[j])) {
        return -1;
      }
      int next = j + 1;
      if (next < t.size && (!t.isWord[next] || t.lower[next].equals("of")
          || t.lower[next].equals("who") || verbs.contains(t.lower[next]))) {
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
