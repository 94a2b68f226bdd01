package com.etoaudiobook.book.attribution.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attribution rules. Works in three linear passes over the token stream: find the speech
 * cue next to every quotation, build the characters (knowing which names speak), then walk
 * the quotations in order resolving names, pronouns, descriptions and turn-taking.
 */
public final class Engine {

  public static final String NARRATOR = "_narr";

  /** One attributed span, in the internal form the public facade converts. */
  public record Result(int start, int end, String speaker, String type) {
  }

  /** A discovered character, in the internal form. */
  public record Person(String name, List<String> aliases, String gender) {
  }

  public record Output(List<Result> quotes, List<Person> people) {
  }

  private static final Set<String> OBJECTS = Set.of("him", "her", "them", "me", "us", "you",
      "himself", "herself", "itself", "themselves", "myself", "yourself", "one", "each",
      "everybody", "nobody", "somebody", "anybody", "everyone", "someone", "no-one");

  private static final Set<String> PREPOSITIONS = Set.of("to", "at", "with", "of", "for", "from",
      "by", "upon", "on", "towards", "toward", "into", "about", "behind", "beside", "near");

  private static final Set<String> KIN = Set.of("mother", "father", "aunt", "uncle", "sister",
      "brother", "wife", "husband", "son", "daughter", "cousin", "mamma", "mama", "papa",
      "friend", "companion", "hostess", "host", "niece", "nephew", "mistress", "master");

  private static final int NAME = 0;
  private static final int PRONOUN = 1;
  private static final int DESC = 2;
  private static final int FIRST = 3;

  /** The phrase that names who speaks a quotation. */
  private static final class Cue {
    final int kind;
    final int mention;
    final String gender;
    final int tok;
    /** "she said to herself", "he thought": no addressee, so no turn-taking. */
    boolean self;

    Cue(int kind, int mention, String gender, int tok) {
      this.kind = kind;
      this.mention = mention;
      this.gender = gender;
      this.tok = tok;
    }
  }

  private final String text;
  private final List<QuoteScanner.Paragraph> paras;
  private final List<QuoteScanner.Span> spans;
  private final Tokens t;
  private final Names names;
  private final boolean firstPerson;
  private Cue[] cues;
  private int[] speaker;
  /** Quotes attributed so far to each character: salience of the protagonist. */
  private int[] spoken;
  /** The cue being resolved is a thought or words to oneself. */
  private boolean selfTalk;
  private String[] type;

  private Engine(String text) {
    this.text = text;
    paras = QuoteScanner.paragraphs(text);
    spans = QuoteScanner.scan(text, paras);
    t = Tokens.of(text, paras, spans);
    names = new Names(t);
    firstPerson = isFirstPerson();
  }

  public static Output run(String text) {
    Engine e = new Engine(text);
    return e.attribute();
  }

  /** A narration "I" in this paragraph or the ten before it. */
  private boolean narratorNear(int p) {
    int from = t.paraFirst[Math.max(0, p - 10)];
    for (int k = from; k < t.paraLast[p]; k++) {
      if (t.quote[k] < 0 && t.word[k].equals("I")) {
        return true;
      }
    }
    return false;
  }

  /** First-person narration: "I" is common outside quotations. */
  private boolean isFirstPerson() {
    int words = 0;
    int i = 0;
    int iSaid = 0;
    for (int k = 0; k < t.size; k++) {
      if (t.quote[k] >= 0 || !t.isWord[k]) {
        continue;
      }
      words++;
      if (t.word[k].equals("I")) {
        i++;
        if (k + 1 < t.size && Lexicon.SPEECH_VERBS.contains(t.lower[k + 1])
            || k > 0 && Lexicon.SPEECH_VERBS.contains(t.lower[k - 1])) {
          iSaid++;
        }
      }
    }
    return words > 0 && (i * 200 >= words || iSaid >= 3);
  }

  private Output attribute() {
    int n = spans.size();
    cues = new Cue[n];
    Map<String, Integer> speakerForms = new HashMap<>();
    for (int q = 0; q < n; q++) {
      cues[q] = findCue(q);
      if (cues[q] != null && cues[q].kind == NAME) {
        speakerForms.merge(names.mentions.get(cues[q].mention).form, 1, Integer::sum);
      }
    }
    if (Boolean.getBoolean("attribution.debug")) {
      for (int q = 0; q < n; q++) {
        if (cues[q] != null && cues[q].kind == NAME) {
          System.err.println("cue " + names.mentions.get(cues[q].mention).form + " @"
              + t.start[cues[q].tok]);
        }
      }
    }
    names.buildCharacters(speakerForms);
    // A name cue that did not become a character (filtered) is no cue at all.
    for (int q = 0; q < n; q++) {
      if (cues[q] != null && cues[q].kind == NAME
          && names.mentions.get(cues[q].mention).character < 0) {
        cues[q] = null;
      }
    }
    speaker = new int[n];
    type = new String[n];
    spoken = new int[names.people.size()];
    java.util.Arrays.fill(speaker, -2);
    resolveAll();
    List<Result> out = new ArrayList<>(n);
    int[] speechCount = new int[names.people.size()];
    for (int q = 0; q < n; q++) {
      QuoteScanner.Span s = spans.get(q);
      String name = null;
      if (speaker[q] == -1) {
        name = NARRATOR;
      } else if (speaker[q] >= 0) {
        name = names.people.get(speaker[q]).name;
        speechCount[speaker[q]]++;
      }
      out.add(new Result(s.start(), s.end(), name, name == null ? "none" : type[q]));
    }
    List<Names.Person> sorted = new ArrayList<>(names.people);
    sorted.sort((a, b) -> Integer.compare(speechCount[b.id], speechCount[a.id]));
    List<Person> people = new ArrayList<>();
    for (Names.Person p : sorted) {
      if (p.dropped) {
        continue;
      }
      people.add(new Person(p.name, new ArrayList<>(p.aliases), p.gender));
    }
    return new Output(out, people);
  }

  // ---------------------------------------------------------------- cue finding

  private boolean isTerminator(int k) {
    if (t.isWord[k]) {
      return false;
    }
    String w = t.word[k];
    if (w.equals(".")) {
      // "Mr." does not end the phrase.
      return !(k > 0 && t.isWord[k - 1] && (Tokens.isTitle(t.lower[k - 1])
          || t.word[k - 1].length() == 1 && t.isCap(k - 1)));
    }
    return w.equals("!") || w.equals("?") || w.equals(";") || w.equals(":") || w.equals("(")
        || w.equals(")");
  }

  /** Index after a speech verb starting at k ("said", "went on"), or -1. */
  private int speechVerbAt(int k, int limit) {
    if (k >= limit || !t.isWord[k]) {
      return -1;
    }
    String l = t.lower[k];
    if (Lexicon.SPEECH_VERBS.contains(l)) {
      // "began to cry", "thought to go": an infinitive follows, this is not speech.
      if (k + 2 < limit && t.lower[k + 1].equals("to") && t.isWord[k + 2] && !t.isCap(k + 2)
          && !Lexicon.DETERMINERS.contains(t.lower[k + 2]) && !OBJECTS.contains(t.lower[k + 2])) {
        return -1;
      }
      // "called out Pooh", "spoke up": the particle belongs to the verb.
      if (k + 1 < limit && (Lexicon.PARTICLES.contains(t.lower[k + 1])
          || t.lower[k + 1].equals("up") || t.lower[k + 1].equals("back"))) {
        return k + 2;
      }
      return k + 1;
    }
    if (Lexicon.PARTICLE_VERBS.contains(l) && k + 1 < limit
        && Lexicon.PARTICLES.contains(t.lower[k + 1])) {
      return k + 2;
    }
    return -1;
  }

  private boolean isFiller(int k) {
    if (!t.isWord[k] || t.isCap(k) && t.quote[k] < 0 && !t.sentenceStart[k]) {
      return false;
    }
    String l = t.lower[k];
    return Lexicon.FILLERS.contains(l) || l.endsWith("ly") && l.length() > 4;
  }

  /** End of narration that belongs to the text around quote q: next quote or paragraph end. */
  private int narrationEnd(int from) {
    int p = t.para[Math.min(from, t.size - 1)];
    int k = from;
    // A cue sits within a few words of the quote; 40 tokens is plenty.
    while (k < t.size && k < from + 40 && t.para[k] == p && t.quote[k] < 0) {
      k++;
    }
    return k;
  }

  private Cue findCue(int q) {
    Cue c = findCue0(q);
    if (c != null && c.kind != NAME) {
      c.self = isSelfTalk(c.tok);
    }
    return c;
  }

  /** A thought or a reflexive ("to herself") within a few words of the subject. */
  private boolean isSelfTalk(int tok) {
    for (int k = Math.max(0, tok - 3); k < t.size && k <= tok + 5; k++) {
      String l = t.lower[k];
      if (t.quote[k] >= 0 && k > tok) {
        break;
      }
      if (l.equals("thought") || l.equals("herself") || l.equals("himself")
          || l.equals("itself") || l.equals("thinks") || l.equals("wondered")) {
        return true;
      }
    }
    return false;
  }

  private Cue findCue0(int q) {
    Cue before = cueBefore(q);
    int qs = t.quoteFirst[q];
    if (before != null && qs > 0 && t.quote[qs - 1] < 0 && t.para[qs - 1] == t.para[qs]
        && (t.word[qs - 1].equals(",") || t.word[qs - 1].equals(":")
        || t.word[qs - 1].startsWith("-") || t.word[qs - 1].startsWith("\u2014"))) {
      // '"…," said Alice, "…"' and 'the Gryphon interrupted: "…"': the phrase leading into
      // the quote names its speaker, whatever follows it.
      return before;
    }
    Cue after = cueAfter(q);
    return after != null ? after : before;
  }

  /** "…," said Alice / "…," Alice said / "…," she said / "…," said the old man. */
  private Cue cueAfter(int q) {
    int i = t.quoteLast[q];
    if (i >= t.size || t.para[i] != spans.get(q).paragraph()) {
      return null;
    }
    int limit = narrationEnd(i);
    int j = i;
    while (j < limit && !t.isWord[j] && !isTerminator(j)) {
      j++;
    }
    if (j >= limit || isTerminator(j) || Lexicon.CLAUSE_OPENERS.contains(t.lower[j])) {
      // '"Got it?" and Pooh said, "Yes"': the cue belongs to the next quote.
      return null;
    }
    int v = speechVerbAt(j, limit);
    if (v > 0) {
      return subjectAt(v, limit);
    }
    // Subject first: mention, pronoun or description, then fillers, then the verb.
    int[] end = new int[1];
    Cue c = subjectForward(j, limit, end);
    if (c == null) {
      return null;
    }
    int k = end[0];
    int fill = 0;
    while (k < limit && fill < 3 && isFiller(k)) {
      k++;
      fill++;
    }
    return speechVerbAt(k, limit) > 0 ? c : null;
  }

  /** Alice said, "…" / Said the Hatter: "…" / She turned to him and said, "…". */
  private Cue cueBefore(int q) {
    int qs = t.quoteFirst[q];
    int p = spans.get(q).paragraph();
    int from = t.paraFirst[p];
    if (q > 0 && spans.get(q - 1).paragraph() == p) {
      from = t.quoteLast[q - 1];
    }
    // Only the sentence that runs into the quote (bounded, so a huge unpunctuated paragraph
    // stays linear).
    from = Math.max(from, qs - 80);
    int s = from;
    for (int k = qs - 1; k >= from; k--) {
      if (isTerminator(k) && !t.word[k].equals(":")) {
        s = k + 1;
        break;
      }
    }
    if (s >= qs) {
      return null;
    }
    int words = 0;
    for (int v = qs - 1; v >= s && words < 12; v--) {
      if (!t.isWord[v]) {
        continue;
      }
      words++;
      int after = speechVerbAt(v, qs);
      if (after < 0) {
        continue;
      }
      // Subject before the verb, possibly with fillers: "Alice then said".
      int k = v - 1;
      int fill = 0;
      while (k >= s && fill < 3 && isFiller(k)) {
        k--;
        fill++;
      }
      if (k >= s) {
        Cue c = subjectEndingAt(k, s);
        if (c != null) {
          return c;
        }
      }
      if (k < s || !t.isWord[k] || Lexicon.CLAUSE_OPENERS.contains(t.lower[k])) {
        // Inverted, with nothing before the verb in its clause: "Then said the Hatter:".
        Cue inv = subjectAt(after, qs);
        if (inv != null) {
          return inv;
        }
      }
      if (k >= s && (t.lower[k].equals("who") || t.lower[k].equals("which"))) {
        // "the White Rabbit, who said": the name before the relative pronoun.
        int r = k - 1;
        while (r >= s && !t.isWord[r]) {
          r--;
        }
        return r >= s ? subjectEndingAt(r, s) : null;
      }
      // "Alice looked up and said", "an old Crab took the opportunity of saying": the
      // sentence subject.
      int[] end = new int[1];
      for (int m = s; m < v; m++) {
        if (t.isWord[m] && !Lexicon.CLAUSE_OPENERS.contains(t.lower[m]) && !isFiller(m)) {
          Cue c = subjectForward(m, v, end);
          // "It was all very well to say": a distant "it" is rarely a speaker.
          if (c != null && !(c.kind == PRONOUN && t.lower[c.tok].equals("it"))) {
            return c;
          }
          if (c != null) {
            return null;
          }
        }
      }
      return null;
    }
    return null;
  }

  /** A subject starting exactly at k (after a verb): name, pronoun, or description. */
  private Cue subjectAt(int k, int limit) {
    if (k >= limit) {
      return null;
    }
    int[] end = new int[1];
    return subjectForward(k, limit, end);
  }

  private Cue subjectForward(int k, int limit, int[] end) {
    if (k >= limit || !t.isWord[k]) {
      return null;
    }
    String l = t.lower[k];
    int m = names.mentionStart[k];
    if (m >= 0 && !names.mentions.get(m).possessive) {
      end[0] = names.mentions.get(m).last;
      return new Cue(NAME, m, null, k);
    }
    Cue p = pronoun(k);
    if (p != null) {
      end[0] = k + 1;
      return p;
    }
    if (Lexicon.DETERMINERS.contains(l) || m >= 0) {
      int j = k + 1;
      if (m < 0) {
        // "the Rabbit", "the ingenious Giovanelli": determiner and adjectives before a name.
        for (int a = j; a < limit && a <= j + 2 && t.isWord[a]; a++) {
          int m2 = names.mentionStart[a];
          if (m2 >= 0) {
            if (names.mentions.get(m2).possessive || !Lexicon.MODIFIERS.contains(l)
                && !l.equals("the")) {
              break;
            }
            end[0] = names.mentions.get(m2).last;
            return new Cue(NAME, m2, null, a);
          }
          // "the lady from Geneva": a function word ends the description before the name.
          if (t.isCap(a) || speechVerbAt(a, limit) > 0 || Lexicon.STOP.contains(t.lower[a])) {
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
          && speechVerbAt(j, limit) < 0 && !isFiller(j) && !t.lower[j].equals("to")
          && !t.lower[j].equals("and")) {
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
      return new Cue(DESC, -1, gender, k);
    }
    // "poor Alice", "little Piglet".
    if (Lexicon.MODIFIERS.contains(l) && k + 1 < limit && names.mentionStart[k + 1] >= 0
        && !names.mentions.get(names.mentionStart[k + 1]).possessive) {
      int m2 = names.mentionStart[k + 1];
      end[0] = names.mentions.get(m2).last;
      return new Cue(NAME, m2, null, k + 1);
    }
    return null;
  }

  /** A subject whose last token is k: "Alice", "the old man", "she". */
  private Cue subjectEndingAt(int k, int min) {
    int m = names.mentionEnd[k];
    if (m >= 0 && !names.mentions.get(m).possessive) {
      return new Cue(NAME, m, null, names.mentions.get(m).first);
    }
    Cue p = pronoun(k);
    if (p != null) {
      return p;
    }
    if (!t.isWord[k] || t.isCap(k) && !t.sentenceStart[k]) {
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
        return j == k ? null : new Cue(DESC, -1, gender, j);
      }
    }
    return null;
  }

  private Cue pronoun(int k) {
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

  private static String nounGender(String l) {
    if (Lexicon.MALE_NOUNS.contains(l)) {
      return "male";
    }
    if (Lexicon.FEMALE_NOUNS.contains(l)) {
      return "female";
    }
    return null;
  }

  // ---------------------------------------------------------------- resolution

  /** Narration mentions of characters seen so far: token index and character. */
  private final List<int[]> history = new ArrayList<>();
  private int nextMention;
  /** Turns: speaker and paragraph of each dialogue paragraph group, in order. */
  private final List<int[]> turns = new ArrayList<>();
  /** Characters addressed by name in the unit being resolved. */
  private Set<Integer> addressed = Set.of();

  private void advanceHistory(int upToTok) {
    List<Names.Mention> ms = names.mentions;
    while (nextMention < ms.size() && ms.get(nextMention).first < upToTok) {
      Names.Mention m = ms.get(nextMention++);
      // "Alice's sister" is not Alice: possessives don't make a name salient as a speaker.
      if (m.character >= 0 && !m.possessive) {
        history.add(new int[] {m.first, m.character, t.quote[m.first] >= 0 ? 1 : 0});
      }
    }
  }

  private void resolveAll() {
    int n = spans.size();
    int q = 0;
    while (q < n) {
      // A unit: the quotes of one paragraph, plus following paragraphs the speech runs on into.
      int end = q + 1;
      while (end < n && (spans.get(end).paragraph() == spans.get(end - 1).paragraph()
          || spans.get(end - 1).continued()
          && spans.get(end).paragraph() == spans.get(end - 1).paragraph() + 1)) {
        end++;
      }
      resolveUnit(q, end);
      q = end;
    }
  }

  private void resolveUnit(int from, int to) {
    int firstPara = spans.get(from).paragraph();
    // '"Hallo, Pooh," he said': whoever the quote calls by name is not its speaker.
    addressed = vocatives(from, to);
    advanceHistory(t.paraFirst[firstPara]);
    // Direct cues: a name, a pronoun or a description next to the quote.
    for (int q = from; q < to; q++) {
      Cue c = cues[q];
      if (c == null) {
        continue;
      }
      advanceHistory(c.tok);
      int who = resolveCue(c, q);
      if (who != -2) {
        speaker[q] = who;
        type[q] = c.kind == NAME ? "explicit" : "anaphoric";
      }
    }
    // Quotes without a cue take the nearest attributed quote of the unit, preceding first.
    boolean any = false;
    for (int q = from; q < to; q++) {
      any |= speaker[q] != -2;
    }
    if (any) {
      for (int q = from; q < to; q++) {
        if (speaker[q] != -2) {
          continue;
        }
        int src = -1;
        for (int r = q - 1; r >= from && src < 0; r--) {
          if (speaker[r] != -2 && cues[r] != null) {
            src = r;
          }
        }
        for (int r = q + 1; r < to && src < 0; r++) {
          if (speaker[r] != -2) {
            src = r;
          }
        }
        speaker[q] = speaker[src];
        type[q] = type[src];
      }
    } else {
      int who = implicitSpeaker(from, to);
      for (int q = from; q < to; q++) {
        speaker[q] = who;
        type[q] = "implicit";
      }
    }
    advanceHistory(t.quoteLast[to - 1]);
    int lastPara = spans.get(to - 1).paragraph();
    // The turn's speaker is the one of its last quote (a unit rarely holds two speakers).
    for (int q = from; q < to; q++) {
      if (speaker[q] >= 0) {
        spoken[speaker[q]]++;
      }
    }
    if (speaker[to - 1] != -2) {
      turns.add(new int[] {speaker[to - 1], firstPara, lastPara, from, to});
    }
  }

  private int resolveCue(Cue c, int q) {
    switch (c.kind) {
      case NAME:
        return names.mentions.get(c.mention).character;
      case FIRST:
        return -1;
      case DESC:
        int kin = kinship(c, q);
        if (kin != -2) {
          return kin;
        }
        return resolveAnaphor(c.gender, c.tok, q, true);
      case PRONOUN:
      default:
        selfTalk = c.self;
        int who = resolveAnaphor(c.gender, c.tok, q, false);
        selfTalk = false;
        return who;
    }
  }

  /**
   * "her mother", "his father": the Mrs./Mr. who shares a surname with someone who spoke
   * lately ("Daisy Miller" -> "Mrs. Miller"), when there is exactly one.
   */
  private int kinship(Cue c, int q) {
    String det = t.lower[c.tok];
    if (!det.equals("her") && !det.equals("his")) {
      return -2;
    }
    String title = null;
    for (int k = c.tok + 1; k < t.size && k <= c.tok + 3 && t.isWord[k]; k++) {
      String l = t.lower[k];
      if (l.equals("mother") || l.equals("mamma") || l.equals("mama")) {
        title = "mrs";
      } else if (l.equals("father") || l.equals("papa")) {
        title = "mr";
      }
    }
    if (title == null) {
      return -2;
    }
    Set<String> surnames = new HashSet<>();
    for (int k = turns.size() - 1; k >= 0 && k >= turns.size() - 6; k--) {
      int s = turns.get(k)[0];
      if (s >= 0) {
        String n = names.people.get(s).name;
        if (n.contains(" ")) {
          surnames.add(n.substring(n.lastIndexOf(' ') + 1));
        }
      }
    }
    int found = -2;
    for (Names.Person p : names.people) {
      if (p.dropped) {
        continue;
      }
      for (String a : p.aliases) {
        String l = a.toLowerCase(java.util.Locale.ROOT);
        int sp = a.lastIndexOf(' ');
        if ((l.startsWith(title + ".") || l.startsWith(title + " ")) && sp > 0
            && surnames.contains(a.substring(sp + 1)) && !addressed.contains(p.id)) {
          if (found == -2 || found == p.id) {
            found = p.id;
          } else {
            return -2;
          }
        }
      }
    }
    return found;
  }

  private String genderOf(int person) {
    return person < 0 ? null : names.people.get(person).gender;
  }

  private boolean fits(int person, String gender, boolean strict) {
    if (person < 0 || addressed.contains(person)) {
      return false;
    }
    if (gender == null) {
      return true;
    }
    String g = genderOf(person);
    return strict ? gender.equals(g) : g == null || gender.equals(g);
  }

  /** Resolves "he"/"she"/"the old man" at token tok, for quote q. */
  private int resolveAnaphor(String gender, int tok, int q, boolean description) {
    for (int pass = 0; pass < 2; pass++) {
      boolean strict = pass == 0;
      int who = anaphorCandidate(gender, tok, q, strict, description);
      if (who != -2) {
        return who;
      }
      if (gender == null) {
        break;
      }
    }
    return -2;
  }

  private int anaphorCandidate(String gender, int tok, int q, boolean strict, boolean desc) {
    int p = t.para[tok];
    // 1. The nearest fitting character earlier in the same paragraph: a narration mention
    // (a subject preferred) or who spoke an earlier quote there (gender may be unknown).
    int best = -2;
    int bestTok = -1;
    int weak = -2;
    for (int h = history.size() - 1; h >= 0; h--) {
      int[] e = history.get(h);
      if (t.para[e[0]] != p) {
        break;
      }
      if (e[2] == 0 && fits(e[1], gender, strict)) {
        if (e[0] > 0 && PREPOSITIONS.contains(t.lower[e[0] - 1])) {
          // "turning to Alice, she went on": an object is a weak antecedent.
          if (weak == -2) {
            weak = e[1];
          }
          continue;
        }
        if (best == -2) {
          best = e[1];
          bestTok = e[0];
        }
        if (isSubjectPosition(e[0])) {
          best = e[1];
          bestTok = e[0];
          break;
        }
      }
    }
    for (int r = q - 1; r >= 0 && spans.get(r).paragraph() == p; r--) {
      if (speaker[r] >= 0 && fits(speaker[r], gender, false) && cues[r] != null) {
        if (t.quoteFirst[r] > bestTok) {
          best = speaker[r];
          bestTok = t.quoteFirst[r];
        }
        break;
      }
    }
    if (best == -2) {
      best = weak;
    }
    if (best != -2 && !desc) {
      return best;
    }
    int[] last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
    // 1b. Narration paragraphs since the last speech: their latest fitting subject
    // ("Christopher Robin came slowly down his tree." / "Silly old Bear," he said).
    int narrFrom = last == null ? p - 3 : last[2] + 1;
    if (narrFrom < p && !desc) {
      for (int h = history.size() - 1; h >= 0; h--) {
        int[] e = history.get(h);
        int ep = t.para[e[0]];
        if (ep < narrFrom) {
          break;
        }
        if (ep < p && e[2] == 0 && isSubjectPosition(e[0]) && fits(e[1], gender, strict)) {
          return e[1];
        }
      }
    }
    // 2. Conversation: the participant that did not speak last, if the turns are adjacent.
    boolean adjacent = last != null && p - last[2] <= 2;
    if (adjacent && !selfTalk) {
      for (int k = turns.size() - 2; k >= 0 && k >= turns.size() - 4; k--) {
        int s = turns.get(k)[0];
        if (s != last[0] && p - turns.get(k)[2] <= 8 && fits(s, gender, strict)) {
          return s;
        }
      }
    }
    // 3. The most recent fitting name (narration first), skipping the last speaker.
    // Talking to oneself continues the last speaker rather than answering them.
    int lastSpeaker = adjacent && !selfTalk ? last[0] : -3;
    if (selfTalk && adjacent && fits(last[0], gender, strict)) {
      return last[0];
    }
    for (int h = history.size() - 1; h >= 0; h--) {
      int[] e = history.get(h);
      if (p - t.para[e[0]] > 6) {
        break;
      }
      // Names inside quotes ("won't the Duchess be savage") are talked about, not talking.
      if (e[2] == 0 && e[1] != lastSpeaker && fits(e[1], gender, strict)) {
        return e[1];
      }
    }
    if (last != null && fits(last[0], gender, strict) && p - last[2] <= 6) {
      return last[0];
    }
    if (best != -2) {
      return best;
    }
    for (int h = history.size() - 1; h >= 0 && history.size() - h < 60; h--) {
      if (fits(history.get(h)[1], gender, strict)) {
        return history.get(h)[1];
      }
    }
    return -2;
  }

  private boolean isSubjectPosition(int k) {
    if (t.sentenceStart[k]) {
      return true;
    }
    int prev = k - 1;
    if (prev >= 0 && (t.lower[prev].equals("the") || t.lower[prev].equals("poor")
        || t.lower[prev].equals("little"))) {
      if (t.sentenceStart[prev]) {
        return true;
      }
      prev--;
    }
    if (prev < 0) {
      return true;
    }
    String w = t.lower[prev];
    return w.equals(",") || w.equals(";") || w.equals("--") || w.equals("(")
        || Lexicon.CLAUSE_OPENERS.contains(w) || t.quote[prev] >= 0;
  }

  /** Speaker of a unit with no cue: action beat, vocative, turn-taking, recent name. */
  private int implicitSpeaker(int from, int to) {
    int p = spans.get(from).paragraph();
    Set<Integer> vocatives = vocatives(from, to);
    // 1. Action beat: the first character the paragraph's narration names as a subject.
    for (int k = t.paraFirst[p]; k < t.paraLast[p]; k++) {
      if (t.quote[k] >= 0) {
        continue;
      }
      int m = names.mentionStart[k];
      if (m >= 0 && names.mentions.get(m).character >= 0 && isSubjectPosition(k)
          && !names.mentions.get(m).possessive) {
        return names.mentions.get(m).character;
      }
      if (t.sentenceStart[k] && (t.lower[k].equals("he") || t.lower[k].equals("she"))) {
        int who = resolveAnaphor(t.lower[k].equals("he") ? "male" : "female", k, from, false);
        if (who != -2) {
          return who;
        }
      }
      if (t.sentenceStart[k] && t.word[k].equals("I") && firstPerson) {
        return -1;
      }
    }
    int[] last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
    boolean adjacent = last != null && p - last[2] <= 2;
    if (adjacent) {
      // 2. The previous speech called someone by name: they answer.
      Set<Integer> called = vocatives(last[3], last[4]);
      for (int c : called) {
        if (c != last[0] && !vocatives.contains(c)) {
          return c;
        }
      }
      // 3. Alternation: the speaker before the last one.
      for (int k = turns.size() - 2; k >= 0 && k >= turns.size() - 3; k--) {
        int s = turns.get(k)[0];
        // Only within one conversation: a long stretch of narration between turns ends it
        // ("Piglet nodded." does not).
        if (t.paraFirst[turns.get(k + 1)[1]] - t.paraLast[turns.get(k)[2]] > 60) {
          break;
        }
        if (s != last[0] && !vocatives.contains(s) && p - turns.get(k)[2] <= 8) {
          return s;
        }
      }
    }
    // 4. The most recently named character that did not just speak.
    int lastSpeaker = last == null ? -3 : last[0];
    for (int h = history.size() - 1; h >= 0; h--) {
      int[] e = history.get(h);
      if (p - t.para[e[0]] > 4) {
        break;
      }
      if (e[1] != lastSpeaker && !vocatives.contains(e[1])) {
        return e[1];
      }
    }
    if (firstPerson && last != null && last[0] != -1 && p - last[2] <= 2
        && narratorNear(p)) {
      // In first-person narration the narrator is the usual other party of an exchange.
      return -1;
    }
    if (last != null && p - last[2] <= 4 && !vocatives.contains(last[0])) {
      return last[0];
    }
    return -2;
  }

  /** Characters addressed by name inside quotes [from, to): "…, Alice?" or "Alice, …". */
  private Set<Integer> vocatives(int from, int to) {
    Set<Integer> out = new HashSet<>();
    for (int q = from; q < to && q < spans.size(); q++) {
      for (int k = t.quoteFirst[q]; k < t.quoteLast[q]; k++) {
        int m = names.mentionStart[k];
        if (m < 0 || names.mentions.get(m).character < 0) {
          continue;
        }
        Names.Mention mm = names.mentions.get(m);
        int before = mm.first - 1;
        int after = mm.last;
        boolean prevBreak = before < t.quoteFirst[q] + 1 || !t.isWord[before]
            || t.lower[before].equals("dear") || t.lower[before].equals("my");
        boolean nextBreak = after >= t.quoteLast[q] || !t.isWord[after];
        boolean afterComma = before >= 0 && t.word[before].equals(",");
        // "Thank you, Mrs. Pargeter." / "Alice, come here" / "…, Alice?"
        if (prevBreak && nextBreak && (afterComma || after >= t.size
            || !t.word[after].equals("."))
            || prevBreak && after < t.size && t.word[after].equals(",")) {
          out.add(mm.character);
        }
      }
    }
    return out;
  }
}
