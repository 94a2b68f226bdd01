package com.etoaudiobook.book.attribution.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.etoaudiobook.book.attribution.internal.Cue.DESC;
import static com.etoaudiobook.book.attribution.internal.Cue.FIRST;
import static com.etoaudiobook.book.attribution.internal.Cue.NAME;
import static com.etoaudiobook.book.attribution.internal.Cue.PRONOUN;
import static com.etoaudiobook.book.attribution.internal.Cue.WORD;

/**
 * Stage 3, resolving: walks the quotations in text order, a unit at a time (the quotations of
 * one paragraph and those it runs on into): a cue's name is the speaker; pronouns and
 * descriptions go to the salient character that fits; quotations without a cue take the unit's
 * cue, an action beat, the answer to a vocative, or the turn-taking of the conversation.
 */
final class Resolver extends TurnTaking {

  Resolver(Tokens t, Names names, List<QuoteScanner.Span> spans, boolean firstPerson,
           Cue[] cues) {
    this(t, names, spans, firstPerson, cues, TurnWeights.get(), TurnWeights.anaphor());
  }

  /** With the rankers' weights given (null: the rules alone). */
  Resolver(Tokens t, Names names, List<QuoteScanner.Span> spans, boolean firstPerson,
           Cue[] cues, double[] weights, double[] anaphorWeights) {
    super(t, names, spans, firstPerson, cues);
    descriptions = new Descriptions(t, names);
    ranker = new TurnRanker(this, weights);
    anaphors = new AnaphorRanker(ranker, anaphorWeights);
  }

  private final TurnRanker ranker;
  private final AnaphorRanker anaphors;

  private final Descriptions descriptions;

  /** Prints which rule gave each implicit speaker (for measuring rules on annotated novels). */
  static final boolean DEBUG = Boolean.getBoolean("attribution.steps");

  void resolveAll() {
    resolveForward();
    ended.addAll(turns);
    Parity.fix(ended, speaker, type);
    describedByAddress();
  }

  /** Answers to a line calling one character by name that make a description role that character. */
  static final int MIN_ANSWERS = 3;

  /**
   * A description role that answers, time and again, a line calling one character by name ("Tell
   * me, Basil" then "answered the painter") is that character: the narration's word for someone
   * named, not someone of their own. The one called is, as a rule, the next to speak; an answer to
   * a line its speaker said to someone else, or a turn next to that character's own, counts against.
   */
  private void describedByAddress() {
    Map<Integer, Map<Integer, Integer>> answers = new HashMap<>();
    Map<Integer, Map<Integer, Integer>> against = new HashMap<>();
    for (int q = 1; q < spans.size(); q++) {
      int d = speaker[q];
      int para = spans.get(q).paragraph();
      int p = q - 1;
      if (d < 0 || names.people.get(d).head == null || spans.get(p).paragraph() == para
          || para - spans.get(p).paragraph() > 2 || speaker[p] == d) {
        continue;
      }
      int from = p;
      while (from > 0 && spans.get(from - 1).paragraph() == spans.get(p).paragraph()) {
        from--;
      }
      if (speaker[p] >= 0) {
        against.computeIfAbsent(d, k -> new HashMap<>()).merge(speaker[p], 1, Integer::sum);
      }
      for (int x : vocatives.addressed(from, p + 1)) {
        if (x != d && x != speaker[p] && names.people.get(x).head == null && !names.people.get(x).dropped) {
          answers.computeIfAbsent(d, k -> new HashMap<>()).merge(x, 1, Integer::sum);
        }
      }
    }
    Map<Integer, Integer> into = new HashMap<>();
    for (Map.Entry<Integer, Map<Integer, Integer>> e : answers.entrySet()) {
      int d = e.getKey();
      int x = Appositions.best(e.getValue());
      if (x < 0) {
        continue;
      }
      int count = e.getValue().get(x);
      int conflicts = against.getOrDefault(d, Map.of()).getOrDefault(x, 0);
      String dg = names.people.get(d).gender;
      String xg = names.people.get(x).gender;
      if (count < MIN_ANSWERS || conflicts * 2 >= count || dg != null && xg != null && !dg.equals(xg)) {
        continue;
      }
      into.put(d, x);
      names.people.get(d).dropped = true;
    }
    if (!into.isEmpty()) {
      for (int q = 0; q < speaker.length; q++) {
        speaker[q] = into.getOrDefault(speaker[q], speaker[q]);
      }
    }
  }

  /** Turns of the conversations a scene break or a heading has closed. */
  private final List<int[]> ended = new java.util.ArrayList<>();

  /** Paragraph after the last one checked for a break. */
  private int breakScan;

  /** Ends the conversation when a break lies between its last turn and paragraph p. */
  private void closeConversationBefore(int p) {
    boolean found = false;
    for (int b = Math.max(breakScan, 0); b < p; b++) {
      found |= SceneBreaks.isBreak(t, b);
    }
    breakScan = p;
    if (found) {
      ended.addAll(turns);
      turns.clear();
    }
  }

  private void resolveForward() {
    int n = spans.size();
    int q = 0;
    while (q < n) {
      int end = unitEnd(spans, q);
      resolveUnit(q, end);
      q = end;
    }
  }

  /**
   * The end of the unit starting at quote q: the quotes of one paragraph, plus following
   * paragraphs the speech runs on into.
   */
  private static int unitEnd(List<QuoteScanner.Span> spans, int q) {
    int end = q + 1;
    while (end < spans.size() && (spans.get(end).paragraph() == spans.get(end - 1).paragraph()
        || spans.get(end - 1).continued()
        && spans.get(end).paragraph() == spans.get(end - 1).paragraph() + 1)) {
      end++;
    }
    return end;
  }

  private void resolveUnit(int from, int to) {
    int firstPara = spans.get(from).paragraph();
    closeConversationBefore(firstPara);
    // '"Hallo, Pooh," he said', '"Pooh is late," she said': whoever the quote names, as
    // addressee or in passing, is not its speaker.
    // (Only its first paragraph: a speech that runs on tells a story, and the names in it are
    // the story's: "'Miss Hunter,' said he" in Miss Hunter's own account.)
    int firstEnd = from + 1;
    while (firstEnd < to && spans.get(firstEnd).paragraph() == firstPara) {
      firstEnd++;
    }
    namedInUnit = vocatives.named(from, firstEnd);
    advanceHistory(t.paraFirst[firstPara]);
    // Direct cues: a name, a pronoun or a description next to the quote.
    for (int q = from; q < to; q++) {
      Cue c = cues[q];
      atParagraph = spans.get(q).paragraph();
      if (c == null) {
        int who = q > from ? beatBetween(q) : -3;
        if (who != -3 && who != speaker[q - 1]) {
          if (DEBUG) {
            System.err.println("STEP " + spans.get(q).start() + " " + spans.get(q).end()
                + " inbeat");
          }
          speaker[q] = who;
          type[q] = "implicit";
        }
        continue;
      }
      advanceHistory(c.tok);
      anaphorRule = "cue";
      int who = resolveCue(c, q);
      if ((c.kind == PRONOUN || c.kind == DESC) && AnaphorRanker.ranks(anaphorRule)) {
        who = asNarrator(anaphors.choose(from, to, q, c, who, anaphorRule));
      }
      if (DEBUG && c.kind == NAME) {
        System.err.println("STEP " + spans.get(q).start() + " " + spans.get(q).end() + " X");
      } else if (DEBUG) {
        StringBuilder w = new StringBuilder();
        for (int k = c.tok; k < Math.max(c.tok + 1, c.descEnd); k++) {
          w.append(t.word[k]).append('_');
        }
        System.err.println("STEP " + spans.get(q).start() + " " + spans.get(q).end() + " A" + (c.kind == DESC ? "d" : "p") + "-" + anaphorRule + " " + w);
      }
      if (who != -2) {
        speaker[q] = who;
        type[q] = c.kind == NAME || c.kind == WORD ? "explicit" : "anaphoric";
      }
    }
    selfNamed(from, to);
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
      // the rankers weigh people: the narrator's own name is the Narrator's
      Cue said = unresolved(from, to);
      String gender = said == null ? null : said.gender;
      who = asNarrator(ranker.choose(from, to, misfits(who, gender) ? -2 : who, decidedBy, gender));
      if (who == -2 && said != null) {
        who = describedBefore(said);
      }
      if (DEBUG) {
        System.err.println("STEP " + spans.get(from).start() + " " + spans.get(to - 1).end() + " "
            + decidedBy);
      }
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
        if (speaker[q] >= spoken.length) {
          spoken = java.util.Arrays.copyOf(spoken, 2 * speaker[q] + 1);
        }
        spoken[speaker[q]]++;
      }
    }
    if (speaker[to - 1] != -2) {
      turns.add(new int[] {speaker[to - 1], firstPara, lastPara, from, to});
    }
  }

  /**
   * '"You are late," said Tom to Ann. She shrugged. "The coach was."': a sentence of narration
   * between two quotations of one paragraph whose subject is someone other than the speaker
   * before it is an action beat for the later quotation. -3 if the earlier quotation has no
   * speaker yet or the narration between has no sentence of its own.
   */
  private int beatBetween(int q) {
    if (speaker[q - 1] == -2) {
      return -3;
    }
    int a = t.quoteLast[q - 1];
    int end = t.quoteFirst[q];
    if (spans.get(q).paragraph() != spans.get(q - 1).paragraph()) {
      return -3;
    }
    advanceHistory(end);
    // The sentence right before the quote, when it starts with its subject and that subject
    // acts ("Ann shrugged.", not "Ann was gone.").
    int s = end - 1;
    while (s > a && !t.sentenceStart[s]) {
      s--;
    }
    if (s <= a || t.quote[s] >= 0) {
      return -3;
    }
    int m = names.mentionStart[s];
    int verb = m >= 0 ? names.mentions.get(m).last : s + 1;
    if (m < 0 && !t.lower[s].equals("he") && !t.lower[s].equals("she")
        || verb >= end || STATIVE.contains(t.lower[verb])) {
      return -3;
    }
    return beat(s, verb, q, vocatives.named(q, q + 1));
  }

  /**
   * '"My name," said he, "is John Openshaw."', '"I am Dr. Grimesby Roylott, of Stoke Moran."', '"I am Mary
   * Lennox," the child said': a speaker who names himself is the speaker, whoever the pronoun or the
   * description beside the quote would have gone to (at a newcomer's first words the salient man is
   * still the last one who spoke). A cue
   * naming someone else, or a pronoun of the other gender, keeps its speaker.
   */
  private void selfNamed(int from, int to) {
    int m = selfNamedMention(t, names, from, to);
    int who = m < 0 ? -1 : asNarrator(names.mentions.get(m).character);
    if (who < 0) {
      return;
    }
    String gender = names.people.get(who).gender;
    for (int q = from; q < to; q++) {
      Cue c = cues[q];
      boolean fits = c == null ? speaker[q] == -2
          : (c.kind == PRONOUN || c.kind == DESC) && (c.gender == null || gender == null || c.gender.equals(gender));
      if (fits) {
        if (DEBUG) {
          System.err.println("STEP " + spans.get(q).start() + " " + spans.get(q).end() + " self");
        }
        speaker[q] = who;
        type[q] = c == null ? "implicit" : "anaphoric";
      }
    }
  }

  /**
   * The mention by which the quotes [from, to) of a unit name their speaker ("my name is", "I am",
   * "you must call me Jenny"), or -1. Only names already in the cast count: counting these as
   * speakers' names when the cast is built made "My name is Last" a character of its own beside
   * Tony and Brenda Last, and "Don't call me Jake" one beside the narrator Jake (75 quotations lost
   * over the 17 development novels).
   */
  private static int selfNamedMention(Tokens t, Names names, int from, int to) {
    // the words of the unit's quotes in a row, their punctuation and the narration between left out
    int[] words = new int[64];
    int n = 0;
    for (int q = from; q < to; q++) {
      for (int k = t.quoteFirst[q]; k < t.quoteLast[q]; k++) {
        if (!t.isWord[k]) {
          continue;
        }
        if (n == words.length) {
          words = java.util.Arrays.copyOf(words, 2 * n);
        }
        words[n++] = k;
      }
    }
    // ("I'm Gatsby" is two words: the quote may end at the name)
    for (int i = 0; i + 1 < n; i++) {
      String a = t.lower[words[i]];
      String b = t.lower[words[i + 1]];
      int at;
      if (a.equals("my") && b.equals("name") && i + 3 < n
          && (t.lower[words[i + 2]].equals("is") || t.lower[words[i + 2]].equals("was"))) {
        at = words[i + 3];
      } else if ((a.equals("i'm") || a.equals("i\u2019m")) && words[i + 1] == words[i] + 1
          && (t.sentenceStart[words[i]] || !t.isWord[words[i] - 1])) {
        at = words[i + 1]; // "Yes, I'm Piglet", not "if I'm Mabel" nor "she keeps saying I'm Roo"
      } else if (i + 2 < n && (a.equals("i") && b.equals("am") || a.equals("call") && b.equals("me"))) {
        // "I am Mr. Hatherley", not "I am, Mr. Holmes," nor "I am sure"
        at = words[i + 2];
        if (at != words[i + 1] + 1) {
          continue;
        }
      } else {
        continue;
      }
      int m = names.mentionStart[at];
      if (m >= 0 && !names.mentions.get(m).possessive) {
        return m;
      }
    }
    return -1;
  }

  /**
   * '"Helen!" she called. / "Yes!" replied a voice from the library.': the one person the
   * speech just before called by name answers, else -2.
   */
  private int calledVoice(int q) {
    int[] last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
    if (last == null || spans.get(q).paragraph() - last[2] > 2) {
      return -2;
    }
    Set<Integer> called = new java.util.HashSet<>(calledBy(last));
    called.remove(last[0]);
    return called.size() == 1 ? called.iterator().next() : -2;
  }

  /**
   * '"Must you go?" / "Do you know what day it is?" / … she said' after "the old lady came up to my
   * room": a "she" or "he" no one named fits is the one the narration just called by a plain noun
   * ("the old lady", "her guest": in the paragraph's narration before the cue or the two above), a
   * role of that description; else -2. (Not a noun of a trade, "the housemaid": such a role took a
   * later scene's turns, the maid gone.)
   */
  private int describedBefore(Cue c) {
    int p = t.para[c.tok];
    int stop = t.paraFirst[Math.max(0, p - 2)];
    for (int k = c.tok - 1; k >= stop; k--) {
      if (t.quote[k] >= 0 || !DESCRIBING.contains(t.lower[k])) {
        continue;
      }
      // the determiner, up to two words before it, the person's noun ("the old lady", "her guest")
      Cue found = null;
      for (int j = k + 1; j <= k + 3 && j < c.tok && t.isWord[j] && !t.isCap(j) && t.quote[j] < 0; j++) {
        Cue d = new Cue(DESC, -1, c.gender, k);
        d.descEnd = j + 1;
        found = descriptions.couldBe(d, c.gender) ? d : found; // the phrase's last noun: "the young girl"
      }
      int role = found == null ? -2 : descriptions.unnamed(found);
      if (role != -2) {
        return role;
      }
    }
    return -2;
  }

  private static final Set<String> DESCRIBING = Set.of("the", "a", "an", "her", "his");

  /**
   * A gendered pronoun cue of units [from, to) that named no one ('"No," he said', the man yet
   * unnamed), else null: whoever the turns make the speaker is that gender.
   */
  private Cue unresolved(int from, int to) {
    for (int q = from; q < to; q++) {
      if (cues[q] != null && cues[q].kind == Cue.PRONOUN && cues[q].gender != null) {
        return cues[q];
      }
    }
    return null;
  }

  /** Verbs after a subject that describe a state, not an action that goes with a speech. */
  private static final Set<String> STATIVE = Set.of("was", "were", "had", "is", "has");

  private int resolveCue(Cue c, int q) {
    switch (c.kind) {
      case NAME:
        return asNarrator(names.mentions.get(c.mention).character);
      case FIRST:
        return -1;
      case WORD:
        return calledSo(t.lower[c.tok]);
      case DESC:
        int kin = kinship(c, q);
        if (kin != -2) {
          return kin;
        }
        int described = descriptions.speaker(c);
        if (described != -2) {
          return described;
        }
        String head = t.lower[Math.max(c.tok, c.descEnd - 1)];
        if (head.equals("voice") || head.equals("voices")) {
          // "a voice said": no one new; the one the last speech called, else the conversation's
          // next turn (left to turn-taking).
          return asNarrator(calledVoice(q));
        }
        // "said the old gentleman": a gendered plain description reads like "he" when its own
        // paragraph names someone who fits (measured: right 89-100 %); failing that, the other
        // party of the conversation (the narration's latest subject was right at most 30 %).
        plainDescription = c.gender != null && Descriptions.GENERIC.contains(head);
        descriptionHead = head;
        int resolved = resolveAnaphor(c.gender, c.tok, q, true);
        plainDescription = false;
        descriptionHead = null;
        return resolved;
      case PRONOUN:
      default:
        int went = continuing(c, q);
        if (went >= 0) {
          anaphorRule = "cont";
          return went;
        }
        selfTalk = c.self;
        int who = resolveAnaphor(c.gender, c.tok, q, false);
        selfTalk = false;
        return who;
    }
  }

  /** Verbs that say a speech goes on: "he continued", "she added", "she went on". */
  private static final Set<String> GOING_ON = Set.of("continued", "added", "resumed", "pursued",
      "persisted");

  /**
   * '"Go on," she said. Ann did not move. "Go on," she added.': a pronoun that continues or
   * adds to a speech is whoever spoke the cued quote before it, in its paragraph or the one
   * above (after an uncued quote, whose speaker is a guess, it lost 17 quotations).
   * Returns -1 if not such a cue.
   */
  private int continuing(Cue c, int q) {
    if (q == 0 || speaker[q - 1] < 0 || cues[q - 1] == null
        || spans.get(q).paragraph() - spans.get(q - 1).paragraph() > 1
        || !fits(speaker[q - 1], c.gender, false)) {
      return -1;
    }
    for (int k = c.tok - 1; k <= c.tok + 1; k += 2) {
      if (k >= 0 && k < t.size && (GOING_ON.contains(t.lower[k])
          || t.lower[k].equals("went") && k + 1 < t.size && t.lower[k + 1].equals("on"))) {
        return speaker[q - 1];
      }
    }
    return -1;
  }

  /**
   * The character a bare word calls: one whose name is the word ("Nanny" for "said nanny") or
   * starts with it ("Mademoiselle Reisz" for "said Mademoiselle"), the latest named first; -2 if
   * there is none.
   */
  private int calledSo(String word) {
    for (int h = history.size() - 1; h >= 0 && h >= history.size() - 400; h--) {
      if (calledSo(history.get(h)[1], word)) {
        return history.get(h)[1];
      }
    }
    int found = -2;
    for (Names.Person p : names.people) {
      if (!p.dropped && calledSo(p.id, word)) {
        if (found != -2) {
          return -2;
        }
        found = p.id;
      }
    }
    return found;
  }

  private boolean calledSo(int person, String word) {
    Names.Person p = names.people.get(person);
    if (p.dropped) {
      return false;
    }
    for (String a : p.aliases) {
      String l = a.toLowerCase(java.util.Locale.ROOT);
      if (l.equals(word) || l.startsWith(word + " ") || l.startsWith(word + "\u00A0")) {
        return true;
      }
    }
    String l = p.name.toLowerCase(java.util.Locale.ROOT);
    return l.equals(word) || l.startsWith(word + " ");
  }

  /** Kin a possessive description names, by how the text will call them. */
  private enum Kin { PARENT, SPOUSE, SIBLING }

  /** Titles a parent or a spouse of each gender goes by, with the family's surname. */
  private static final Set<String> WIFE_TITLES = Set.of("mrs", "lady");
  private static final Set<String> HUSBAND_TITLES = Set.of("mr", "sir", "lord", "dr");
  private static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile("[ \\u00A0]+");

  /**
   * "her mother", "his father", "cried his wife", "said her brother": the relative of someone
   * in the conversation, when the cast holds exactly one who fits. A parent or a spouse is the
   * Mrs. or Mr. of the family's surname ("Daisy Miller" -> "Mrs. Miller"; Mr. Bennet's wife is
   * "Mrs. Bennet", Mr. John Dashwood's "Mrs. John Dashwood"); a sibling shares the surname under
   * a first name of their own. The one "his" or "her" means is the latest of that gender to
   * speak or be named.
   */
  private int kinship(Cue c, int q) {
    String det = t.lower[c.tok];
    boolean his = det.equals("his");
    if (!his && !det.equals("her")) {
      return -2;
    }
    Kin kin = null;
    String gender = null;
    for (int k = c.tok + 1; kin == null && k < t.size && k <= c.tok + 3 && t.isWord[k]; k++) {
      switch (t.lower[k]) {
        case "mother", "mamma", "mama" -> { kin = Kin.PARENT; gender = "female"; }
        case "father", "papa" -> { kin = Kin.PARENT; gender = "male"; }
        case "wife" -> { kin = his ? Kin.SPOUSE : null; gender = "female"; }
        case "lady" -> { kin = his && k == c.tok + 1 ? Kin.SPOUSE : null; gender = "female"; }
        case "husband" -> { kin = his ? null : Kin.SPOUSE; gender = "male"; }
        case "sister" -> { kin = Kin.SIBLING; gender = "female"; }
        case "brother" -> { kin = Kin.SIBLING; gender = "male"; }
        default -> { }
      }
    }
    if (kin == null) {
      return -2;
    }
    String of = his ? "male" : "female";
    for (int ref : lately(q, c.tok)) {
      Names.Person r = names.people.get(ref);
      if (r.gender != null && !r.gender.equals(of)) {
        continue;
      }
      String surname = surname(r);
      int found = surname == null ? -3 : kin == Kin.SIBLING ? sibling(r, surname, gender)
          : elder(r, surname, kin, gender);
      if (found == -3 && kin == Kin.PARENT) {
        // "his mother" under another surname (a widow remarried): the one Mrs. of the talk
        found = titledSpeaker(r, gender.equals("female") ? "mrs" : "mr");
      }
      if (found != -3 || r.gender != null) {
        // "his" is the latest man: Ronny's mother is Mrs. Moore, whoever else was named
        return found == -3 ? -2 : found;
      }
    }
    return -2;
  }

  /** The surname r's name or an alias gives ("Henry" is "Mr. Wilcox"), or null. */
  private static String surname(Names.Person r) {
    if (r.name.contains(" ")) {
      return NameForms.lastOf(r.name);
    }
    for (String a : r.aliases) {
      if (a.contains(" ")) {
        return NameForms.lastOf(a);
      }
    }
    return null;
  }

  /** The one speaker of the last six turns but r with an alias under this title, else -3. */
  private int titledSpeaker(Names.Person r, String title) {
    int found = -3;
    for (int k = turns.size() - 1; k >= 0 && k >= turns.size() - 6; k--) {
      int s = turns.get(k)[0];
      if (s < 0 || s == r.id || s == found || namedInUnit.contains(s)) {
        continue;
      }
      for (String a : names.people.get(s).aliases) {
        String l = a.toLowerCase(java.util.Locale.ROOT);
        if (l.startsWith(title + ".") || l.startsWith(title + " ")) {
          if (found >= 0) {
            return -2;
          }
          found = s;
          break;
        }
      }
    }
    return found;
  }

  /**
   * Characters who spoke in the last six turns or whom the narration named in the last three
   * paragraphs or before token tok in quotation q's own, the latest first. A name inside a
   * quotation counts only when the speech calls them ('"Harry, any news?" asked his wife'): "I
   * am sick of Mr. Bingley," cried his wife' is not Mr. Bingley's wife.
   */
  private List<Integer> lately(int q, int tok) {
    java.util.LinkedHashSet<Integer> who = new java.util.LinkedHashSet<>();
    int p = spans.get(q).paragraph();
    Set<Integer> called = vocatives.addressed(q, q + 1);
    for (int k = tok - 1; k >= t.paraFirst[p]; k--) {
      int m = names.mentionStart[k];
      int c = m < 0 ? -1 : names.mentions.get(m).character;
      if (c >= 0 && (t.quote[k] < 0 || called.contains(c))) {
        who.add(c);
      }
    }
    int turn = turns.size() - 1;
    int h = history.size() - 1;
    int from = t.paraFirst[Math.max(0, p - 3)];
    // the two lists merged by recency: a turn counts at its last quotation
    while (turn >= turns.size() - 6 && turn >= 0 || h >= 0 && history.get(h)[0] >= from) {
      boolean takeTurn = turn >= 0 && turn >= turns.size() - 6
          && (h < 0 || history.get(h)[0] < from
              || t.quoteFirst[turns.get(turn)[4] - 1] >= history.get(h)[0]);
      if (takeTurn) {
        if (turns.get(turn)[0] >= 0) {
          who.add(turns.get(turn)[0]);
        }
        turn--;
      } else {
        if (history.get(h)[2] == 0) {
          who.add(history.get(h)[1]);
        }
        h--;
      }
    }
    return new java.util.ArrayList<>(who);
  }

  /** A parent or the spouse of r: -2 when several fit, -3 when none does. */
  private int elder(Names.Person r, String surname, Kin kin, String gender) {
    Set<String> titles = gender.equals("female") ? WIFE_TITLES : HUSBAND_TITLES;
    String first = NameForms.firstOf(r.name);
    Set<Integer> fit = new java.util.TreeSet<>();
    Set<Integer> byFirstName = new java.util.TreeSet<>();
    for (Names.Person p : names.people) {
      if (p.dropped || p.id == r.id || namedInUnit.contains(p.id)) {
        continue;
      }
      for (String a : p.aliases) {
        String[] w = WORDS.split(a.strip());
        String title = w[0].toLowerCase(java.util.Locale.ROOT).replace(".", "");
        if (w.length >= 2 && w.length <= 3 && titles.contains(title)
            && w[w.length - 1].equals(surname)) {
          fit.add(p.id);
          // "Mrs. John Dashwood" is John Dashwood's wife, not the other Mrs. Dashwood
          if (kin == Kin.SPOUSE && w.length == 3 && w[1].equals(first)) {
            byFirstName.add(p.id);
          }
        }
      }
    }
    if (kin == Kin.SPOUSE && byFirstName.isEmpty() && !married(r)) {
      // "May Welland"'s husband is not Mr. Welland, her father; nor is John Thorpe's wife Mrs.
      // Thorpe, his mother: the surname ties spouses only where the text calls one by title
      return fit.isEmpty() ? -3 : -2;
    }
    Set<Integer> best = byFirstName.isEmpty() ? fit : byFirstName;
    return best.isEmpty() ? -3 : best.size() == 1 ? best.iterator().next() : -2;
  }

  /** Whether the cast calls r by a married title: "Mr. Bennet", "Mrs. Palmer", "Sir John". */
  private static boolean married(Names.Person r) {
    String l = r.name.toLowerCase(java.util.Locale.ROOT).replace(".", "");
    return l.startsWith("mr ") || l.startsWith("mrs ") || l.startsWith("sir ")
        || l.startsWith("lady ") || l.startsWith("lord ");
  }

  /**
   * A brother or sister of r: someone else of that gender under a first name and r's surname;
   * of several, the one who spoke last in the conversation. -2 when that leaves several, -3
   * when none fits.
   */
  private int sibling(Names.Person r, String surname, String gender) {
    List<Integer> fit = new java.util.ArrayList<>();
    for (Names.Person p : names.people) {
      if (p.dropped || p.id == r.id || namedInUnit.contains(p.id)
          || p.gender != null && !p.gender.equals(gender)) {
        continue;
      }
      for (String a : p.aliases) {
        String[] w = WORDS.split(a.strip());
        String head = w[0].toLowerCase(java.util.Locale.ROOT).replace(".", "");
        if (w.length >= 2 && !w[0].isEmpty() && w[w.length - 1].equals(surname)
            && Character.isUpperCase(w[0].codePointAt(0))
            && !Lexicon.MALE_TITLES.contains(head) && !Lexicon.FEMALE_TITLES.contains(head)
            && !Lexicon.NEUTRAL_TITLES.contains(head)) {
          fit.add(p.id);
          break;
        }
      }
    }
    if (fit.size() <= 1) {
      return fit.isEmpty() ? -3 : fit.get(0);
    }
    for (int k = turns.size() - 1; k >= 0 && k >= turns.size() - 6; k--) {
      if (fit.contains(turns.get(k)[0])) {
        return turns.get(k)[0];
      }
    }
    return -2;
  }
}
