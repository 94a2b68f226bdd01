package com.etoaudiobook.book.attribution.internal;

import java.util.List;
import java.util.Set;

import static com.etoaudiobook.book.attribution.internal.Cue.FIRST;
import static com.etoaudiobook.book.attribution.internal.Cue.NAME;

/**
 * Who speaks a quotation nothing names, the way a reader follows a conversation: an action beat
 * in its paragraph, the answer to a vocative, the alternation of two speakers (unless someone
 * stepped in), the names the next turns get, or the last character named.
 */
abstract class TurnTaking extends Salience {

  final Vocatives vocatives;

  /** Tokens of narration between two turns up to which they stay one exchange. */
  private static final int BEAT_TOKENS = 30;

  TurnTaking(Tokens t, Names names, List<QuoteScanner.Span> spans, boolean firstPerson,
             Cue[] cues) {
    super(t, names, spans, firstPerson, cues);
    vocatives = new Vocatives(t, names, spans);
    narratorName = firstPerson ? vocatives.narratorName(cues) : -2;
  }

  @Override
  Set<Integer> listeners(int[] turn) {
    return vocatives.toldTo(turn[1], turn[2]);
  }

  @Override
  int answeredBy(int q, int p) {
    int next = q + 1;
    while (next < spans.size() && spans.get(next).paragraph() == p) {
      next++;
    }
    return calledByNext(next, p, namedInUnit);
  }

  /**
   * Those the turn's speeches call by name; not a thought's ("“Well done, Mrs. Martin!” thought
   * Emma"): no one hears it, so no one answers.
   */
  @Override
  Set<Integer> calledBy(int[] turn) {
    Set<Integer> out = new java.util.HashSet<>();
    for (int q = turn[3]; q < turn[4]; q++) {
      if (cues[q] == null || !cues[q].self) {
        out.addAll(vocatives.addressed(q, q + 1));
      }
    }
    return out;
  }

  /** Which rule decided the last implicit speaker: printed with -Dattribution.steps=true. */
  String decidedBy;

  /**
   * The character a narration paragraph {@code pp} opens by saying spoke the speech before it: "It
   * was NAME ... who made this remark" (a speech verb or a word for what was said in that sentence);
   * else -1.
   */
  private int itWasWho(int pp, Set<Integer> named) {
    if (pp >= t.paraFirst.length) {
      return -1;
    }
    int k = t.paraFirst[pp];
    if (k + 2 >= t.size || t.quote[k] >= 0 || !t.lower[k].equals("it") || !t.lower[k + 1].equals("was")) {
      return -1;
    }
    int m = names.mentionStart[k + 2];
    if (m < 0 || names.mentions.get(m).character < 0 || names.mentions.get(m).possessive
        || named.contains(names.mentions.get(m).character)) {
      return -1;
    }
    boolean who = false;
    for (int j = names.mentions.get(m).last; j < t.size && j < k + 60 && t.para[j] == pp && !t.sentenceStart[j]; j++) {
      who |= t.lower[j].equals("who");
      if (who && (Lexicon.isSpeechVerb(t.lower[j]) || SAID_NOUNS.contains(t.lower[j]))) {
        return names.mentions.get(m).character;
      }
    }
    return -1;
  }

  /** The rule of a speaker the narration names after the speech ({@link #itWasWho}): the rankers keep it. */
  static final String IT_WAS = "itwas";

  /** Words for what a speech was, in "It was Fogg who made this remark". */
  private static final Set<String> SAID_NOUNS = Set.of("remark", "observation", "words", "question", "reply",
      "answer", "spoke", "speech", "exclamation");

  private int decided(String rule, int who) {
    decidedBy = rule;
    return asNarrator(who);
  }

  /** Speaker of a unit with no cue: action beat, vocative, turn-taking, recent name. */
  int implicitSpeaker(int from, int to) {
    int p = spans.get(from).paragraph();
    // Whoever the quote names, as addressee or in passing, is not its speaker.
    Set<Integer> named = vocatives.named(from, to);
    if (named.contains(narratorName)) {
      named.add(-1);  // "I say, Jake": not the narrator's own line
    }
    // 1. Action beat: the character the paragraph's narration names as a subject, the sentence
    // nearest before the quote first, then the narration after it (not one the quote itself
    // names: 'Tom came in. "Tom, at last!"' is not Tom's line).
    int qs = t.quoteFirst[from];
    int end = qs;
    for (int s = qs - 1; s >= t.paraFirst[p]; s--) {
      if (s == t.paraFirst[p] || t.sentenceStart[s] && t.quote[s] < 0) {
        int who = beat(s, end, from, named);
        if (who != -3) {
          return who;
        }
        end = s;
      }
    }
    int who = beat(qs, t.paraLast[p], from, named);
    if (who != -3) {
      return who;
    }
    // '"The Daily Telegraph says that he is a gentleman." / It was Phileas Fogg, whose head now
    // emerged from behind his newspapers, who made this remark.'
    int itWas = itWasWho(p + 1, named);
    if (itWas >= 0) {
      return decided(IT_WAS, itWas);
    }
    int[] last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
    // A paragraph of narration longer than a beat between the turns ends the exchange.
    boolean adjacent = last != null && p - last[2] <= 2
        && t.paraFirst[p] - t.paraLast[last[2]] <= BEAT_TOKENS;
    if (firstPerson && adjacent && last[0] != -1 && !named.contains(narratorName)
        && narratorNear(p) && narratorTalks() && !calledOther(last, named)) {
      // In first-person narration the others are named when they speak; the narrator's own
      // lines are the ones left bare.
      return decided("fp", -1);
    }
    // 2a. The next speech calls someone by name: they spoke this one ("In the drawer, Nora.").
    // Inside a running conversation only someone who took one of its last turns.
    int answered = calledByNext(to, p, named);
    if (answered >= 0 && adjacent) {
      boolean recent = false;
      for (int k = turns.size() - 1; k >= 0 && k >= turns.size() - 6; k--) {
        recent |= turns.get(k)[0] == answered;
      }
      if (!recent || answered == last[0]) {
        answered = -2;
      }
    }
    if (answered >= 0) {
      return decided("vocback", answered);
    }
    if (adjacent) {
      // 2. The previous speech called someone by name: they answer.
      Set<Integer> called = calledBy(last);
      for (int c : called) {
        if (c != last[0] && !named.contains(c)) {
          return decided("vocans", c);
        }
      }
      // 2b. The narration said whom the previous speech was for ("said to Ann"): they answer.
      for (int c : listeners(last)) {
        if (c != last[0] && !named.contains(c)) {
          return decided("toldto", c);
        }
      }
      // 3. Alternation: the speaker before the last one.
      for (int k = turns.size() - 2; k >= 0 && k >= turns.size() - 3; k--) {
        int s = turns.get(k)[0];
        // Only within one conversation: a long stretch of narration between turns ends it
        // ("Piglet nodded." does not).
        if (t.paraFirst[turns.get(k + 1)[1]] - t.paraLast[turns.get(k)[2]] > 120) {
          break;
        }
        if (s != last[0] && !named.contains(s) && p - turns.get(k)[2] <= 8) {
          // Unless someone else stepped in since s last spoke.
          int x = newcomer(t.quoteLast[turns.get(k)[4] - 1], t.paraFirst[p], last[0], named);
          if (x >= 0 && x != s) {
            return decided("newcomer", x);
          }
          return decided("alt", s);
        }
      }
    }
    // 3b. No conversation to continue: count back from the first names the next turns get.
    int ahead = namedAhead(to, p, named);
    if (ahead >= 0) {
      return decided("ahead", ahead);
    }
    // 4. The most recently named character that did not just speak, one who has spoken before
    // first ("the Maidan", a name in passing, rarely answers).
    int lastSpeaker = last == null ? -3 : last[0];
    for (int pass = 0; pass < 2; pass++) {
      for (int h = history.size() - 1; h >= 0; h--) {
        int[] e = history.get(h);
        if (p - t.para[e[0]] > 4) {
          break;
        }
        if (e[2] == 0 && e[1] != lastSpeaker && !named.contains(e[1])
            && (pass == 1 || e[1] < spoken.length && spoken[e[1]] > 0)) {
          return decided("recent", e[1]);
        }
      }
    }
    if (firstPerson && last != null && last[0] != -1 && p - last[2] <= 2
        && narratorNear(p)) {
      // In first-person narration the narrator is the usual other party of an exchange.
      return decided("fplate", -1);
    }
    if (last != null && p - last[2] <= 4 && !named.contains(last[0])) {
      return decided("last", last[0]);
    }
    return decided("none", -2);
  }

  /**
   * '"And when you're divorced, Lady Ashley…," said the count. "No. What a pity."': the last
   * speech called someone by name, and they answer, not a first-person narrator.
   */
  private boolean calledOther(int[] last, Set<Integer> named) {
    for (int c : calledBy(last)) {
      if (c >= 0 && c != last[0] && c != narratorName && !named.contains(c)) {
        return true;
      }
    }
    return false;
  }

  /** The first subject of the narration in tokens [a, b) as a beat's speaker, -3 if none. */
  int beat(int a, int b, int from, Set<Integer> named) {
    for (int k = a; k < b; k++) {
      if (t.quote[k] >= 0) {
        continue;
      }
      int m = names.mentionStart[k];
      if (m >= 0 && names.mentions.get(m).character >= 0 && isSubjectPosition(k)
          && !names.mentions.get(m).possessive
          && !named.contains(names.mentions.get(m).character)) {
        return decided("beat", names.mentions.get(m).character);
      }
      if (t.sentenceStart[k] && (t.lower[k].equals("he") || t.lower[k].equals("she"))) {
        int who = resolveAnaphor(t.lower[k].equals("he") ? "male" : "female", k, from, false);
        if (who != -2) {
          return decided("beatpron", who);
        }
      }
      if (t.sentenceStart[k] && t.word[k].equals("I") && firstPerson) {
        return decided("beatI", -1);
      }
    }
    return -3;
  }

  /**
   * The one character the next paragraph's speech calls by name, when that paragraph follows
   * right after this one: "In the drawer, Nora." answers Nora. -2 if none or several.
   */
  private int calledByNext(int next, int p, Set<Integer> named) {
    if (next >= spans.size() || spans.get(next).paragraph() > p + 1) {
      return -2;
    }
    int np = spans.get(next).paragraph();
    int end = next;
    while (end < spans.size() && spans.get(end).paragraph() == np) {
      end++;
    }
    Set<Integer> called = vocatives.addressed(next, end);
    called.removeAll(named);
    return called.size() == 1 ? called.iterator().next() : -2;
  }

  /**
   * A conversation's first turn, from the names given to the turns that follow: the first named
   * one, if an even number of turns ahead, or the first other named one an odd number ahead; or
   * the one a back-to-back turn an odd number ahead calls by name ("Yes, Ann."). -2 if the
   * following turns name no one fitting before the conversation ends.
   */
  private int namedAhead(int next, int p, Set<Integer> named) {
    int turn = 0;
    int prevPara = p;
    int q = next;
    int first = -2;
    boolean tight = true;
    while (q < spans.size() && turn < 6) {
      int np = spans.get(q).paragraph();
      if (np - prevPara > 2) {
        break;
      }
      turn++;
      tight &= np == prevPara + 1;
      int end = q;
      int who = -2;
      while (end < spans.size() && spans.get(end).paragraph() == np) {
        Cue c = cues[end];
        if (who == -2 && c != null && c.kind == NAME) {
          who = names.mentions.get(c.mention).character;
        }
        end++;
      }
      if (who < 0 && tight) {
        // A later turn that calls someone by name, an odd number of turns ahead in a run of
        // back-to-back turns, answers the opener's side: the one it calls holds that side.
        Set<Integer> called = vocatives.addressed(q, end);
        called.removeAll(named);
        if (called.size() == 1 && turn % 2 == 1) {
          int c = called.iterator().next();
          if (first == -2 || c != first) {
            return c;
          }
        }
      }
      if (who >= 0 && !named.contains(who)) {
        if (first == -2) {
          if (turn % 2 == 0) {
            return who;
          }
          first = who;
        } else if (who != first && turn % 2 == 0) {
          return who;
        } else if (who != first) {
          return -2;
        }
      }
      prevPara = np;
      q = end;
    }
    return -2;
  }

  /**
   * The latest character named as a subject in the narration between token from and token to,
   * other than the last speaker and those the quote names: someone who came into the scene
   * after the one alternation would pick last spoke ("Brenda lay on the dais."), -2 if none.
   */
  private int newcomer(int from, int to, int lastSpeaker, Set<Integer> excluded) {
    for (int h = history.size() - 1; h >= 0; h--) {
      int[] e = history.get(h);
      if (e[0] < from) {
        break;
      }
      if (e[0] < to && e[2] == 0 && e[1] != lastSpeaker && !excluded.contains(e[1])
          && isSubjectPosition(e[0])) {
        return e[1];
      }
    }
    return -2;
  }

  private int narratorTalks = -1;

  /** The narrator is a talker of the book: "I said" is a good share of the speech cues. */
  private boolean narratorTalks() {
    if (narratorTalks < 0) {
      int first = 0;
      int all = 0;
      for (Cue c : cues) {
        if (c != null) {
          all++;
          first += c.kind == FIRST ? 1 : 0;
        }
      }
      if (Boolean.getBoolean("attribution.debug")) {
        System.err.println("first-person cues " + first + " of " + all);
      }
      narratorTalks = first >= 10 && first * 20 >= all ? 1 : 0;
    }
    return narratorTalks == 1;
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
}
