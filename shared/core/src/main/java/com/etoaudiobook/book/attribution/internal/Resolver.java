package com.etoaudiobook.book.attribution.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.etoaudiobook.book.attribution.internal.Cue.FIRST;
import static com.etoaudiobook.book.attribution.internal.Cue.NAME;
import static com.etoaudiobook.book.attribution.internal.Cue.DESC;
import static com.etoaudiobook.book.attribution.internal.Cue.PRONOUN;
import static com.etoaudiobook.book.attribution.internal.Cue.WORD;

/**
 * Stage 3, resolving: walks the quotations in text order, a unit at a time (the quotations of
 * one paragraph and those it runs on into): a cue's name is the speaker; pronouns and
 * descriptions go to the salient character that fits; quotations without a cue take the unit's
 * cue, an action beat, the answer to a vocative, or the turn-taking of the conversation.
 */
final class Resolver extends Salience {

  Resolver(Tokens t, Names names, List<QuoteScanner.Span> spans, boolean firstPerson,
           Cue[] cues) {
    super(t, names, spans, firstPerson, cues);
    descriptions = new Descriptions(t, names);
  }

  private final Descriptions descriptions;

  /** Prints which rule gave each implicit speaker (for measuring rules on annotated novels). */
  static final boolean DEBUG = Boolean.getBoolean("attribution.steps");

  void resolveAll() {
    resolveForward();
    ended.addAll(turns);
    Parity.fix(ended, speaker, type);
  }

  /** Turns of the conversations a scene break or a heading has closed. */
  private final List<int[]> ended = new java.util.ArrayList<>();

  /**
   * A paragraph that closes every conversation before it: a scene break ("* * *") or a
   * heading ("CHAPTER IV", "II"): no quotation, and no words or only capitals and numbers.
   */
  private boolean isBreak(int p) {
    int words = 0;
    for (int k = t.paraFirst[p]; k < t.paraLast[p]; k++) {
      if (t.quote[k] >= 0) {
        return false;
      }
      if (t.isWord[k]) {
        words++;
        String w = t.word[k];
        boolean heading = k == t.paraFirst[p] && (t.lower[k].equals("chapter")
            || t.lower[k].equals("book") || t.lower[k].equals("part"));
        if (!heading && !w.equals(w.toUpperCase(java.util.Locale.ROOT)) || words > 8) {
          return false;
        }
      }
    }
    return true;
  }

  /** Paragraph after the last one checked for a break. */
  private int breakScan;

  /** Ends the conversation when a break lies between its last turn and paragraph p. */
  private void closeConversationBefore(int p) {
    boolean found = false;
    for (int b = Math.max(breakScan, 0); b < p; b++) {
      found |= isBreak(b);
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
    closeConversationBefore(firstPara);
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
      anaphorRule = "cue";
      int who = resolveCue(c, q);
      if (DEBUG && c.kind != NAME) {
        StringBuilder w = new StringBuilder();
        for (int k = c.tok; k < Math.max(c.tok + 1, c.descEnd); k++) {
          w.append(t.word[k]).append('_');
        }
        System.err.println("STEP " + spans.get(q).start() + " A" + (c.kind == DESC ? "d" : "p") + "-" + anaphorRule + " " + w);
      }
      if (who != -2) {
        speaker[q] = who;
        type[q] = c.kind == NAME || c.kind == WORD ? "explicit" : "anaphoric";
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
      if (DEBUG) {
        System.err.println("STEP " + spans.get(from).start() + " " + decidedBy);
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

  private int resolveCue(Cue c, int q) {
    switch (c.kind) {
      case NAME:
        return names.mentions.get(c.mention).character;
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


  /** Speaker of a unit with no cue: action beat, vocative, turn-taking, recent name. */
  /** Which rule decided the last implicit speaker: printed with -Dattribution.steps=true. */
  private String decidedBy;

  private int decided(String rule, int who) {
    decidedBy = rule;
    return who;
  }

  private int implicitSpeaker(int from, int to) {
    int p = spans.get(from).paragraph();
    // Whoever the quote names, as addressee or in passing, is not its speaker.
    Set<Integer> named = named(from, to);
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
    int[] last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
    boolean adjacent = last != null && p - last[2] <= 2;
    if (firstPerson && adjacent && last[0] != -1
        && narratorNear(p) && narratorTalks()) {
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
      Set<Integer> called = vocatives(last[3], last[4]);
      for (int c : called) {
        if (c != last[0] && !named.contains(c)) {
          return decided("vocans", c);
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

  /** The first subject of the narration in tokens [a, b) as a beat's speaker, -3 if none. */
  private int beat(int a, int b, int from, Set<Integer> named) {
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
    Set<Integer> called = vocatives(next, end);
    called.removeAll(named);
    return called.size() == 1 ? called.iterator().next() : -2;
  }

  /**
   * A conversation's first turn, from the names given to the turns that follow: the first named
   * one, if an even number of turns ahead, or the first other named one an odd number ahead.
   * -2 if the following turns name no one fitting before the conversation ends.
   */
  private int namedAhead(int next, int p, Set<Integer> named) {
    int turn = 0;
    int prevPara = p;
    int q = next;
    int first = -2;
    while (q < spans.size() && turn < 6) {
      int np = spans.get(q).paragraph();
      if (np - prevPara > 2) {
        break;
      }
      turn++;
      int end = q;
      int who = -2;
      while (end < spans.size() && spans.get(end).paragraph() == np) {
        Cue c = cues[end];
        if (who == -2 && c != null && c.kind == NAME) {
          who = names.mentions.get(c.mention).character;
        }
        end++;
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

  /** Characters named anywhere inside quotes [from, to): people rarely say their own name. */
  private Set<Integer> named(int from, int to) {
    Set<Integer> out = new HashSet<>();
    for (int q = from; q < to && q < spans.size(); q++) {
      for (int k = t.quoteFirst[q]; k < t.quoteLast[q]; k++) {
        int m = names.mentionStart[k];
        if (m >= 0 && names.mentions.get(m).character >= 0) {
          out.add(names.mentions.get(m).character);
        }
      }
    }
    return out;
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
