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
    if (Lexicon.MALE_TITLES.contains(l) || Lexicon.MALE_POSTFIX_TITLES.contains(l)) {
      return "male";
    }
    if (Lexicon.FEMALE_TITLES.contains(l) || Lexicon.FEMALE_POSTFIX_TITLES.contains(l)) {
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

  /** "Ronny", "Bessie": a pet form has the gender of the names it stands for, when they agree. */
  static String petFormGender(String first) {
    String l = first.toLowerCase();
    String g = null;
    for (String formal : Hypocorisms.formalsOf(l)) {
      String fg = Lexicon.MALE_NAMES.contains(formal) ? "male"
          : Lexicon.FEMALE_NAMES.contains(formal) ? "female" : null;
      if (fg == null || g != null && !g.equals(fg)) {
        return null;
      }
      g = fg;
    }
    return g;
  }

  /**
   * The gender a full name's first name suggests: the lists, else an English first name ending
   * in "a" ("Regina", "Adela") is a woman's far more often than not.
   */
  static String firstNameOrEnding(String first) {
    String g = firstNameGender(first);
    if (g != null) {
      return g;
    }
    String l = first.toLowerCase();
    return l.length() > 3 && l.endsWith("a") && java.lang.Character.isUpperCase(first.charAt(0))
        ? "female" : null;
  }


  /** Votes from the first he/she pronoun after a narration mention, before another name. */
  /** Per name form: the he (index 0) and she (1) that first follow its narration mentions. */
  static java.util.Map<String, int[]> formVotes(Tokens t, List<Names.Mention> mentions,
                                                int[] mentionStart) {
    java.util.Map<String, int[]> out = new java.util.HashMap<>();
    for (Names.Mention m : mentions) {
      if (t.quote[m.first] >= 0 || m.possessive) {
        continue;
      }
      String g = firstPronoun(t, m, mentionStart);
      if (g != null) {
        out.computeIfAbsent(m.form, x -> new int[2])[g.equals("male") ? 0 : 1]++;
      }
    }
    return out;
  }

  /** A clear majority of at least two votes, or null. */
  static String clear(int[] v) {
    if (v == null) {
      return null;
    }
    if (v[0] >= 2 && v[0] >= 2 * v[1] + 1) {
      return "male";
    }
    if (v[1] >= 2 && v[1] >= 2 * v[0] + 1) {
      return "female";
    }
    return null;
  }

  private static String firstPronoun(Tokens t, Names.Mention m, int[] mentionStart) {
    int limit = Math.min(t.size, m.last + 15);
    for (int k = m.last; k < limit; k++) {
      if (t.para[k] != t.para[m.first] || t.quote[k] >= 0 || mentionStart[k] >= 0) {
        return null;
      }
      if (Lexicon.MALE_PRONOUNS.contains(t.lower[k])) {
        return "male";
      }
      if (Lexicon.FEMALE_PRONOUNS.contains(t.lower[k])) {
        return "female";
      }
    }
    return null;
  }

  static void countPronouns(Tokens t, List<Names.Mention> mentions, int[] mentionStart,
                            List<Names.Person> people) {
    for (Names.Mention m : mentions) {
      if (m.character < 0 || t.quote[m.first] >= 0 || m.possessive) {
        continue;
      }
      String g = firstPronoun(t, m, mentionStart);
      if ("male".equals(g)) {
        people.get(m.character).male++;
      } else if ("female".equals(g)) {
        people.get(m.character).female++;
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
      String first = NameForms.firstOf(a);
      if (NameForms.titleOf(a) != null) {
        first = NameForms.firstOf(a.substring(a.indexOf(' ') + 1));
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
    String byVotes = n == 0 ? null : byVotes(p, base, n);
    if (byVotes != null) {
      return byVotes;
    }
    // Pet forms are weaker evidence than pronouns: some are given to both ("Jacky", "Frankie").
    for (String a : p.aliases) {
      String first = NameForms.titleOf(a) != null ? NameForms.firstOf(a.substring(a.indexOf(' ') + 1))
          : NameForms.firstOf(a);
      String g = petFormGender(first);
      if (g != null) {
        return g;
      }
    }
    return null;
  }

  private static String byVotes(Names.Person p, double base, int n) {
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
