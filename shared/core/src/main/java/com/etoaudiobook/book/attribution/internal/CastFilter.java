package com.etoaudiobook.book.attribution.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which grouped people are roles at all. A role is someone the book shows talking: a name that
 * is never the subject of a speech verb nor addressed in a quotation is someone talked about
 * (a painter, a composer, a book's hero, an opera) or a thing, a place, a song's words.
 */
final class CastFilter {

  private final Tokens t;
  private final Names names;

  CastFilter(Tokens t, Names names) {
    this.t = t;
    this.names = names;
  }

  /** Marks the people that are no role as dropped. */
  void drop(Map<String, Integer> formCount, Map<String, Integer> placeCount) {
    // times each is called by name (a vocative): someone spoken to at all is someone
    int[] calls = new int[names.people.size()];
    boolean[] inPassing = new boolean[names.people.size()];
    java.util.Arrays.fill(inPassing, true);
    int[] mentioned = new int[names.people.size()];
    for (Names.Mention m : names.mentions) {
      if (m.character >= 0) {
        // "the Schlegel retort": a family's name before a noun, no mention of one person.
        mentioned[m.character] += attributive(t, m) ? 0 : 1;
        calls[m.character] += addressed(t, m) ? 1 : 0;
        inPassing[m.character] &= mentionedOnly(t, m);
      }
    }
    for (Names.Person p : names.people) {
      if (p.into >= 0) {
        continue;  // dropped in favour of the person it is
      }
      int n = 0;
      int place = 0;
      for (String a : p.aliases) {
        n += formCount.getOrDefault(a, 0);
        place += placeCount.getOrDefault(a, 0);
      }
      // "in India", "to India", "of India": a silent name mostly after prepositions is a place,
      // whatever pronouns follow it.
      boolean placeLike = p.titleMale + p.titleFemale == 0 && place * 3 >= n;
      // A single word that never speaks, bears no title and is no known first name ("Islam")
      // is more likely a faith, a thing or a horse than someone who talks.
      boolean bareWord = p.titleMale + p.titleFemale == 0 && p.aliases.stream().noneMatch(
          a -> a.contains(" ") || NameForms.isKnownFirstName(a));
      // Never said to speak nor spoken to, and named once or twice in quotations or as an
      // author ("a new volume by Walter Pater", a song's title), or a real person the
      // characters talk about ("Beethoven", "Titian").
      boolean talkedAbout = calls[p.id] == 0 && mentioned[p.id] <= 2 && inPassing[p.id];
      // One misread cue ("As soon as Brahms had grunted himself out, she … said") does not
      // make a composer or an abstraction ("the statements of Democracy") speak.
      boolean untitled = p.titleMale + p.titleFemale == 0;
      boolean notSomeone = calls[p.id] == 0 && p.speeches <= 1 && untitled
          && (famous(p) || commonWord(p) || abstractWord(p, mentioned[p.id]));
      // (of no known gender, but called by name again and again: "my dear Watson", a first-person
      // narrator the narration calls "I")
      p.dropped = p.speeches == 0 && (p.gender == null && calls[p.id] < CALLED || placeLike || bareWord || talkedAbout)
          || placeLike && p.speeches * 4 <= place || notSomeone;
      if (PassingNames.notSomeone(t, names, p, calls[p.id] > 0)) {
        p.dropped = true;
        passing.add(p);
      }
    }
    // Named once in the whole book, never speaking nor spoken to: a passing reference ("a
    // play with Dr. Quill in it", "ex-President Hale"), whatever its title or gender; unless
    // "he said" just after may be his. Decided among the people kept so far, so a place of a
    // misread gender ("from New York") takes no pronoun from anyone.
    List<Names.Person> once = new ArrayList<>();
    for (Names.Person p : names.people) {
      if (p.into < 0 && !p.dropped && p.speeches == 0 && calls[p.id] == 0
          && mentioned[p.id] <= ONCE && !speaksAsPronoun(p) && !beforeTalk(p)) {
        once.add(p);
      }
    }
    once.forEach(p -> p.dropped = true);
    // "whether to prefer Lord Duberley or Dr. Pangloss": named once beside, and of one kind
    // with, a name in passing (a work's hero, a real person) is named in passing too.
    for (Names.Mention m : names.mentions) {
      Names.Person p = m.character < 0 ? null : names.people.get(m.character);
      if (p != null && !p.dropped && p.speeches == 0 && calls[p.id] == 0 && mentioned[p.id] <= ONCE
          && (coordinatedWithPassing(m.last, 1) || coordinatedWithPassing(m.first - 1, -1))) {
        p.dropped = true;
      }
    }
  }

  /** The word at k is "or" or "and" and the next name that way is someone named in passing. */
  private boolean coordinatedWithPassing(int k, int step) {
    if (k < 0 || k >= t.size || !t.lower[k].equals("or") && !t.lower[k].equals("and")) {
      return false;
    }
    int j = step > 0 ? k + 1 : k - 1;
    int other = j < 0 || j >= t.size ? -1 : step > 0 ? names.mentionStart[j] : names.mentionEnd[j];
    int c = other < 0 ? -1 : names.mentions.get(other).character;
    return c >= 0 && passing.contains(names.people.get(c));
  }

  /**
   * People named in passing ({@link PassingNames}): no roles, but still someone a "he said"
   * after them may be about, so a name beside them is not taken for the speaker.
   */
  private final java.util.Set<Names.Person> passing = new java.util.HashSet<>();

  /** Named at most this often, never speaking nor spoken to: no role. */
  private static final int ONCE = 1;
  /** Calls by name that make someone of no known gender, who never speaks, a person all the same. */
  private static final int CALLED = 3;

  /** -Dattribution.cast=true prints every person's evidence (stderr) for reading casts. */
  static final boolean SHOW = Boolean.getBoolean("attribution.cast");

  /** One line per person: kept, dropped or merged, forms, cues, gender, mentions (in quotes). */
  static void show(Tokens t, Names names) {
    int[] mentions = new int[names.people.size()];
    int[] quoted = new int[names.people.size()];
    for (Names.Mention m : names.mentions) {
      if (m.character >= 0) {
        mentions[m.character]++;
        quoted[m.character] += t.quote[m.first] >= 0 ? 1 : 0;
      }
    }
    for (Names.Person p : names.people) {
      String state = p.into >= 0 ? "into " + names.people.get(p.into).name
          : p.dropped ? "dropped" : "kept";
      System.err.printf("cast %s | %s | %s cues=%d gender=%s mentions=%d quoted=%d he=%d she=%d%n",
          state, p.name, p.aliases, p.speeches, p.gender, mentions[p.id], quoted[p.id], p.male,
          p.female);
    }
  }

  /**
   * Named only in quotations or after "by": a book, a song, an author ("a new volume by Walter
   * Pater"), not someone the story shows.
   */
  static boolean mentionedOnly(Tokens t, Names.Mention m) {
    return t.quote[m.first] >= 0 || m.first > 0 && t.lower[m.first - 1].equals("by");
  }

  /**
   * Every form of p is a real person's surname alone ("Beethoven", "Titian"); a full name
   * ("Tom Harlow") is someone of the story's, whoever else bore the surname, and so is a
   * first name ("Henry").
   */
  private static boolean famous(Names.Person p) {
    return !p.aliases.isEmpty() && p.aliases.stream().allMatch(a -> a.indexOf(' ') < 0
        && PersonNouns.isFamousSurname(a) && !NameForms.isKnownFirstName(a));
  }

  /**
   * Every form of p is one word the text mostly writes in lower case ("democracy", "providence")
   * and no first name: a noun capitalised for effect.
   */
  private boolean commonWord(Names.Person p) {
    return !p.aliases.isEmpty() && p.aliases.stream().allMatch(a -> {
      String l = a.toLowerCase(java.util.Locale.ROOT);
      return a.indexOf(' ') < 0 && !NameForms.isKnownFirstName(a) && !names.spokenAsWord(l)
          && names.lowerCount(l) > names.capCount(l);
    });
  }

  /** "the Vane temper", "the Vane house": an untitled name between "the" and a lowercase word. */
  static boolean attributive(Tokens t, Names.Mention m) {
    return m.title == null && m.first > 0 && t.lower[m.first - 1].equals("the") && m.last < t.size
        && t.isWord[m.last] && Character.isLowerCase(t.word[m.last].charAt(0));
  }

  /**
   * After its mention, "he said" ("she said") for p's gender comes before any other name of
   * that gender: the newcomer may be the one talking ("… as Robert Vayle. … 'Yes,' he said").
   */
  private boolean speaksAsPronoun(Names.Person p) {
    String pronoun = "male".equals(p.gender) ? "he" : "female".equals(p.gender) ? "she" : null;
    if (pronoun == null) {
      return false;
    }
    for (Names.Mention m : names.mentions) {
      if (m.character != p.id) {
        continue;
      }
      for (int k = m.last; k < t.size && k < m.last + LOOK_AHEAD; k++) {
        int other = names.mentionStart[k];
        // Another kept person of p's gender takes the pronoun, but not a name said to someone
        // ("Thank you, Ann."); nor does a pronoun two paragraphs on.
        Names.Person o = other < 0 || names.mentions.get(other).character < 0 ? null
            : names.people.get(names.mentions.get(other).character);
        if (o != null && o != p && o.into < 0 && (!o.dropped || passing.contains(o))
            && p.gender.equals(o.gender)
            && !addressed(t, names.mentions.get(other)) || t.para[k] > t.para[m.first] + 1) {
          break;
        }
        if (t.lower[k].equals(pronoun) && (k + 1 < t.size && Lexicon.isSpeechVerb(t.lower[k + 1])
            || k > 0 && Lexicon.isSpeechVerb(t.lower[k - 1]))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A quotation shares p's narration mention's paragraph or the next: the one just
   * named ("Mr. Brill came in") may be the one who talks, by a description or a pronoun.
   */
  private boolean beforeTalk(Names.Person p) {
    for (Names.Mention m : names.mentions) {
      if (m.character != p.id || t.quote[m.first] >= 0) {
        continue;
      }
      int k = m.first;
      while (k > 0 && t.para[k - 1] == t.para[m.first]) {
        k--;
      }
      for (; k < t.size && t.para[k] <= t.para[m.first] + 1; k++) {
        if (t.quote[k] >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** How far after a name its pronoun may still take a speech verb (tokens, at most). */
  private static final int LOOK_AHEAD = 300;

  /**
   * Every form of p is one word with the ending of an abstract noun ("Democracy", "Socialism"),
   * or, named once, of an adjective of nation or style ("Georgian", "Japanese"): some surnames
   * end so too ("Lucian"), but are named more than once. No first name is either.
   */
  private static boolean abstractWord(Names.Person p, int mentioned) {
    return !p.aliases.isEmpty() && p.aliases.stream().allMatch(a -> a.indexOf(' ') < 0
        && !NameForms.isKnownFirstName(a) && (NameForms.hasAbstractNounEnding(a)
        || mentioned <= 1 && NameForms.hasAdjectiveEnding(a)));
  }

  /**
   * A name said to its bearer: "Thank you, Alice.", "Alice, come here", "…, Alice?", "dear
   * Alice". A name alone before "!" is as often an exclamation about someone ("Beethoven!").
   */
  static boolean addressed(Tokens t, Names.Mention m) {
    int q = t.quote[m.first];
    if (q < 0) {
      return false;
    }
    int before = m.first - 1;
    int after = m.last;
    boolean start = before < t.quoteFirst[q] || "\"\u201C\u2018'".contains(t.word[before]);
    boolean end = after >= t.quoteLast[q];
    String prev = start ? "" : t.isWord[before] ? t.lower[before] : t.word[before];
    String next = end ? "" : t.word[after];
    boolean commaBefore = prev.equals(",");
    boolean openBefore = start || commaBefore || prev.equals("dear") || prev.equals("my")
        || prev.equals("o") || prev.equals("oh");
    boolean closeAfter = end || next.equals(",") || next.equals(".") || next.equals("?")
        || next.equals("!") || next.equals(";");
    return openBefore && closeAfter && (next.equals(",") || commaBefore && !start
        || !prev.isEmpty() && !commaBefore);
  }
}
