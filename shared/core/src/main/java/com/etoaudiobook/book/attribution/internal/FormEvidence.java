package com.etoaudiobook.book.attribution.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the text around each name form says about it, counted once per book for the cast: how
 * often it is seen, after a preposition of place ("at Vevey"), as a thing ("in India", "the
 * Dogana men", an italic title "_Universe_"), or after "the".
 */
final class FormEvidence {
  final Map<String, Integer> count = new HashMap<>();
  final Map<String, Integer> place = new HashMap<>();
  final Map<String, Integer> thing = new HashMap<>();
  final Map<String, Integer> afterThe = new HashMap<>();
  final Map<String, String> title = new HashMap<>();
  final Map<String, String> core = new HashMap<>();

  private final Tokens t;
  /** Lowercase word -> times it follows "the": a noun ("the men"), hardly ever a verb. */
  private final Map<String, Integer> nounAfterThe = new HashMap<>();

  /** Last words of titled and full names: "Oakley" of "Mr. Oakley" is a family's name. */
  private final java.util.Set<String> surnames = new java.util.HashSet<>();

  FormEvidence(Tokens t, List<Names.Mention> mentions) {
    this.t = t;
    for (Names.Mention m : mentions) {
      if (m.title != null || m.core.contains(" ")) {
        surnames.add(NameForms.lastOf(m.core));
      }
    }
    for (int k = 1; k < t.size; k++) {
      if (t.isWord[k] && !t.isCap(k) && t.lower[k - 1].equals("the")) {
        nounAfterThe.merge(t.lower[k], 1, Integer::sum);
      }
    }
    for (Names.Mention m : mentions) {
      count.merge(m.form, 1, Integer::sum);
      title.put(m.form, m.title);
      core.put(m.form, m.core);
      // In dialogue people are "to" and "of" someone too; "in", "at", "from" still mean a place,
      // and so does "on the" ("on the Embankment"; "to the Duke" may well be a person).
      boolean the = m.first > 1 && t.lower[m.first - 1].equals("the");
      int prep = the ? m.first - 2 : m.first - 1;
      if (prep >= 0 && (t.quote[m.first] < 0 && !the
          ? Lexicon.PLACE_PREPOSITIONS.contains(t.lower[prep])
          : Lexicon.STRONG_PLACE_PREPOSITIONS.contains(t.lower[prep])
          || the && t.lower[prep].equals("on"))) {
        place.merge(m.form, 1, Integer::sum);
      }
      // "in India", "an Englishman": a person is hardly ever inside something or "a" name.
      if (m.first > 0 && !m.possessive && Lexicon.THING_MARKERS.contains(t.lower[m.first - 1])
          || thingShaped(m)) {
        thing.merge(m.form, 1, Integer::sum);
      }
      if (the) {
        afterThe.merge(m.form, 1, Integer::sum);
      }
    }
  }

  /**
   * "the Dogana men" (a word never part of a titled or full name, before a noun the book puts
   * after "the", is a modifier: a place, a firm; "the Oakley house" is a family's),
   * "_Universe_" (a name alone in italics is a title: a newspaper, a book, a ship).
   */
  private boolean thingShaped(Names.Mention m) {
    int b = m.first - 1;
    if (m.title != null || b < 0) {
      return false;
    }
    int a = m.last;
    if (a >= t.size || t.para[a] != t.para[m.first]) {
      return false;
    }
    if (t.word[b].equals("_") && (t.word[a].equals("_") || m.possessive)) {
      return true;
    }
    String next = t.lower[a];
    return !m.possessive && t.lower[b].equals("the") && !m.core.contains(" ") && t.isWord[a]
        && !t.isCap(a) && !next.endsWith("ly") && !Lexicon.STOP.contains(next)
        && !Lexicon.isSpeechVerb(next) && nounAfterThe.getOrDefault(next, 0) >= 3
        && !surnames.contains(m.core);
  }
}
