package com.etoaudiobook.book.attribution.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers on name forms ("Mr. Fitzwilliam Darcy"): their parts, keys and display names. */
final class NameForms {
  private NameForms() {
  }

  /** The one candidate seen more than twice as often as all others together, or all of them. */
  static List<String> dominant(List<String> keys, Map<String, Integer> keyCount) {
    if (keys.size() < 2) {
      return keys;
    }
    String best = null;
    int bestCount = -1;
    int total = 0;
    for (String k : keys) {
      int c = keyCount.getOrDefault(k, 0);
      total += c;
      if (c > bestCount) {
        best = k;
        bestCount = c;
      }
    }
    return bestCount > 2 * (total - bestCount) ? List.of(best) : keys;
  }

  /** "New York", "Wimpole Street", "Grand Hotel": a name ending or starting like a place. */
  static boolean isPlaceName(String core) {
    String first = firstOf(core).toLowerCase(java.util.Locale.ROOT);
    String last = lastOf(core).toLowerCase(java.util.Locale.ROOT);
    return core.contains(" ") && (first.equals("new") || first.equals("saint")
        || first.equals("st")) || Lexicon.PLACE_NOUNS.contains(last);
  }

  /** Titles streets and buildings are named after: "King Edward Street", "Queen Anne's Gate". */
  private static final java.util.Set<String> ROYAL_TITLES = java.util.Set.of("king", "queen", "prince",
      "princess", "duke", "duchess");

  /**
   * A royal title before a name of two or more words that ends like a place: "King Edward
   * Street", "Prince Albert Road" are places, not the King or a prince.
   */
  static boolean isRoyalPlace(String title, String core) {
    return title != null && ROYAL_TITLES.contains(title.toLowerCase(java.util.Locale.ROOT))
        && core.contains(" ") && Lexicon.PLACE_NOUNS.contains(lastOf(core).toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * "Hindus", "Europeans": one word ending in "s" whose singular is written with a capital too,
   * and is no first name ("Roberts" beside "Robert" may well be a surname).
   */
  static boolean isKindPlural(String core, Names names, java.util.Set<String> firstNames) {
    if (core.contains(" ") || core.length() < 4 || !core.endsWith("s") || core.endsWith("ss")) {
      return false;
    }
    String singular = core.substring(0, core.length() - 1);
    return names.capCount(singular.toLowerCase(java.util.Locale.ROOT)) >= 2
        && GenderGuess.firstNameGender(singular) == null && GenderGuess.firstNameGender(core) == null
        && !firstNames.contains(core);
  }

  static List<String> filterGender(List<String> fulls, String gender) {
    if (gender == null) {
      return fulls;
    }
    List<String> out = new ArrayList<>();
    for (String f : fulls) {
      String g = GenderGuess.firstNameGender(firstOf(f));
      if (g == null || g.equals(gender)) {
        out.add(f);
      }
    }
    return out;
  }

  static String displayName(Names.Person p, Map<String, Integer> formCount, Names names) {
    // The most frequent untitled full name (the longest of equals), else the most frequent form.
    String best = null;
    int most = -1;
    for (String a : p.aliases) {
      int c = formCount.getOrDefault(a, 0);
      if (a.contains(" ") && titleOf(a) == null && !Lexicon.POSTFIX_TITLES.contains(
          lastOf(a).toLowerCase(java.util.Locale.ROOT)) && !sentenceOpener(a, c, names)
          && (best == null || c > most || c == most && a.length() > best.length())) {
        best = a;
        most = c;
      }
    }
    String frequent = null;
    int bestCount = -1;
    for (String a : p.aliases) {
      int c = formCount.getOrDefault(a, 0);
      if (c > bestCount) {
        frequent = a;
        bestCount = c;
      }
    }
    if (best == null) {
      return frequent;
    }
    // "Mr Todd" forty times, "James Todd" once and "James" hardly ever: the book's name for him
    // is the titled one ("Adela" alone, said often, keeps "Adela Quested").
    boolean titledSurname = titleOf(frequent) != null && frequent.indexOf(' ') == frequent.lastIndexOf(' ');
    int firstAlone = formCount.getOrDefault(firstOf(best), 0);
    return titledSurname && bestCount >= 5 * Math.max(1, most) && firstAlone * 5 < bestCount
        ? frequent : best;
  }

  /**
   * A full name seen once whose first word the text never capitalises inside a sentence and no
   * first-name list knows: "Meantime Toad packed", an adverb opening the sentence before the name,
   * not the character's name (who is "Toad" everywhere else).
   */
  private static boolean sentenceOpener(String full, int count, Names names) {
    String first = firstOf(full);
    return count <= 1 && names.capCount(first.toLowerCase(java.util.Locale.ROOT)) == 0
        && GenderGuess.firstNameGender(first) == null;
  }

  static String titleOf(String form) {
    int sp = form.indexOf(' ');
    if (sp < 0) {
      return null;
    }
    String first = form.substring(0, sp).toLowerCase().replace(".", "");
    return Tokens.isTitle(first) ? first : null;
  }

  /** The grouping key of a titled form: "Mrs Mann" and "Mrs. Mann" are one form. */
  static String titledKey(String title, String core) {
    String tl = title.replace(".", "").toLowerCase(java.util.Locale.ROOT);
    // "Monsieur Pontellier" is "Mr. Pontellier" in the narrator's other language.
    return (MISTER.contains(tl) ? "mr" : tl) + " " + core;
  }

  /** "Mr." in the languages English novels borrow it from. */
  private static final java.util.Set<String> MISTER = java.util.Set.of("mister", "monsieur",
      "signor", "signore", "herr", "senor");

  static String fullKey(String core) {
    return firstOf(core) + " " + lastOf(core);
  }

  static String lastOf(String core) {
    return core.substring(core.lastIndexOf(' ') + 1);
  }

  /** The word with its first letter in capitals ("sergeant" -> "Sergeant"). */
  static String capitalized(String w) {
    return w.isEmpty() ? w : java.lang.Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  static String firstOf(String core) {
    int sp = core.indexOf(' ');
    return sp < 0 ? core : core.substring(0, sp);
  }

  static boolean isKnownFirstName(String core) {
    return GenderGuess.firstNameGender(firstOf(core)) != null;
  }

  /**
   * "Daisy Maids", "Six Pine Trees", "Red Gables, Catherine Street": a two-word name seen once or
   * twice whose last word the text mostly writes in lower case is a name or a word glued to a
   * common noun (a place, a thing), not someone's full name.
   */
  static boolean gluedToNoun(String core, int seen, Names names) {
    if (seen > 2 || !core.contains(" ")) {
      return false;
    }
    String last = lastOf(core).toLowerCase(java.util.Locale.ROOT);
    // "Maids" where only "maid" is written: a plural of a lowercase noun.
    String one = last.endsWith("s") && !last.endsWith("ss") ? last.substring(0, last.length() - 1)
        : last;
    return names.lowerCount(last) > names.capCount(last)
        || !one.equals(last) && names.lowerCount(one) > names.capCount(one);
  }

  /** Endings of abstract nouns: "Democracy", "Socialism", "Providence" is a first name. */
  private static final java.util.regex.Pattern ABSTRACT_NOUN_ENDING = java.util.regex.Pattern
      .compile("(cracy|ism|ness|ity|ment|tion|sion|ship|hood|dom)$");
  /** Endings of adjectives of nation or style: "Georgian", "Japanese", "Moorish". */
  private static final java.util.regex.Pattern ADJECTIVE_ENDING = java.util.regex.Pattern
      .compile("(ian|ese|ish|esque|ical)$");

  static boolean hasAbstractNounEnding(String word) {
    return word.length() > 4 && ABSTRACT_NOUN_ENDING.matcher(
        word.toLowerCase(java.util.Locale.ROOT)).find();
  }

  static boolean hasAdjectiveEnding(String word) {
    return word.length() > 4 && ADJECTIVE_ENDING.matcher(
        word.toLowerCase(java.util.Locale.ROOT)).find();
  }

  /**
   * "Six Pine Trees", "the Hundred Acre Woods": words before a plural whose singular the text
   * writes in lower case ("tree"), and no first name: a place or a thing however often seen.
   */
  static boolean pluralOfNoun(String core, Names names) {
    if (!core.contains(" ") || isKnownFirstName(core)) {
      return false;
    }
    String last = lastOf(core).toLowerCase(java.util.Locale.ROOT);
    if (!last.endsWith("s") || last.endsWith("ss")) {
      return false;
    }
    String one = last.substring(0, last.length() - 1);
    return names.lowerCount(one) >= 2 && names.lowerCount(one) > names.capCount(one);
  }

  /** "the Collector" far more often than "Collector": a noun, whatever its capital. */
  static boolean mostlyAfterThe(Tokens t, Names names, Names.Person s) {
    int n = 0;
    int the = 0;
    for (Names.Mention m : names.mentions) {
      if (m.character == s.id) {
        n++;
        if (m.first > 0 && t.lower[m.first - 1].equals("the")) {
          the++;
        }
      }
    }
    return n > 0 && the * 2 >= n;
  }
}
