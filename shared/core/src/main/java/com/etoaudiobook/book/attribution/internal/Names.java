package com.etoaudiobook.book.attribution.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds proper-name mentions in the token stream and groups them into characters: titles are
 * kept, "Mr. Darcy", "Darcy" and "Fitzwilliam Darcy" become one character, gender comes from
 * titles, a first-name list and the pronouns that follow the name.
 */
final class Names {

  /** A proper-name mention spanning tokens [first, last). */
  static final class Mention {
    final int first;
    final int last;
    final String title;
    final String core;
    final String form;
    final boolean possessive;
    int character = -1;

    Mention(int first, int last, String title, String core, boolean possessive) {
      this(first, last, title, core, possessive, false);
    }

    /** A postfix title follows the core: "Hamidullah Begum". */
    Mention(int first, int last, String title, String core, boolean possessive, boolean postfix) {
      this.first = first;
      this.last = last;
      this.title = title;
      this.core = core;
      this.form = title == null ? core : postfix ? core + " " + title : title + " " + core;
      this.possessive = possessive;
    }
  }

  /** A character under construction. */
  static final class Person {
    final int id;
    String name;
    final Set<String> aliases = new LinkedHashSet<>();
    String gender;
    /** The gender the pronoun votes lean to, when they do not decide it. */
    String lean;
    int male;
    int female;
    int titleMale;
    int titleFemale;
    int speeches;
    boolean dropped;
    /** The person this one was found to be (see {@link CastMerges}), or -1. */
    int into = -1;
    /** For a role known only by a description ("The First Housemaid"): its head noun. */
    String head;
    /** For such a role: the paragraph that last described it ("said the housemaid"). */
    int describedAt;

    Person(int id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  private final Tokens t;
  private final Map<String, Integer> capMid = new HashMap<>();
  private final Map<String, Integer> lowerCount = new HashMap<>();
  final List<Mention> mentions = new ArrayList<>();
  /** Mention index starting at / ending at (last token) each token, or -1. */
  final int[] mentionStart;
  final int[] mentionEnd;
  final List<Person> people = new ArrayList<>();

  Names(Tokens t) {
    this.t = t;
    mentionStart = new int[t.size];
    mentionEnd = new int[t.size];
    java.util.Arrays.fill(mentionStart, -1);
    java.util.Arrays.fill(mentionEnd, -1);
    countCase();
    findHouseholdSpeakers();
    findMentions();
  }

  private static String base(String lower) {
    if (lower.endsWith("'s") || lower.endsWith("\u2019s")) {
      return lower.substring(0, lower.length() - 2);
    }
    return lower;
  }

  private void countCase() {
    for (int i = 0; i < t.size; i++) {
      if (!t.isWord[i]) {
        continue;
      }
      String b = base(t.lower[i]);
      if (t.isCap(i)) {
        if (!t.sentenceStart[i]) {
          capMid.merge(b, 1, Integer::sum);
        }
      } else if (java.lang.Character.isLowerCase(t.word[i].charAt(0))) {
        lowerCount.merge(b, 1, Integer::sum);
      }
    }
  }

  /** How often the word is written with a capital inside a sentence. */
  int capCount(String lower) {
    return capMid.getOrDefault(lower, 0);
  }

  /** How often the word is written in lower case: "collector" is a noun, not a name. */
  int lowerCount(String lower) {
    return lowerCount.getOrDefault(lower, 0);
  }

  /** A capitalised word the text treats as a name: capitalised mid-sentence more than not. */
  boolean isNameWord(int i) {
    if (!t.isCap(i) || t.isAllCaps(i)) {
      return false;
    }
    // (a curly apostrophe as the straight one: "I’m" is no name, as "I'm" is none)
    String b = base(t.lower[i]).replace('\u2019', '\'');
    if (Lexicon.MONTHS.contains(b) && (actsAt(i, i + 1) || i + 1 < t.size
        && t.para[i + 1] == t.para[i] && !Lexicon.MONTHS.contains(t.lower[i + 1])
        && isNameWord(i + 1))) {
      // "May Welland", "May turned": the month, or the modal, is a first name here.
      return true;
    }
    if (Lexicon.STOP.contains(b) || Lexicon.SPEECH_VERBS.contains(b) || Tokens.isTitle(b)
        || Lexicon.POSTFIX_TITLES.contains(b) || b.length() < 2) {
      return false;
    }
    int cap = capMid.getOrDefault(b, 0);
    // "Nanny rose": the word the narration makes a speaker of ("said nanny") is her name in capitals
    return cap >= 1 && lowerCount.getOrDefault(b, 0) <= cap || spokenAsWord.contains(b);
  }

  /**
   * A sentence-initial capitalised word never seen elsewhere, directly followed by a name word:
   * the first name of "Fitzwilliam Darcy arrived".
   */
  private boolean isUnknownInitialWord(int i) {
    if (!t.sentenceStart[i] || !t.isCap(i) || t.isAllCaps(i) || i + 1 >= t.size
        || t.para[i + 1] != t.para[i] || !isNameWord(i + 1) || isPossessive(i)) {
      return false;
    }
    String b = t.lower[i];
    // "Unluckily Aziz", "What'll Fagin": adverbs and contractions open sentences, not names.
    return !Lexicon.STOP.contains(b) && !Lexicon.SPEECH_VERBS.contains(b) && !Tokens.isTitle(b)
        && lowerCount.getOrDefault(b, 0) == 0 && b.length() > 1 && !b.endsWith("ly")
        && b.indexOf('\'') < 0 && b.indexOf('\u2019') < 0 && !Lexicon.SENTENCE_ADVERBS.contains(b);
  }

  private boolean isPossessive(int i) {
    String l = t.lower[i];
    return l.endsWith("'s") || l.endsWith("\u2019s");
  }

  private void findMentions() {
    int i = 0;
    while (i < t.size) {
      if (t.paraFirst[t.para[i]] == i && isHeading(t.para[i])) {
        // Chapter titles are in title case: "The Rabbit Sends in a Little Bill".
        i = t.paraLast[t.para[i]];
        continue;
      }
      int next = tryMention(i);
      i = next > i ? next : i + 1;
    }
  }

  private boolean isHeading(int p) {
    int words = 0;
    int caps = 0;
    for (int k = t.paraFirst[p]; k < t.paraLast[p]; k++) {
      if (t.quote[k] >= 0) {
        return false;
      }
      if (t.isWord[k]) {
        words++;
        if (t.isCap(k) || java.lang.Character.isDigit(t.word[k].charAt(0))) {
          caps++;
        }
      }
    }
    return words > 0 && words <= 14 && caps * 2 > words;
  }

  /** Titles written as abbreviations, the only ones a dot belongs to. */
  private static final Set<String> ABBREVIATED_TITLES = Set.of("mr", "mrs", "ms", "dr", "prof",
      "rev", "mme", "mlle", "messrs", "capt", "col", "gen", "lt", "sgt", "hon", "m");

  /** Titles a family calls one of its own by, alone: "Father", "Uncle", "Aunt". */
  static final Set<String> KIN_TITLES = Set.of("father", "uncle", "aunt");

  /** The household words the narration writes as a speaker, in lower case ("said nanny"). */
  private final Set<String> spokenAsWord = new java.util.HashSet<>();

  /** Whether the narration names a speaker by this household word in lower case: a name, though a common word. */
  boolean spokenAsWord(String lower) {
    return spokenAsWord.contains(lower);
  }

  /**
   * Words a household calls one of its own by, written in lower case as a speaker: "said nanny",
   * "cried granny". Only right after a speech verb, with no determiner: "said the nurse" is a
   * description, "said nanny" a name.
   */
  static final Set<String> HOUSEHOLD_NAMES = Set.of("nanny", "nurse", "granny", "grandma",
      "grandpa", "grannie", "mummy", "mammy", "daddy", "mamma", "papa", "auntie", "cook");

  /** "said nanny": a household word in lower case as a speaker, right after the speech verb. */
  private boolean householdSpeaker(int i) {
    return t.isWord[i] && i > 0 && t.quote[i] < 0 && HOUSEHOLD_NAMES.contains(t.lower[i])
        && java.lang.Character.isLowerCase(t.word[i].charAt(0))
        && Lexicon.SPEECH_VERBS.contains(t.lower[i - 1])
        && (i + 1 >= t.size || !t.isWord[i + 1] || t.para[i + 1] != t.para[i]
        || t.lower[i + 1].endsWith("ly"));
  }

  /** The household words the narration makes speakers of, before any mention is read: "Nanny rose" is her too. */
  private void findHouseholdSpeakers() {
    for (int i = 1; i < t.size; i++) {
      if (householdSpeaker(i)) {
        spokenAsWord.add(t.lower[i]);
      }
    }
  }

  private int tryMention(int i) {
    if (householdSpeaker(i)) {
      String name = java.lang.Character.toUpperCase(t.word[i].charAt(0)) + t.word[i].substring(1);
      add(new Mention(i, i + 1, null, name, false));
      return i + 1;
    }
    if (!t.isWord[i] || !t.isCap(i)) {
      return i;
    }
    String title = null;
    int j = i;
    String l = t.lower[i];
    if (Tokens.isTitle(l) && !t.isAllCaps(i)) {
      title = t.word[i];
      j = i + 1;
      // Only an abbreviation takes the dot: "the Duke. New York" ends a sentence.
      if (j < t.size && t.word[j].equals(".") && t.para[j] == t.para[i]
          && ABBREVIATED_TITLES.contains(l)) {
        title = title + ".";
        j++;
      }
      // "Doctor Aziz" and "Dr. Aziz" are one form of one name.
      if (l.equals("doctor")) {
        title = "Dr.";
      } else if (l.equals("mister")) {
        title = "Mr.";
      } else if (l.equals("cap’n") || l.equals("cap'n")) {
        title = "Captain"; // a sailor's "Cap'n Smollett" is the narration's Captain Smollett
      }
    }
    StringBuilder core = new StringBuilder();
    int k = j;
    int words = 0;
    boolean possessive = false;
    while (k < t.size && words < 4 && t.para[k] == t.para[i] && t.quote[k] == t.quote[i]) {
      boolean saint = saintName(k, i);
      if ((saint || isNameWord(k) || words == 0 && title == null && isUnknownInitialWord(k))
          && (words == 0 || !t.sentenceStart[k])) {
        if (core.length() > 0) {
          core.append(' ');
        }
        // "Neville St. Clair", "Lady St. Cloud", "St. John Rivers": "St." and the saint's name are
        // one word of the name (joined by a no-break space), not a name cut at "St".
        int last = saint ? k + 2 : k;
        if (saint) {
          core.append(t.word[k]).append(".\u00A0");
        }
        String w = t.word[last];
        if (isPossessive(last)) {
          w = w.substring(0, w.length() - 2);
          possessive = true;
        }
        core.append(w);
        words++;
        k = last + 1;
        if (possessive) {
          break;
        }
      } else if ((words > 0 || title != null) && particles(k) > 0) {
        // "Mr. van der Luyden", "Henry van der Luyden": the particles and the surname are one
        // word (joined by no-break spaces), so "van" is never taken for a first name.
        int n = particles(k);
        if (core.length() > 0) {
          core.append(' ');
        }
        for (int p = 0; p < n; p++) {
          core.append(t.word[k + p]).append('\u00A0');
        }
        String w = t.word[k + n];
        if (isPossessive(k + n)) {
          w = w.substring(0, w.length() - 2);
          possessive = true;
        }
        core.append(w);
        words++;
        k += n + 1;
        if (possessive) {
          break;
        }
      } else if (words > 0 && t.word[k].length() == 1 && t.isCap(k) && k + 2 < t.size
          && t.word[k + 1].equals(".") && isNameWord(k + 2)) {
        // A middle initial: "Annie P. Miller".
        core.append(' ').append(t.word[k]).append('.');
        k += 2;
      } else {
        break;
      }
    }
    if (words >= 2 && !possessive && particles(k) == 0 && gluedToPhrase(k)) {
      // "Margaret Howards End": the last word opens a capitalised phrase (a house, a title),
      // it is not the surname of the name before it.
      int back = k - 1;
      while (back > j && !t.isWord[back - 1]) {
        back--;
      }
      String c = core.toString();
      core.setLength(c.lastIndexOf(' '));
      k = back;
      words--;
    }
    if (words == 0) {
      if (title != null && Lexicon.STANDALONE_TITLES.contains(l) && !t.sentenceStart[i]) {
        // "the Duchess", "the Captain": a title used as a name.
        add(new Mention(i, i + 1, null, t.word[i], false));
        return i + 1;
      }
      if (title != null && KIN_TITLES.contains(l) && !t.sentenceStart[i] && i > 0
          && !Lexicon.DETERMINERS.contains(t.lower[i - 1]) && !t.isCap(i - 1)) {
        // "said Father", "asked Uncle": the family's word for one of them, as Mother is (not "the
        // Father", "our Father", "Holy Father")
        if (Lexicon.SPEECH_VERBS.contains(t.lower[i - 1])) {
          spokenAsWord.add(l);
        }
        add(new Mention(i, i + 1, null, t.word[i], false));
        return i + 1;
      }
      return i;
    }
    // A month alone is a date, not a name ("March" but not "March Hare"), unless it acts or
    // speaks: "May turned", "May exclaimed", "said May".
    if (words == 1 && title == null && Lexicon.MONTHS.contains(core.toString().toLowerCase())
        && !actsAt(i, k)) {
      return k;
    }
    if (title == null && !possessive && k < t.size && t.para[k] == t.para[i]
        && t.quote[k] == t.quote[i] && t.isCap(k)
        && Lexicon.POSTFIX_TITLES.contains(base(t.lower[k]))) {
      // "Hamidullah Begum", "Collector Sahib": a title after the name, not a surname.
      String w = t.word[k];
      if (isPossessive(k)) {
        w = w.substring(0, w.length() - 2);
        possessive = true;
      }
      add(new Mention(i, k + 1, w, core.toString(), possessive, true));
      return k + 1;
    }
    add(new Mention(i, k, title, core.toString(), possessive));
    return k;
  }

  /**
   * Tokens k to k + 2 of the mention begun at i are "St", "." and a capitalised word that is no
   * common word ("St. Clair", not "St. The"), in one paragraph and quotation.
   */
  private boolean saintName(int k, int i) {
    return Tokens.isSaint(t.word[k]) && k + 2 < t.size && t.word[k + 1].equals(".")
        && t.para[k + 2] == t.para[i] && t.quote[k + 2] == t.quote[i] && t.isWord[k + 2]
        && t.isCap(k + 2) && !t.isAllCaps(k + 2)
        && (!Lexicon.STOP.contains(base(t.lower[k + 2])) || saintCounts().getOrDefault(t.lower[k + 2], 0) >= 3);
  }

  /** How often each capitalised word follows "St." (a common word, "St. Just", is a name where it recurs; "St. The" does not). */
  private java.util.Map<String, Integer> saintCounts;

  private java.util.Map<String, Integer> saintCounts() {
    if (saintCounts == null) {
      saintCounts = new java.util.HashMap<>();
      for (int k = 0; k + 2 < t.size; k++) {
        if (Tokens.isSaint(t.word[k]) && t.word[k + 1].equals(".") && t.isWord[k + 2] && t.isCap(k + 2)) {
          saintCounts.merge(t.lower[k + 2], 1, Integer::sum);
        }
      }
    }
    return saintCounts;
  }

  /** Token k, right after a name, is a capitalised word of a phrase, not a name or a title. */
  private boolean gluedToPhrase(int k) {
    return k < t.size && k > 0 && t.para[k] == t.para[k - 1] && t.isWord[k] && t.isCap(k)
        && !t.sentenceStart[k] && !t.isAllCaps(k) && !isNameWord(k) && !Tokens.isTitle(t.lower[k])
        && t.quote[k] == t.quote[k - 1];
  }

  /** The one-word name at [i, k) is followed by a past tense or speech verb, or said by one. */
  private boolean actsAt(int i, int k) {
    if (k < t.size && t.isWord[k] && !t.isCap(k) && t.para[k] == t.para[i]) {
      String next = t.lower[k];
      if (next.length() > 3 && next.endsWith("ed") || Lexicon.isSpeechVerb(next)) {
        return true;
      }
    }
    return i > 0 && t.isWord[i - 1] && Lexicon.isSpeechVerb(t.lower[i - 1]);
  }

  private static final java.util.Set<String> PARTICLES = java.util.Set.of("van", "der", "von",
      "de", "du", "da", "di", "del", "della", "den", "ten", "ter", "la", "le");

  /** How many lowercase name particles start at k and are followed by a name word, or 0. */
  private int particles(int k) {
    int n = 0;
    while (k + n < t.size && n < 3 && t.isWord[k + n] && !t.isCap(k + n)
        && PARTICLES.contains(t.word[k + n]) && t.quote[k + n] == t.quote[k]) {
      n++;
    }
    return n > 0 && k + n < t.size && t.quote[k + n] == t.quote[k] && isNameWord(k + n)
        && !t.sentenceStart[k + n] ? n : 0;
  }

  private void add(Mention m) {
    int idx = mentions.size();
    mentions.add(m);
    mentionStart[m.first] = idx;
    mentionEnd[m.last - 1] = idx;
  }

  /** Stage 3: groups the mentions into characters (see {@link CastBuilder}). */
  void buildCharacters(Map<String, Integer> speakerForms) {
    new CastBuilder(t, this).build(speakerForms);
  }
}
