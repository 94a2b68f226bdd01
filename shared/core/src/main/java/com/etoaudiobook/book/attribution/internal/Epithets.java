package com.etoaudiobook.book.attribution.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * An epithet used as a name ("the Jew", "the Beadle" capitalised, never titled) that answers to
 * a character's name: again and again a line calls that character ("… eh, Fagin?") and the next
 * paragraph's reply is "said the Jew". The epithet is then that character, not a role of its own.
 */
final class Epithets {

  /** How many resolving sentence pairs an epithet needs, at least. */
  private static final int MIN_PAIRS = 5;

  private final CastMerges m;
  private final Tokens t;
  private final Names names;

  Epithets(CastMerges m, Tokens t, Names names) {
    this.m = m;
    this.t = t;
    this.names = names;
  }

  /** The one character the narration takes s for, or null. */
  Names.Person resolve(Names.Person s) {
    String word = m.singleCore(s);
    if (word == null || s.gender == null || !NameForms.mostlyAfterThe(t, names, s)
        || s.aliases.stream().anyMatch(a -> m.formCore.containsKey(a) && m.title(a) != null)) {
      return null;
    }
    // Per paragraph, whether its narration has "said the Jew" (the epithet after a speech verb).
    java.util.Set<Integer> answers = new java.util.HashSet<>();
    for (Names.Mention e : names.mentions) {
      if (e.character == s.id && t.quote[e.first] < 0 && e.first > 1
          && t.lower[e.first - 1].equals("the") && Lexicon.isSpeechVerb(t.lower[e.first - 2])) {
        answers.add(t.para[e.first]);
      }
    }
    if (answers.size() < MIN_PAIRS) {
      return null;
    }
    // "… eh, Fagin?" then "…," replied the Jew: the epithet answers to that name.
    Map<Integer, Integer> follows = new HashMap<>();
    int pairs = 0;
    int lastPara = -1;
    Names.Person called = null;
    for (Names.Mention x : names.mentions) {
      int q = t.quote[x.first];
      if (q < 0 || !CastFilter.addressed(t, x)) {
        continue;
      }
      Names.Person p = other(x.first, s);
      int para = t.para[x.first];
      if (para != lastPara && called != null && answers.contains(lastPara + 1)) {
        follows.merge(called.id, 1, Integer::sum);
        pairs++;
      }
      if (para != lastPara) {
        called = null;
      }
      lastPara = para;
      called = p != null ? p : called;
    }
    if (called != null && answers.contains(lastPara + 1)) {
      follows.merge(called.id, 1, Integer::sum);
      pairs++;
    }
    Integer best = null;
    for (Map.Entry<Integer, Integer> x : follows.entrySet()) {
      if (best == null || x.getValue() > follows.get(best)) {
        best = x.getKey();
      }
    }
    if (best == null) {
      return null;
    }
    int n = follows.get(best);
    return n >= MIN_PAIRS && n * 5 >= pairs * 3 ? names.people.get(best) : null;
  }

  /** The viable character of s's gender a mention at token k stands for, other than s. */
  private Names.Person other(int k, Names.Person s) {
    int mi = names.mentionStart[k];
    if (mi < 0 || names.mentions.get(mi).character < 0) {
      return null;
    }
    Names.Person p = names.people.get(names.mentions.get(mi).character);
    while (p.into >= 0) {
      p = names.people.get(p.into);
    }
    return p != s && CastMerges.viable(p) && s.gender.equals(p.gender) ? p : null;
  }
}
