package com.etoaudiobook.book.attribution.internal;

import java.util.List;

/**
 * A character's gender from what the whole book says of them: titles ("Mrs.", "Lord"), known
 * first names, and the he/she that follows their name in the narration, weighed against the
 * book's own balance of he and she. Unknown stays null (a neutral voice), never a guess.
 */
final class GenderGuess {
  private GenderGuess() {
  }

  static String titleGender(String title) {
    if (title == null) {
      return null;
    }
    String l = title.toLowerCase().replace(".", "");
    if (Lexicon.MALE_TITLES.contains(l)) {
      return "male";
    }
    if (Lexicon.FEMALE_TITLES.contains(l)) {
      return "female";
    }
    return null;
  }


  static String firstNameGender(String first) {
    String l = first.toLowerCase();
    if (Lexicon.MALE_NAMES.contains(l)) {
      return "male";
    }
    if (Lexicon.FEMALE_NAMES.contains(l)) {
      return "female";
    }
    return null;
  }


  /** Votes from the first he/she pronoun after a narration mention, before another name. */
  static void countPronouns(Tokens t, List<Names.Mention> mentions, int[] mentionStart,
                            List<Names.Person> people) {
    for (Names.Mention m : mentions) {
      if (m.character < 0 || t.quote[m.first] >= 0) {
        continue;
      }
      int limit = Math.min(t.size, m.last + 15);
      for (int k = m.last; k < limit; k++) {
        if (t.para[k] != t.para[m.first] || t.quote[k] >= 0 || mentionStart[k] >= 0) {
          break;
        }
        String l = t.lower[k];
        if (Lexicon.MALE_PRONOUNS.contains(l)) {
          people.get(m.character).male++;
          break;
        }
        if (Lexicon.FEMALE_PRONOUNS.contains(l)) {
          people.get(m.character).female++;
          break;
        }
      }
    }
  }


  static String guess(Names.Person p, double base) {
    if (p.titleMale > p.titleFemale) {
      return "male";
    }
    if (p.titleFemale > p.titleMale) {
      return "female";
    }
    String byName = null;
    for (String a : p.aliases) {
      String first = CastBuilder.firstOf(a);
      if (CastBuilder.titleOf(a) != null) {
        first = CastBuilder.firstOf(a.substring(a.indexOf(' ') + 1));
      }
      byName = firstNameGender(first);
      if (byName != null) {
        break;
      }
    }
    if (byName != null) {
      return byName;
    }
    int n = p.male + p.female;
    if (n == 0) {
      return null;
    }
    // Clearly one-sided votes decide alone (a cast of male animals has a male base rate).
    if (p.male >= 3 && p.male >= 4 * p.female) {
      return "male";
    }
    if (p.female >= 3 && p.female >= 4 * p.male) {
      return "female";
    }
    double ratio = (p.male + 0.5) / (n + 1.0);
    double margin = n >= 4 ? 0.15 : 0.3;
    if (ratio > base + margin || p.female == 0 && p.male >= 2) {
      return "male";
    }
    if (ratio < base - margin || p.male == 0 && p.female >= 2) {
      return "female";
    }
    return null;
  }
}
