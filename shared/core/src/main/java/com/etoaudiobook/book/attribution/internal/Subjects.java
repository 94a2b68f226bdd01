package com.etoaudiobook.book.attribution.internal;

import static com.etoaudiobook.book.attribution.internal.Cue.DESC;
import static com.etoaudiobook.book.attribution.internal.Cue.FIRST;
import static com.etoaudiobook.book.attribution.internal.Cue.NAME;
import static com.etoaudiobook.book.attribution.internal.Cue.PRONOUN;
import static com.etoaudiobook.book.attribution.internal.Cue.WORD;

/**
 * The phrase that says who speaks, found next to a speech verb: a name ("Alice", "poor Alice",
 * "the Rabbit"), a pronoun, a description ("the old man"), a possessive before a gerund ("by
 * Thorpe's saying"), a lone title or common name ("said Mademoiselle", "said nanny").
 */
final class Subjects {

  private final Tokens t;
  private final Names names;
  private final SpeechVerbs verbs;
  private final boolean firstPerson;

  Subjects(Tokens t, Names names, SpeechVerbs verbs, boolean firstPerson) {
    this.t = t;
    this.names = names;
    this.verbs = verbs;
    this.firstPerson = firstPerson;
  }

  /** A name mention ending at k that owns what follows: "Alice's", "Thorpe s". */
  Cue possessiveAt(int k) {
    int m = names.mentionEnd[k];
    if (m >= 0 && names.mentions.get(m).possessive) {
      return new Cue(NAME, m, null, names.mentions.get(m).first);
    }
    if (k > 0 && (t.lower[k].equals("s") || t.lower[k].equals("'s"))) {
      m = names.mentionEnd[k - 1];
      if (m >= 0) {
        return new Cue(NAME, m, null, names.mentions.get(m).first);
      }
    }
    return null;
  }

  /** The subject before the comma opening a parenthesis that ends at the comma at k. */
  Cue beforeParenthesis(int k, int s) {
    for (int j = k - 1; j > s && j >= k - 12; j--) {
      if (verbs.isTerminator(j) || t.quote[j] >= 0) {
        return null;
      }
      if (names.mentionStart[j] >= 0 || pronoun(j) != null) {
        return null;
      }
      if (t.word[j].equals(",")) {
        Cue c = subjectEndingAt(j - 1, s);
        // "looked at Fanny, whose tears…, said": an object before the parenthesis is no subject.
        return c != null && c.kind != DESC
            && !(c.tok > 0 && Salience.PREPOSITIONS.contains(t.lower[c.tok - 1])) ? c : null;
      }
    }
    return null;
  }

  /** "Isabella, who in great spirits exclaimed": the name before "who" a few words back. */
  Cue relative(int k, int s) {
    for (int r = k; r > s && r >= k - 5; r--) {
      if (!t.isWord[r]) {
        return null;
      }
      if (t.lower[r].equals("who")) {
        int b = r - 1;
        while (b > s && !t.isWord[b] && t.word[b].equals(",")) {
          b--;
        }
        Cue c = subjectEndingAt(b, s);
        return c != null && c.kind == NAME ? c : null;
      }
    }
    return null;
  }

  /** A subject starting exactly at k (after a verb): name, pronoun, description or bare word. */
  Cue subjectAt(int k, int limit) {
    if (k >= limit) {
      return null;
    }
    int[] end = new int[1];
    Cue c = subjectForward(k, limit, end);
    return c != null ? c : bareWord(k, limit);
  }

  /**
   * "said Mademoiselle," / "said nanny.": one word after the verb, ending the phrase, that is a
   * title or a lowercase noun; the resolver looks for the character called so.
   */
  Cue bareWord(int k, int limit) {
    if (!t.isWord[k] || k + 1 >= t.size || t.isWord[k + 1] || names.mentionStart[k] >= 0
        || t.lower[k].length() < 3 || Lexicon.STOP.contains(t.lower[k])
        || Lexicon.DETERMINERS.contains(t.lower[k]) || OBJECT_WORDS.contains(t.lower[k])
        || !t.isCap(k) && (t.lower[k].endsWith("ly") || verbs.isFiller(k))) {
      return null;
    }
    String l = t.lower[k];
    boolean title = t.isCap(k) && Tokens.isTitle(l);
    if (!title && t.isCap(k)) {
      return null;
    }
    String gender = Lexicon.MALE_TITLES.contains(l) ? "male"
        : Lexicon.FEMALE_TITLES.contains(l) ? "female" : nounGender(l);
    return new Cue(WORD, -1, gender, k);
  }

  /**
   * After "the" at j - 1: "voice of" (a word or two before it), the index of "of"; 0 where a
   * possessive's "voice" is at j ("Hamidullah's voice"); else -1.
   */
  private int voiceOf(int j, int limit) {
    for (int a = j; a < limit && a <= j + 2 && t.isWord[a] && !t.isCap(a); a++) {
      if (t.lower[a].equals("voice") || t.lower[a].equals("tones")) {
        return a + 1 < limit && t.lower[a + 1].equals("of") ? a + 1 : a == j ? 0 : -1;
      }
    }
    return -1;
  }

  /** Words of degree before an adjective: "the more candid", "the very sensible". */
  private static final java.util.Set<String> DEGREE = java.util.Set.of("more", "most", "less", "very");

  /** Words after a speech verb that say to whom or how, not who. */
  private static final java.util.Set<String> OBJECT_WORDS = java.util.Set.of("him", "her",
      "them", "me", "us", "you", "it", "himself", "herself", "again", "aloud", "softly", "so",
      "nothing", "something", "everything", "yes", "no", "this", "that", "too", "once", "twice",
      "then", "now", "only", "out", "back");

  Cue subjectForward(int k, int limit, int[] end) {
    if (k >= limit || !t.isWord[k]) {
      return null;
    }
    String l = t.lower[k];
    int m = names.mentionStart[k];
    if (m >= 0 && !names.mentions.get(m).possessive) {
      end[0] = names.mentions.get(m).last;
      return new Cue(NAME, m, null, k);
    }
    int own = m < 0 ? -1 : names.mentions.get(m).last;
    if (own >= 0 && own < limit && (t.lower[own].equals("'s") || t.lower[own].equals("s"))) {
      own++;
    }
    if (own >= 0 && voiceOf(own, limit) == 0) {
      // "said Hamidullah's voice"
      end[0] = own + 1;
      return new Cue(NAME, m, null, k);
    }
    Cue p = pronoun(k);
    if (p != null) {
      end[0] = k + 1;
      return p;
    }
    if (l.equals("one") && k + 2 < limit && t.lower[k + 1].equals("of") && t.lower[k + 2].equals("the")) {
      // "said one of the gentlemen": the description after "of", one of them
      Cue d = subjectForward(k + 2, limit, end);
      if (d == null || d.kind != DESC) {
        return null;
      }
      d.partitive = true;
      return d;
    }
    if (Lexicon.DETERMINERS.contains(l) || m >= 0) {
      int j = k + 1;
      int of = voiceOf(j, limit);
      if (m < 0 && of > 0) {
        // "said the voice of Mr. Haq", "called the shattered voice of Aziz": the one whose voice it is
        Cue owner = subjectForward(of + 1, limit, end);
        if (owner != null) {
          return owner;
        }
      }
      if (m < 0) {
        // "the Rabbit", "the ingenious Giovanelli": determiner and adjectives before a name.
        for (int a = j; a < limit && a <= j + 3 && t.isWord[a]; a++) {
          int m2 = names.mentionStart[a];
          if (m2 >= 0) {
            if (names.mentions.get(m2).possessive || !Lexicon.MODIFIERS.contains(l)
                && !l.equals("the")) {
              break;
            }
            end[0] = names.mentions.get(m2).last;
            return new Cue(NAME, m2, null, a);
          }
          // "the lady from Geneva": a function word ends the description before the name ("the
          // more candid Lady Bertram": a word of degree does not).
          if (t.isCap(a) || verbs.at(a, limit) > 0
              || Lexicon.STOP.contains(t.lower[a]) && !DEGREE.contains(t.lower[a])) {
            break;
          }
        }
      }
      if (m >= 0) {
        j = names.mentions.get(m).last;
      }
      // A description: determiner + up to four lowercase words.
      String gender = null;
      int w = 0;
      while (j < limit && w < 4 && t.isWord[j] && !t.isCap(j)
          && verbs.at(j, limit) < 0 && (!verbs.isFiller(j) || w == 0 && adjectiveFirst(j, limit))
          && !t.lower[j].equals("to")
          && (w == 0 || !Salience.PREPOSITIONS.contains(t.lower[j]))
          && (!t.lower[j].equals("and") || pairedAdjective(j, w, limit))) {
        String g = nounGender(t.lower[j]);
        if (g != null) {
          gender = g;
        }
        j++;
        w++;
      }
      if (w == 0) {
        return null;
      }
      end[0] = j;
      Cue d = new Cue(DESC, -1, gender, k);
      d.descEnd = j;
      return d;
    }
    // "poor Alice", "little Piglet", "dour Major Callendar": an adjective before a name.
    boolean adjective = Lexicon.MODIFIERS.contains(l) || !t.isCap(k) && !Lexicon.STOP.contains(l)
        && !l.endsWith("ly") && !verbs.isFiller(k) && verbs.at(k, limit) < 0 && !OBJECT_WORDS.contains(l);
    if (adjective && k + 1 < limit && names.mentionStart[k + 1] >= 0
        && !names.mentions.get(names.mentionStart[k + 1]).possessive) {
      int m2 = names.mentionStart[k + 1];
      end[0] = names.mentions.get(m2).last;
      return new Cue(NAME, m2, null, k + 1);
    }
    return null;
  }

  /**
   * "said the first housemaid", "said the elderly lady": right after the determiner, "first" or a
   * word in -ly is the description's adjective, not a filler ("said he first", "said she softly"),
   * when a lowercase noun follows it.
   */
  private boolean adjectiveFirst(int j, int limit) {
    String l = t.lower[j];
    return (l.equals("first") || l.endsWith("ly")) && j + 1 < limit && t.isWord[j + 1]
        && !t.isCap(j + 1) && verbs.at(j + 1, limit) < 0 && !verbs.isFiller(j + 1)
        && !Lexicon.STOP.contains(t.lower[j + 1]);
  }

  /** "a haughty and magnificent nephew": "and" at j joins two adjectives of one description. */
  private boolean pairedAdjective(int j, int w, int limit) {
    return w >= 1 && j + 2 < limit && t.isWord[j + 1] && !t.isCap(j + 1) && t.isWord[j + 2]
        && !t.isCap(j + 2) && !Lexicon.STOP.contains(t.lower[j + 1])
        && !Lexicon.DETERMINERS.contains(t.lower[j + 1]) && verbs.at(j + 1, limit) < 0
        && verbs.at(j + 2, limit) < 0 && !Lexicon.STOP.contains(t.lower[j + 2]);
  }

  /** A subject whose last token is k: "Alice", "the old man", "she". */
  Cue subjectEndingAt(int k, int min) {
    int m = names.mentionEnd[k];
    if (m >= 0 && !names.mentions.get(m).possessive) {
      return new Cue(NAME, m, null, names.mentions.get(m).first);
    }
    Cue p = pronoun(k);
    if (p != null) {
      return p;
    }
    if (k > 0 && (t.lower[k].equals("voice") || t.lower[k].equals("tones"))) {
      // "Hamidullah's voice said"
      Cue owner = possessiveAt(k - 1);
      if (owner != null) {
        return owner;
      }
    }
    if (!t.isWord[k] || t.isCap(k) && !t.sentenceStart[k]
        || Lexicon.CLAUSE_OPENERS.contains(t.lower[k]) || Lexicon.STOP.contains(t.lower[k])) {
      // "the clock and said": a description ends in a noun, not a conjunction.
      return null;
    }
    String gender = null;
    for (int j = k; j >= min && j >= k - 4; j--) {
      if (!t.isWord[j]) {
        return null;
      }
      String l = t.lower[j];
      String g = nounGender(l);
      if (g != null && gender == null) {
        gender = g;
      }
      if (Lexicon.DETERMINERS.contains(l) || names.mentionEnd[j] >= 0
          && names.mentions.get(names.mentionEnd[j]).possessive) {
        if (j == k) {
          return null;
        }
        Cue d = new Cue(DESC, -1, gender, j);
        d.descEnd = k + 1;
        return d;
      }
    }
    return null;
  }

  Cue pronoun(int k) {
    String l = t.lower[k];
    switch (l) {
      case "he":
        return new Cue(PRONOUN, -1, "male", k);
      case "she":
        return new Cue(PRONOUN, -1, "female", k);
      case "it":
        // Animals and things speak as "it": any gender fits.
        return new Cue(PRONOUN, -1, null, k);
      case "i":
        return firstPerson && t.word[k].equals("I") ? new Cue(FIRST, -1, null, k) : null;
      default:
        return null;
    }
  }

  static String nounGender(String l) {
    if (Lexicon.MALE_NOUNS.contains(l)) {
      return "male";
    }
    if (Lexicon.FEMALE_NOUNS.contains(l)) {
      return "female";
    }
    return null;
  }
}
