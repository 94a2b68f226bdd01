package com.etoaudiobook.book.attribution.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the reader of a conversation keeps in mind: who was named lately in the narration, who
 * took the last turns, who the quote names; and from that, which character a pronoun or a
 * description ("he", "the old man") points to: the last one that fits by gender, preferring
 * subjects, skipping whoever the quote names.
 */
abstract class Salience {

  static final Set<String> PREPOSITIONS = Set.of("to", "at", "with", "of", "for", "from",
      "by", "upon", "on", "towards", "toward", "into", "about", "behind", "beside", "near");

  /** What of a person's own, after a possessive name, makes the sentence about that person. */
  private static final Set<String> OWN = Set.of("face", "eyes", "voice", "hand", "hands", "head", "lips",
      "cheeks", "cheek", "heart", "glance", "smile", "brow", "mouth", "gaze", "features", "expression",
      "colour", "color", "countenance", "tone", "look", "laugh", "feelings", "mind", "thoughts", "spirits",
      "temper", "manner");

  private static final Set<String> OPENING_ADVERBS = Set.of("presently", "meanwhile",
      "later", "soon", "now", "then", "there", "here", "next", "afterwards", "outside",
      "inside", "downstairs", "upstairs", "in", "during", "across");

  final Tokens t;
  final Names names;
  final List<QuoteScanner.Span> spans;
  final boolean firstPerson;
  final Cue[] cues;
  /** Speaker of each quotation: a character, -1 for the narrator, -2 while unknown. */
  final int[] speaker;
  final String[] type;
  /** Quotations attributed so far to each character (grows with descriptive speakers). */
  int[] spoken = new int[16];
  /** The cue being resolved is a thought or words to oneself. */
  boolean selfTalk;
  /** The cue being resolved is a gendered plain description ("the old gentleman"). */
  boolean plainDescription;
  /**
   * The head noun of the plain description being resolved ("girl"), else null: a one-scene role
   * known by another noun ("The First Housemaid") is not who "the girl" is.
   */
  String descriptionHead;
  /** The paragraph of the quotation being resolved. */
  int atParagraph;
  /**
   * Paragraphs a role known only by a description stays someone "he" or "she" can mean: "the
   * first housemaid" of one scene is not the "she" of the next.
   */
  private static final int SCENE = 4;

  Salience(Tokens t, Names names, List<QuoteScanner.Span> spans, boolean firstPerson,
           Cue[] cues) {
    this.t = t;
    this.names = names;
    this.spans = spans;
    this.firstPerson = firstPerson;
    this.cues = cues;
    speaker = new int[spans.size()];
    type = new String[spans.size()];
    java.util.Arrays.fill(speaker, -2);
  }


  /** Narration mentions of characters seen so far: token index and character. */
  final List<int[]> history = new ArrayList<>();
  int nextMention;
  /** Turns: speaker and paragraph of each dialogue paragraph group, in order. */
  final List<int[]> turns = new ArrayList<>();
  /** Characters the quotes of the unit being resolved name: people rarely name themselves. */
  Set<Integer> namedInUnit = Set.of();

  void advanceHistory(int upToTok) {
    List<Names.Mention> ms = names.mentions;
    while (nextMention < ms.size() && ms.get(nextMention).first < upToTok) {
      Names.Mention m = ms.get(nextMention++);
      // "Alice's sister" is not Alice: possessives don't make a name salient as a speaker, but for
      // her own face or voice as a subject ("Miss Welland's face grew rosy, and she said"): the one it
      // belongs to (not "gazing into Archer's face"); a voice anywhere ("It was Brenda's voice.")
      if (m.character >= 0 && (!m.possessive || m.last < t.size && (t.lower[m.last].equals("voice")
          || OWN.contains(t.lower[m.last]) && isSubjectPosition(m.first)))) {
        history.add(new int[] {m.first, m.character, t.quote[m.first] >= 0 ? 1 : 0});
      }
    }
  }



  /**
   * Whether a role known by a description was called so ("the policeman") or spoke in this
   * scene.
   */
  private boolean describedLately(Names.Person who) {
    if (atParagraph - who.describedAt <= SCENE) {
      return true;
    }
    // (a bounded look back: one paragraph may hold any number of turns)
    for (int i = turns.size() - 1, n = 0; i >= 0 && n < 2 * SCENE
        && atParagraph - turns.get(i)[2] <= SCENE; i--, n++) {
      if (turns.get(i)[0] == who.id) {
        return true;  // still talking
      }
    }
    int[] at = t.positions(who.head);
    int i = java.util.Arrays.binarySearch(at, t.paraFirst[atParagraph]);
    int k = (i < 0 ? -i - 1 : i) - 1;
    return k >= 0 && atParagraph - t.para[at[k]] <= SCENE;
  }

  String genderOf(int person) {
    return person < 0 ? null : names.people.get(person).gender;
  }

  /** A character known to be other than {@code gender} (a "he" is no Mrs. Hall). */
  boolean misfits(int person, String gender) {
    return gender != null && person >= 0 && genderOf(person) != null && !gender.equals(genderOf(person));
  }

  boolean fits(int person, String gender, boolean strict) {
    // in first-person narration the narrator is "I": never "he", "she" or "the man"
    if (person < 0 || person == narratorName || namedInUnit.contains(person)) {
      return false;
    }
    Names.Person who = names.people.get(person);
    if (who.head != null && (descriptionHead != null && !who.head.equals(descriptionHead)
        || !describedLately(who))) {
      return false;
    }
    if (gender == null) {
      return true;
    }
    String g = genderOf(person);
    if (strict) {
      return gender.equals(g) || g == null && gender.equals(names.people.get(person).lean);
    }
    return g == null || gender.equals(g);
  }

  /** Resolves "he"/"she"/"the old man" at token tok, for quote q. */
  int resolveAnaphor(String gender, int tok, int q, boolean description) {
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
    // (a speech of its own paragraph: a word in quotes inside a sentence of narration is no speech to give away)
    int ahead = gender != null && !description && t.quote[t.paraFirst[t.para[t.quoteFirst[q]]]] == q
        ? namedAfter(gender, tok) : -2;
    return ahead != -2 ? decidedA("ahead", ahead) : -2;
  }

  /** Paragraphs ahead a pronoun with no one of its gender before it looks for its referent. */
  private static final int AHEAD = 20;

  /**
   * 'The old lady looked about her ... and shouted: "You TOM!"', and a page on, 'His aunt Polly
   * stood surprised': a pronoun with no one of its gender named before it (a book's or a scene's
   * opening) is the first of that gender the narration names after it, not someone of the other
   * gender nor the narrator; -2 when there is none within {@link #AHEAD} paragraphs.
   */
  private int namedAfter(String gender, int tok) {
    List<Names.Mention> ms = names.mentions;
    for (int i = nextMention; i < ms.size() && t.para[ms.get(i).first] - t.para[tok] <= AHEAD; i++) {
      Names.Mention m = ms.get(i);
      if (m.first > tok && m.character >= 0 && !m.possessive && t.quote[m.first] < 0
          && fits(m.character, gender, true)) {
        return m.character;
      }
    }
    return -2;
  }

  int anaphorCandidate(String gender, int tok, int q, boolean strict, boolean desc) {
    int p = t.para[tok];
    // 1. The nearest fitting character earlier in the same paragraph: a narration mention
    // (a subject preferred) or who spoke an earlier quote there (gender may be unknown).
    int best = -2;
    int bestTok = -1;
    int weak = -2;
    int chain = -1;
    for (int h = history.size() - 1; h >= 0; h--) {
      int[] e = history.get(h);
      if (t.para[e[0]] != p) {
        break;
      }
      if (e[2] == 0 && fits(e[1], gender, strict)) {
        if (boundBySamePronoun(e[0], gender)) {
          continue;
        }
        if (!isSubjectPosition(e[0])) {
          if (chain == -1) {
            chain = chainStart(tok, gender);
          }
          if (e[0] > chain) {
            // An object inside a chain of the same pronoun is not what the pronoun refers to.
            continue;
          }
        }
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
    if (best != -2 && (!desc || plainDescription)) {
      return decidedA("para", best);
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
          return decidedA("narr", e[1]);
        }
      }
    }
    // 2. Conversation: the participant that did not speak last, if the turns are adjacent.
    boolean adjacent = last != null && p - last[2] <= 2;
    if (adjacent && !selfTalk) {
      for (int c : listeners(last)) {
        if (c != last[0] && fits(c, gender, strict)) {
          return decidedA("toldto", c);
        }
      }
      // The next speech calls someone by name: '"No," she said. / "Then go, Ann."'
      int answered = answeredBy(q, p);
      if (answered >= 0 && answered != last[0] && fits(answered, gender, strict)) {
        return decidedA("vocback", answered);
      }
      // The one the last speech called by name answers: '"Cold, Ann?" / "No," she said.'
      for (int c : calledBy(last)) {
        if (c != last[0] && fits(c, gender, strict)) {
          return decidedA("vocans", c);
        }
      }
      for (int k = turns.size() - 2; k >= 0 && k >= turns.size() - 4; k--) {
        int s = turns.get(k)[0];
        if (s != last[0] && p - turns.get(k)[2] <= 8 && fits(s, gender, strict)) {
          return decidedA("conv", s);
        }
      }
    }
    // 3. The most recent fitting name (narration first), skipping the last speaker.
    // Talking to oneself continues the last speaker rather than answering them.
    int lastSpeaker = adjacent && !selfTalk ? last[0] : -3;
    if (selfTalk && adjacent && fits(last[0], gender, strict)) {
      return decidedA("self", last[0]);
    }
    for (int h = history.size() - 1; h >= 0; h--) {
      int[] e = history.get(h);
      if (p - t.para[e[0]] > 6) {
        break;
      }
      // Names inside quotes ("won't the Duchess be savage") are talked about, not talking.
      if (e[2] == 0 && e[1] != lastSpeaker && fits(e[1], gender, strict)) {
        return decidedA("recent", e[1]);
      }
    }
    if (last != null && fits(last[0], gender, strict) && p - last[2] <= 6) {
      return decidedA("lastsp", last[0]);
    }
    if (best != -2) {
      return decidedA("best", best);
    }
    for (int h = history.size() - 1; h >= 0 && history.size() - h < 60; h--) {
      if (fits(history.get(h)[1], gender, strict)) {
        return decidedA("far", history.get(h)[1]);
      }
    }
    return decidedA("none", -2);
  }

  /**
   * 'She paused. The fire warmed Mrs. Pike. She said:': the earliest "she" in subject position
   * before tok in its paragraph with no subject of that gender named between: the pronouns from
   * there on are one chain, so a name met only as an object inside it is not their referent.
   * tok itself when there is none.
   */
  int chainStart(int tok, String gender) {
    if (gender == null) {
      return tok;
    }
    String pron = gender.equals("male") ? "he" : "she";
    int chain = tok;
    // Bounded, so a huge paragraph with a pronoun cue every few lines stays linear.
    for (int k = tok - 1; k >= t.paraFirst[t.para[tok]] && k >= tok - 1000; k--) {
      if (t.quote[k] >= 0) {
        continue;
      }
      int m = names.mentionStart[k];
      if (m >= 0 && names.mentions.get(m).character >= 0 && !names.mentions.get(m).possessive
          && isSubjectPosition(k) && fits(names.mentions.get(m).character, gender, false)) {
        break;
      }
      if (t.lower[k].equals(pron) && isSubjectPosition(k)) {
        chain = k;
      }
    }
    return chain;
  }

  /**
   * "He had heard Aziz announce...": a name after the subject pronoun of its own sentence is not
   * what that pronoun, nor the same pronoun in the next sentence, refers to.
   */
  boolean boundBySamePronoun(int k, String gender) {
    if (gender == null || isSubjectPosition(k)) {
      return false;
    }
    String pron = gender.equals("male") ? "he" : "she";
    for (int s = k - 1; s >= 0 && s >= k - 40; s--) {
      if (!t.isWord[s] && t.quote[s] >= 0) {
        return false;
      }
      if (t.sentenceStart[s]) {
        return t.lower[s].equals(pron);
      }
    }
    return false;
  }

  /** Whom the narration of a turn says its speech was for ("said to Ann"). */
  abstract Set<Integer> listeners(int[] turn);

  /** The one the speech of the paragraph after p calls by name, if it follows at once. */
  abstract int answeredBy(int q, int p);

  /** Whom a turn's speech calls by name ("Thank you, Tom."). */
  abstract Set<Integer> calledBy(int[] turn);

  /** Which rule resolved the last anaphor: printed with -Dattribution.steps=true. */
  String anaphorRule;

  private int decidedA(String rule, int who) {
    anaphorRule = rule;
    return asNarrator(who);
  }

  /**
   * In first-person narration, the character the others call the narrator by ("Jake"), else -2:
   * the narrator's lines are the narrator's (-1), whichever way they were found.
   */
  int narratorName = -2;

  int asNarrator(int who) {
    return who >= 0 && who == narratorName ? -1 : who;
  }

  boolean isSubjectPosition(int k) {
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
        || Lexicon.CLAUSE_OPENERS.contains(w) || t.quote[prev] >= 0 || afterOpening(k);
  }

  /** "After luncheon Mrs Beaver came", "Presently Tony said": a short adverbial, then k. */
  private boolean afterOpening(int k) {
    for (int s = k - 1; s >= 0 && s >= k - 4; s--) {
      if (!t.isWord[s] || t.quote[s] >= 0) {
        return false;
      }
      if (t.sentenceStart[s]) {
        String w = t.lower[s];
        return PREPOSITIONS.contains(w) || Lexicon.CLAUSE_OPENERS.contains(w)
            || OPENING_ADVERBS.contains(w) || w.endsWith("ly");
      }
    }
    return false;
  }

}
