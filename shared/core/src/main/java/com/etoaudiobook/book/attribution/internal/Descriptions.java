package com.etoaudiobook.book.attribution.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Speakers known only by a description ("said the turnkey", "said a little hump-backed man")
 * become characters of their own, one per description ("The Turnkey"), instead of being
 * resolved to a named neighbour. Plain descriptions of a person ("the old man", "the girl") may
 * well be a named character and are left to pronoun-like resolution, unless a new person is
 * introduced with "a"/"an".
 */
final class Descriptions {

  /** Heads that say little more than "a person": "the old man" is often someone named. */
  static final Set<String> GENERIC = Set.of("man", "woman", "girl", "boy", "lady",
      "gentleman", "fellow", "child", "person", "youth", "lad", "lass", "creature", "mother",
      "father", "wife", "husband", "son", "daughter", "sister", "brother", "aunt", "uncle",
      "cousin", "friend", "companion", "host", "hostess", "guest", "visitor", "stranger",
      "men", "women", "people");

  /** Heads that are not a speaker at all, or point back to one ("the latter"). */
  static final Set<String> NOT_SPEAKERS = Set.of("voice", "voices", "other", "others",
      "latter", "former", "one", "first", "second", "third", "rest", "same", "whole", "two",
      "three", "last", "next", "words", "answer", "reply", "question", "way", "thing", "air",
      "tone", "look", "face", "eyes", "lips", "pair", "couple", "both", "all", "story",
      "moment", "instant", "time", "whisper", "undertone", "accents", "manner", "murmur", "minute", "day", "night", "while", "end", "loud");

  /** Stop words that are adjectives before a description's head: "a little man". */
  private static final Set<String> ADJECTIVES = Set.of("little", "first");

  /** Words that end a description before its head: "the woman aloud", "a voice without". */
  private static final Set<String> BREAKS = Set.of("aloud", "without", "within", "again",
      "once", "too", "as", "like", "than", "close", "behind", "below", "above", "outside",
      "came", "went", "got", "took", "made", "stood", "sat", "began", "saw", "somewhat",
      "himself", "herself", "itself", "up", "down", "out", "off", "deal");

  /** "the consequence", "the occasion", "the silence": abstract nouns do not speak. */
  static final java.util.regex.Pattern ABSTRACT =
      java.util.regex.Pattern.compile("(ness|ion|ence|ance|ment|ity|ure)$");

  private final Tokens t;
  private final Names names;
  private final Animacy animacy;
  private final Map<String, Integer> byName = new HashMap<>();

  Descriptions(Tokens t, Names names) {
    this.t = t;
    this.animacy = new Animacy(t);
    this.names = names;
  }

  /** The character the description of cue c names, created on first use, or -2. */
  int speaker(Cue c) {
    return speaker(c, false);
  }

  /**
   * The role of the description the narration just gave someone a pronoun cue no one named fits
   * ("the old lady", "her guest"): a generic head too, as there is no one else it could be.
   */
  int unnamed(Cue c) {
    return speaker(c, true);
  }

  /**
   * Whether a description is a plain noun for someone {@code gender} calls "he" or "she": of that
   * gender by its words ("the old lady"), or of none ("her guest").
   */
  boolean couldBe(Cue c, String gender) {
    String head = t.lower[c.descEnd - 1];
    if (!GENERIC.contains(head)) {
      return false;
    }
    // the words' own gender ("brother", "old lady", "housemaid"), not the text's pronouns near them
    String own = null;
    for (int k = c.descEnd - 1; own == null && k > c.tok; k--) {
      own = Subjects.nounGender(t.lower[k]);
      own = own != null ? own : Animacy.markedGender(t.lower[k]);
    }
    return own == null || own.equals(gender);
  }

  private int speaker(Cue c, boolean unnamed) {
    if (c.kind != Cue.DESC || c.descEnd <= c.tok + 1) {
      return -2;
    }
    String det = t.lower[c.tok];
    boolean indefinite = det.equals("a") || det.equals("an") || c.partitive;
    // "said Scrooge's nephew": a name's possessive is a determiner, the nephew the one "the nephew" is
    boolean owned = names.mentionEnd[c.tok] >= 0 && names.mentions.get(names.mentionEnd[c.tok]).possessive;
    if (!indefinite && !owned && !det.equals("the") && !(unnamed && (det.equals("her") || det.equals("his")))) {
      return -2;
    }
    int marked = marked(c.tok);
    if (marked >= 0) {
      return role(c, c.tok + 1, marked);
    }
    int last = c.descEnd - 1;
    // one of the gentlemen is a gentleman
    String head = c.partitive ? singular(t.lower[last]) : t.lower[last];
    for (int k = c.tok + 1; k <= last; k++) {
      // Only adjectives and nouns: "the seat and" or "the moment in" is no description.
      String w = t.lower[k];
      if (w.equals("and") && k > c.tok + 1 && k < last - 1) {
        continue;  // "a haughty and magnificent nephew"
      }
      // Before the head, "little", "first", "elderly" and "hump-backed" are adjectives.
      boolean adjective = k < last && (ADJECTIVES.contains(w) || w.endsWith("ly")
          || w.indexOf('-') > 0 && w.endsWith("ed"));
      if (!t.isWord[k] || t.isCap(k) || !adjective && (Lexicon.STOP.contains(w)
          || w.endsWith("ly") || w.length() > 4 && w.endsWith("ed"))
          || BREAKS.contains(w)
          || Lexicon.CLAUSE_OPENERS.contains(w) || Salience.PREPOSITIONS.contains(w)
          || !w.chars().allMatch(ch -> java.lang.Character.isLetter(ch) || ch == '-')) {
        return -2;
      }
    }
    // "said the stranger": someone the narration does not know by name, so none of those it does (Oliver
    // Twist's Monks, The Invisible Man's Griffin, before they are named); a role of its own
    if (NOT_SPEAKERS.contains(head) || GENERIC.contains(head) && !indefinite && !head.equals("stranger") && !unnamed
        && !newcomer(c.tok, head)
        || ABSTRACT.matcher(head).find() || !unnamed && !endsThere(c.descEnd) || voiceAfter(c.descEnd)) {
      return -2;
    }
    int titled = titledCharacter(head);
    if (titled != -3) {
      // "the doctor" in a book with one Dr. Aziz is him; with several doctors, unknown. A title
      // someone bears is a person's ("the count" of Count Mippi), whatever else the word means.
      return titled;
    }
    if (!GENERIC.contains(head) && !animacy.person(head)) {
      // "said the sky", "the glee began": a thing, not someone of their own.
      return -2;
    }
    int linked = linkedCharacter(head);
    if (linked >= 0) {
      return linked;
    }
    // "The Hump-backed Man", "The Turnkey": the head and the word before it.
    int from = Math.max(c.tok + 1, last - 1);
    if (GENERIC.contains(head) || !t.isWord[from]) {
      from = last - (t.isWord[last - 1] && last - 1 > c.tok ? 1 : 0);
    }
    return role(c, from, last);
  }

  /**
   * "said the gentleman in the white waistcoat": a person told apart by what they wear or carry
   * is someone of their own, whatever the head noun. The last token of "[adjective] head in|with
   * the|a [adjective] noun" after determiner d when the phrase ends there, else -1.
   */
  private int marked(int d) {
    int h = d + 1;
    if (h + 3 >= t.size || !t.isWord[h] || t.isCap(h)) {
      return -1;
    }
    if (!GENERIC.contains(t.lower[h])) {
      h++;  // "the old gentleman in …": one adjective before the head
    }
    String head = t.lower[h];
    String prep = t.lower[h + 1];
    if (!GENERIC.contains(head) || !(prep.equals("in") || prep.equals("with"))) {
      return -1;
    }
    String det = t.lower[h + 2];
    if (!det.equals("the") && !det.equals("a") && !det.equals("an")) {
      return -1;
    }
    for (int k = h + 3; k < t.size && k <= h + 5; k++) {
      String w = t.lower[k];
      if (!t.isWord[k] || t.isCap(k) || Lexicon.STOP.contains(w) || w.endsWith("ly")
          || NOT_SPEAKERS.contains(w) || ABSTRACT.matcher(w).find()) {
        return -1;
      }
      if (k + 1 >= t.size || !t.isWord[k + 1] || t.quote[k + 1] >= 0) {
        return MANNER.contains(w) ? -1 : k;
      }
    }
    return -1;
  }

  /**
   * "said an old gentleman with a courteous bow", "said the lad in a whisper": how a line is said,
   * not what tells the speaker apart.
   */
  private static final Set<String> MANNER = Set.of("bow", "smile", "grin", "laugh", "chuckle",
      "sigh", "nod", "shrug", "grumble", "growl", "groan", "frown", "scowl", "sneer", "wink",
      "glance", "look", "gesture", "flourish", "yawn", "sob", "shudder", "cough", "whisper",
      "murmur", "mutter", "hurry", "rage", "fury", "temper", "huff", "tone", "voice", "drawl",
      "lisp", "stammer", "accent", "start", "jerk", "wave", "twinkle", "air", "way");

  /** Paragraphs back a generic noun brought in with "a" is looked for ({@link #newcomer}). */
  private static final int NEWCOMER_PARAGRAPHS = 6;

  /**
   * "cried a terrible voice, as a man started up from among the graves ... said the man": a plain
   * noun the narration has just brought in with "a" ("a man", "a fearful man"), naming no one
   * since, is that newcomer, not someone named before.
   */
  private boolean newcomer(int tok, String head) {
    int p = t.para[tok];
    for (int k = tok - 1; k > 0 && t.para[k] >= p - NEWCOMER_PARAGRAPHS; k--) {
      if (namedAt(k)) {
        return false;
      }
      if (t.quote[k] < 0 && t.lower[k].equals(head) && indefiniteBefore(k)) {
        // "requested to see Mr. Brownlow ... was presented to an elderly gentleman": named just before, in its paragraph
        return !namedBefore(k);
      }
    }
    return false;
  }

  /** Someone named in the narration of k's paragraph before k. */
  private boolean namedBefore(int k) {
    for (int j = k - 1; j >= t.paraFirst[t.para[k]]; j--) {
      if (namedAt(j)) {
        return true;
      }
    }
    return false;
  }

  /** A name of someone in the cast starts at token j, in the narration. */
  private boolean namedAt(int j) {
    int m = names.mentionStart[j];
    return t.quote[j] < 0 && m >= 0 && names.mentions.get(m).character >= 0;
  }

  /** "a man", "an old man", "a fearful old man": "a" or "an" up to two lower-case words before. */
  private boolean indefiniteBefore(int k) {
    for (int j = k - 1; j >= 0 && j >= k - 3; j--) {
      if (t.lower[j].equals("a") || t.lower[j].equals("an")) {
        return true;
      }
      if (!t.isWord[j] || t.isCap(j) || Lexicon.STOP.contains(t.lower[j])) {
        return false;
      }
    }
    return false;
  }

  /** Paragraphs within which a described role's noun with a new adjective is still that role. */
  private static final int SAME_SCENE = 4;

  /** The description role named by tokens from..last ("The Turnkey"), created on first use. */
  private int role(Cue c, int from, int last) {
    // "One Of The Gentlemen": told apart from the others by nothing but being one of them
    StringBuilder name = new StringBuilder(c.partitive ? "One Of The" : "The");
    for (int k = from; k <= last; k++) {
      name.append(' ').append(NameForms.capitalized(t.lower[k]));
    }
    String key = name.toString();
    Integer id = byName.get(key);
    Integer plain = c.partitive || from == last ? null : byName.get("The " + NameForms.capitalized(t.lower[last]));
    if (id == null && plain != null && t.para[c.tok] - names.people.get(plain).describedAt <= SAME_SCENE) {
      // "said the sergeant" and, a few paragraphs on, "said the gallant sergeant": one sergeant
      id = plain;
    }
    if (id == null) {
      id = names.people.size();
      Names.Person p = new Names.Person(id, key);
      p.aliases.add(key);
      p.head = c.partitive ? singular(t.lower[last]) : t.lower[last];
      p.gender = c.gender != null ? c.gender : animacy.gender(p.head);
      names.people.add(p);
      byName.put(key, id);
    }
    names.people.get(id).describedAt = t.para[c.tok];
    return id;
  }

  /**
   * A description ends where the phrase does: at punctuation, a quote, a speech verb or a
   * function word ("the turnkey, who", "the doctor at last"), not before a name or another word
   * of the phrase ("the young Duke", "the prima donna").
   */
  private boolean endsThere(int k) {
    if (k >= t.size || !t.isWord[k] || t.quote[k] >= 0) {
      return true;
    }
    String w = t.lower[k];
    return !t.isCap(k) && (Lexicon.isSpeechVerb(w) || Salience.PREPOSITIONS.contains(w)
        || Lexicon.CLAUSE_OPENERS.contains(w) || Lexicon.FILLERS.contains(w)
        || w.equals("who") || w.equals("that") || w.endsWith("ly"));
  }

  /**
   * "came the thin, biting voice": the description's real head, after a list of adjectives, is a
   * voice or a tone, not a person called "The Thin".
   */
  private boolean voiceAfter(int k) {
    if (k >= t.size || !t.word[k].equals(",")) {
      return false;
    }
    for (int j = k + 1; j < t.size && j <= k + 3 && t.isWord[j] && !t.isCap(j); j++) {
      if (NOT_SPEAKERS.contains(t.lower[j])) {
        return true;
      }
      if (Lexicon.STOP.contains(t.lower[j]) || Salience.PREPOSITIONS.contains(t.lower[j])) {
        return false;
      }
    }
    return false;
  }

  /** First word of a multi-word alias ("dr" of "Dr. Aziz") -> the people bearing it. */
  private final Map<String, java.util.Set<Integer>> byFirstWord = new java.util.HashMap<>();
  /** People indexed so far: descriptions append roles while the book is resolved. */
  private int indexed;

  /** The one character whose title is this noun ("Dr." for "doctor"), -2 if several, else -3. */
  private int titledCharacter(String head) {
    // An index, not a scan of the cast per noun: every new description adds a role to the cast,
    // so a scan made a book of many one-off descriptions quadratic.
    for (; indexed < names.people.size(); indexed++) {
      Names.Person p = names.people.get(indexed);
      for (String a : p.aliases) {
        int sp = a.indexOf(' ');
        if (sp > 0) {
          String first = a.substring(0, sp).toLowerCase(Locale.ROOT).replace(".", "");
          byFirstWord.computeIfAbsent(first, x -> new java.util.TreeSet<>()).add(p.id);
        }
      }
    }
    String abbr = head.equals("doctor") ? "dr" : head;
    java.util.Set<Integer> ids = new java.util.TreeSet<>(byFirstWord.getOrDefault(head, Set.of()));
    ids.addAll(byFirstWord.getOrDefault(abbr, Set.of()));
    ids.removeIf(id -> names.people.get(id).dropped);
    return ids.isEmpty() ? -3 : ids.size() == 1 ? ids.iterator().next() : -2;
  }

  /** Head noun -> character -> times the text ties them together; built on first use. */
  private Map<String, Map<Integer, Integer>> links;

  /**
   * The character the text itself says the description is: "Mr. Bumble, the beadle",
   * "the Collector, Mr. Turton" (see {@link Appositions}). -2 when no one, or no one clearly, is.
   */
  private int linkedCharacter(String head) {
    if (links == null) {
      links = Appositions.collect(t, names);
    }
    int who = Appositions.best(links.get(head));
    return who >= 0 ? who : -2;
  }

  /** A plural head's singular: "gentlemen", "ladies", "witnesses", "girls". */
  static String singular(String w) {
    if (w.endsWith("men")) {
      return w.substring(0, w.length() - 3) + "man";
    }
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes")) {
      return w.substring(0, w.length() - 2);
    }
    return w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
  }

}
