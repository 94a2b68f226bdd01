package com.etoaudiobook.book.attribution.internal;

import java.util.Set;

/**
 * Kept names that are no one the story shows talking, by how the text uses them: the title of a
 * work ("the opera Lucia di Lammermoor", a song "When Father Papered the Parlour" quoted in a
 * line), a noun capitalised for effect after a determiner ("a Very Clever Brain", "much
 * Brain"), or a real person named in passing by full name ("Theodore Roosevelt").
 */
final class PassingNames {

  private PassingNames() {
  }

  /** Nouns a work's title follows: "the opera Lucia", "a song, Annie Laurie". */
  private static final Set<String> WORK_NOUNS = Set.of("opera", "operas", "song", "songs",
      "play", "ballad", "hymn", "poem", "novel", "symphony", "tune", "oratorio", "overture",
      "painting", "comedy", "tragedy", "farce", "melodrama", "romance");

  /** Words a proper name does not follow; a common noun does ("a Brain", "much Brain"). */
  private static final Set<String> DETERMINERS = Set.of("a", "an", "much", "little", "no",
      "very", "some", "any", "more", "less", "such", "every", "each", "enough");

  /** Lowercase words a title's run of capitalised words may hold ("the", "of", "di"). */
  private static final Set<String> TITLE_GLUE = Set.of("the", "of", "a", "an", "and", "in", "on",
      "to", "for", "with", "at", "by", "from", "di", "de", "la", "le", "du", "von", "van", "der");

  /** How many words a quoted title may have, at most. */
  private static final int TITLE_WORDS = 8;

  /**
   * Whether p is no role: a work's title (unless p speaks more than once), a common noun, or a
   * famous full name named at most twice; never someone spoken to.
   */
  static boolean notSomeone(Tokens t, Names names, Names.Person p, boolean addressed) {
    if (addressed) {
      return false;
    }
    int n = 0;
    int afterDeterminer = 0;
    boolean work = false;
    for (Names.Mention m : names.mentions) {
      if (m.character != p.id) {
        continue;
      }
      n++;
      afterDeterminer += m.title == null && m.first > 0 && t.isWord[m.first - 1]
          && DETERMINERS.contains(t.lower[m.first - 1]) ? 1 : 0;
      work |= m.form.contains(" ") && workTitle(t, m);
    }
    return work && p.speeches <= 1
        || p.speeches == 0 && n > 0 && afterDeterminer * 2 >= n
        || p.speeches == 0 && n <= 2 && famousName(p);
  }

  /**
   * A real person's name ("Theodore Roosevelt", "John Addington Symonds", "Sir Galahad"; or a
   * rank and a famous surname, "Dr. Pangloss"): named once or twice, never speaking, someone
   * the characters or the narrator talk about. "Tom Harlow" is no Jean Harlow, and "Mr. Turner"
   * is a man of the story's whichever painter shared his surname.
   */
  static boolean famousName(Names.Person p) {
    return !p.aliases.isEmpty() && p.aliases.stream().allMatch(PassingNames::famousForm);
  }

  private static boolean famousForm(String form) {
    String title = NameForms.titleOf(form);
    String core = title == null ? form : form.substring(form.indexOf(' ') + 1);
    if (core.contains(" ")) {
      return PersonNouns.isFamousFullName(NameForms.fullKey(core));
    }
    return title != null && !EVERYDAY_TITLES.contains(title)
        && (PersonNouns.isFamousFullName(NameForms.firstOf(form) + " " + core)
        || PersonNouns.isFamousSurname(core));
  }

  /** Titles of everyday address: no evidence of fame. */
  private static final Set<String> EVERYDAY_TITLES = Set.of("mr", "mrs", "miss", "ms", "master",
      "mister", "madame", "monsieur", "mme", "mlle", "mademoiselle", "signor", "signora", "herr",
      "frau");

  /**
   * m names a work: right after a work noun (across a dash or a comma), or a run of capitalised
   * words with a lowercase "the"/"of" inside, alone between two quote marks or underscores.
   */
  static boolean workTitle(Tokens t, Names.Mention m) {
    int k = m.first - 1;
    while (k >= 0 && k >= m.first - 3 && !t.isWord[k] && !isMark(t.word[k])) {
      k--;
    }
    if (k >= 0 && t.isWord[k] && t.para[k] == t.para[m.first]
        && WORK_NOUNS.contains(t.lower[k])) {
      return true;
    }
    int open = m.first - 1;
    boolean glue = false;
    while (open >= 0 && t.isWord[open] && m.first - open <= TITLE_WORDS && titleWord(t, open)) {
      glue |= !t.isCap(open);
      open--;
    }
    int close = m.last;
    while (close < t.size && t.isWord[close] && close - m.last <= TITLE_WORDS
        && titleWord(t, close)) {
      glue |= !t.isCap(close);
      close++;
    }
    return open >= 0 && close < t.size && isMark(t.word[open]) && isMark(t.word[close])
        && glue && close - open - 1 >= 3 && close - open - 1 <= TITLE_WORDS
        && t.para[open] == t.para[close];
  }

  private static boolean titleWord(Tokens t, int k) {
    return t.isCap(k) || TITLE_GLUE.contains(t.lower[k]);
  }

  private static boolean isMark(String w) {
    return w.equals("\"") || w.equals("\u201C") || w.equals("\u201D") || w.equals("_");
  }
}
