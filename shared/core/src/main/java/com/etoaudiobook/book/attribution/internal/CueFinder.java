package com.etoaudiobook.book.attribution.internal;

import java.util.List;

import static com.etoaudiobook.book.attribution.internal.Cue.DESC;
import static com.etoaudiobook.book.attribution.internal.Cue.NAME;
import static com.etoaudiobook.book.attribution.internal.Cue.PRONOUN;

/**
 * Stage 2, candidate speakers: for each quotation, the speech cue next to it: a speech verb with
 * its subject before or after the quote ("said Alice", "she said", "the old man replied",
 * "Then said the Hatter:"), found within the sentence that leads into or out of the quote.
 */
final class CueFinder {

  private final Tokens t;
  private final SpeechVerbs verbs;
  private final Names names;
  private final List<QuoteScanner.Span> spans;
  private final boolean firstPerson;
  private final Subjects subjects;
  private final PassiveCues passives;

  CueFinder(Tokens t, Names names, List<QuoteScanner.Span> spans, boolean firstPerson) {
    this.t = t;
    this.verbs = new SpeechVerbs(t);
    this.names = names;
    this.spans = spans;
    this.firstPerson = firstPerson;
    this.subjects = new Subjects(t, names, verbs, firstPerson);
    this.passives = new PassiveCues(t, names, verbs, subjects);
  }

  /** The cue of quotation q, or null. */
  Cue find(int q) {
    return findCue(q);
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
    if (c != null) {
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
    if (before != null && qs > 0 && t.quote[qs - 1] < 0
        && (t.para[qs - 1] == t.para[qs] || introducedAbove(q))
        && (t.word[qs - 1].equals(",") || t.word[qs - 1].equals(":")
        || t.word[qs - 1].startsWith("-") || t.word[qs - 1].startsWith("\u2014")
        || t.isWord[qs - 1] && introducedAbove(q) || verbEndsAbove(q))) {
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
    while (j < limit && !t.isWord[j] && !verbs.isTerminator(j)) {
      j++;
    }
    if (j >= limit || verbs.isTerminator(j) || Lexicon.CLAUSE_OPENERS.contains(t.lower[j])) {
      // '"Got it?" and Pooh said, "Yes"': the cue belongs to the next quote.
      return null;
    }
    int v = verbs.at(j, limit);
    if (v > 0 && !t.lower[j].endsWith("ing")) {
      return subjects.subjectAt(v, limit);
    }
    if (v > 0) {
      // '"…?" Resuming her methods, she wrote': a participle has no subject after it.
      return null;
    }
    Cue cleft = passives.cleft(j, limit);
    if (cleft != null) {
      return cleft;
    }
    Cue passive = j - i <= 2 ? passives.passive(j, limit) : null;
    if (passive != null) {
      return passive;
    }
    if (j == i && verbs.loose(j) && names.mentionStart[j + 1] >= 0) {
      // '"…," hooted Aziz': right after the quote, any past tense before a name says who.
      return subjects.subjectAt(j + 1, limit);
    }
    // Subject first: mention, pronoun or description, then fillers, then the verb.
    int[] end = new int[1];
    Cue c = subjects.subjectForward(j, limit, end);
    if (c == null) {
      return null;
    }
    int k = end[0];
    int fill = 0;
    while (k < limit && fill < 3 && verbs.isFiller(k)) {
      k++;
      fill++;
    }
    Cue heard = heardSay(k, limit);
    if (heard != null) {
      return heard;
    }
    int after = verbs.at(k, limit);
    if (after > 0 && endsWithStop(q) && reports(after)) {
      // '"…at all." Ralph observed, with a smile, that she…': a new sentence that reports.
      return null;
    }
    // ('"…kirk-garth." I nodded': after a full stop a verb of no speech is the next sentence's action)
    return after > 0 || j == i && k == end[0] && verbs.loose(k) && !endsWithStop(q) ? c : null;
  }

  /** Verbs of hearing whose object then speaks: "Archer heard Reggie say". */
  private static final java.util.Set<String> HEARING = java.util.Set.of("heard", "hears",
      "overheard", "overhears");

  /** Speech verbs in the bare infinitive after a verb of hearing. */
  private static final java.util.Set<String> SAY = java.util.Set.of("say", "cry", "exclaim",
      "ask", "remark", "whisper", "murmur", "add", "reply", "answer", "call", "mutter", "shout",
      "observe", "declare", "repeat", "begin");

  /**
   * '"…," Archer heard Reggie Chivers say.': after a verb of hearing at k, the one heard to
   * speak is the speaker, not the hearer. Null if k is no such verb.
   */
  private Cue heardSay(int k, int limit) {
    if (k >= limit || !HEARING.contains(t.lower[k])) {
      return null;
    }
    int[] end = new int[1];
    Cue c = subjects.subjectForward(k + 1, limit, end);
    if (c == null || c.kind == PRONOUN) {
      return null;
    }
    int v = end[0];
    return v < limit && t.isWord[v] && (SAY.contains(t.lower[v]) || verbs.at(v, limit) > 0)
        ? c : null;
  }

  /**
   * The sentence of the verb ending at {@code after} goes on to report speech ("Ralph observed,
   * with a smile, that she…"): it tells what was said, it does not introduce a quote.
   */
  private boolean reports(int after) {
    for (int k = after; k < t.size && k < after + 25 && t.quote[k] < 0; k++) {
      if (verbs.isTerminator(k)) {
        return false;
      }
      if (t.lower[k].equals("that")) {
        return true;
      }
    }
    return false;
  }

  /** The quotation's words end with a full stop ("...at all."). */
  private boolean endsWithStop(int q) {
    for (int k = t.quoteLast[q] - 1; k >= t.quoteFirst[q]; k--) {
      if (t.isWord[k]) {
        return false;
      }
      if (t.word[k].equals(".")) {
        return true;
      }
    }
    return false;
  }

  /** The quote opens its paragraph and the narration above runs into it (no full stop). */
  private boolean introducedAbove(int q) {
    int qs = t.quoteFirst[q];
    int p = spans.get(q).paragraph();
    if (p == 0 || qs == 0 || qs != t.paraFirst[p] || t.para[qs - 1] != p - 1
        || t.quote[qs - 1] >= 0) {
      return false;
    }
    // "…and replied," / "…said:" / "…cried out" ending the narration above (a dash after the colon
    // or the comma too: "Again he said:--")
    int end = qs - 1;
    while (end > t.paraFirst[p - 1] && isDash(t.word[end]) && (t.word[end - 1].equals(":") || t.word[end - 1].equals(","))) {
      end--;
    }
    String w = t.word[end];
    return w.equals(":") || w.equals(",") || t.isWord[end] && !t.isCap(end);
  }

  private static boolean isDash(String w) {
    return !w.isEmpty() && (w.charAt(0) == '-' || w.charAt(0) == '\u2014' || w.charAt(0) == '\u2013');
  }

  /**
   * The quote opens its paragraph and the paragraph above, without a quotation, ends in a speech
   * verb and a full stop: "Lucy continued." / "Sir Thomas, trying to smile, went on."
   */
  private boolean verbEndsAbove(int q) {
    int qs = t.quoteFirst[q];
    int p = spans.get(q).paragraph();
    if (p == 0 || qs != t.paraFirst[p] || qs < 3 || !t.word[qs - 1].equals(".")
        || t.para[qs - 1] != p - 1 || q > 0 && spans.get(q - 1).paragraph() >= p - 1) {
      return false;
    }
    for (int v = qs - 2; v >= qs - 3 && v >= t.paraFirst[p - 1]; v--) {
      if (verbs.at(v, qs - 1) == qs - 1
          && (LEADING_IN.contains(t.lower[v]) || v > 0 && t.lower[v - 1].equals("began"))) {
        return true;
      }
    }
    return false;
  }

  /** Verbs that lead into speech when they end a sentence ("laughed." or "agreed." do not). */
  private static final java.util.Set<String> LEADING_IN = java.util.Set.of("continued", "went",
      "began", "resumed", "added", "replied", "answered", "rejoined", "pursued", "persisted",
      "explained", "remarked", "observed", "said", "asked", "inquired", "enquired");

  /** Alice said, "…" / Said the Hatter: "…" / She turned to him and said, "…". */
  private Cue cueBefore(int q) {
    int p = spans.get(q).paragraph();
    boolean verbAbove = verbEndsAbove(q);
    // The phrase ends at the quote, or before the full stop of a verb ending the paragraph above.
    int qs = verbAbove ? t.quoteFirst[q] - 1 : t.quoteFirst[q];
    int from = t.paraFirst[p];
    if (q > 0 && spans.get(q - 1).paragraph() == p) {
      from = t.quoteLast[q - 1];
    } else if (verbAbove) {
      from = t.paraFirst[p - 1];
    } else if (introducedAbove(q)) {
      // 'Katharine exclaimed:' closing the paragraph above introduces the quote opening this one.
      from = t.paraFirst[p - 1];
      if (q > 0 && spans.get(q - 1).paragraph() == p - 1) {
        from = t.quoteLast[q - 1];
      }
    }
    // Only the sentence that runs into the quote (bounded, so a huge unpunctuated paragraph
    // stays linear).
    from = Math.max(from, qs - 80);
    int s = from;
    for (int k = qs - 1; k >= from; k--) {
      if (verbs.isTerminator(k) && !t.word[k].equals(":")) {
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
      int after = verbs.at(v, qs);
      if (after < 0) {
        continue;
      }
      // Subject before the verb, possibly with fillers: "Alice then said".
      int k = v - 1;
      int fill = 0;
      while (k >= s && fill < 3 && verbs.isFiller(k)) {
        k--;
        fill++;
      }
      if (k > s && t.lower[v].endsWith("ing")) {
        // "by Thorpe's saying", "by Miss Tilney's asking": a possessive before a gerund speaks.
        Cue owner = subjects.possessiveAt(k);
        if (owner != null && owner.tok > 0
            && Salience.PREPOSITIONS.contains(t.lower[owner.tok - 1])) {
          return owner;
        }
      }
      if (k >= s) {
        Cue c = subjects.subjectEndingAt(k, s);
        if (c != null) {
          return subordinate(c, q) ? null : c;
        }
        // "Katharine, after a moment's thought, said:": the subject before a parenthesis.
        Cue paren = k > s && t.word[k].equals(",") ? subjects.beforeParenthesis(k, s) : null;
        if (paren != null) {
          return paren;
        }
        Cue rel = subjects.relative(k, s);
        if (rel != null) {
          return rel;
        }
      }
      // ('"Redruth," said I, interrupting the letter, "…"': what follows a participle is its
      // object, never its subject)
      if ((k < s || !t.isWord[k] || Lexicon.CLAUSE_OPENERS.contains(t.lower[k]))
          && !t.lower[v].endsWith("ing")) {
        // Inverted, with nothing before the verb in its clause: "Then said the Hatter:".
        Cue inv = subjects.subjectAt(after, qs);
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
        return r >= s ? subjects.subjectEndingAt(r, s) : null;
      }
      // "He waited while she sat down, and Mrs. Hilbery, leaning towards him, remarked:": the
      // subject of the last clause before the verb, not of the sentence.
      int[] end = new int[1];
      for (int m = v - 1; m > s + 1; m--) {
        if (t.quote[m] >= 0) {
          break;
        }
        if ((t.word[m - 1].equals(",") || t.word[m - 1].equals(";"))
            && CLAUSE_JOINS.contains(t.lower[m]) && m + 1 < v) {
          Cue c = subjects.subjectForward(m + 1, v, end);
          if (c != null && c.kind != DESC && !(c.kind == PRONOUN && t.lower[c.tok].equals("it"))
              && actsNext(end[0], v)) {
            return c;
          }
          break;
        }
      }
      // "Alice looked up and said", "an old Crab took the opportunity of saying": the
      // sentence subject.
      boolean first = true;
      boolean phrase = opensWithPhrase(s);
      for (int m = s; m < v; m++) {
        if (t.isWord[m] && !Lexicon.CLAUSE_OPENERS.contains(t.lower[m]) && !verbs.isFiller(m)) {
          Cue c = subjects.subjectForward(m, v, end);
          if (c != null && c.kind == DESC && !first) {
            // "as they walked about the room, Isabella explained": a later description is
            // more likely an object than the subject; look on for a name.
            m = end[0] - 1;
            continue;
          }
          // "Having greeted Mrs. Mingott, a large lady, he sat down and said": a name in an opening
          // phrase is not the subject when a clause after a comma has one of its own
          Cue main = c != null && phrase ? mainClauseSubject(end[0], v) : null;
          if (main != null) {
            return main;
          }
          phrase &= c == null;
          first = false;
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

  /**
   * '"…," he added, as she laughed, "…"': a pronoun after "as"/"while"/"when" between two parts
   * of one quotation is someone else's action, not a new speaker.
   */
  private boolean subordinate(Cue c, int q) {
    int b = c.tok - 1;
    return c.kind == PRONOUN && b > 0 && q > 0 && spans.get(q - 1).paragraph()
        == spans.get(q).paragraph() && b > t.quoteLast[q - 1] && SUBORDINATORS.contains(t.lower[b])
        && t.word[b - 1].equals(",");
  }

  /**
   * The sentence from {@code s} opens with a phrase before its subject: a participle ("Having
   * greeted", "Turning to"), a subordinating word ("When", "As") or a preposition ("After", "With").
   */
  private boolean opensWithPhrase(int s) {
    // (after an adverb: "Just before I was leaving, the old lady came up and said")
    int w = s + 1 < t.size && t.isWord[s + 1] && LEADING_ADVERBS.contains(t.lower[s]) ? s + 1 : s;
    String l = t.lower[w];
    return t.isWord[w] && (SUBORDINATORS.contains(l) || Salience.PREPOSITIONS.contains(l) || PHRASE_OPENERS.contains(l)
        || l.length() > 4 && l.endsWith("ing") && !ING_NOUNS.contains(l));
  }

  /** The subject of a clause after a comma between {@code from} and the verb at {@code v} that acts next, or null. */
  private Cue mainClauseSubject(int from, int v) {
    int[] end = new int[1];
    for (int m = from + 1; m < v; m++) {
      if (t.quote[m] >= 0) {
        return null;
      }
      // without a comma, a subject pronoun and its verb in the past after the opening clause's own:
      // "When I came close she bowed and said" (not "Roo, from whatever pool he was in, was answering")
      if (!t.word[m - 1].equals(",") && !(m > from + 1 && t.isWord[m - 1] && SUBJECT_PRONOUNS.contains(t.lower[m])
          && !t.lower[m - 1].equals("that") && actsNext(m + 1, v) && pastVerbIn(from, m))) {
        continue;
      }
      Cue c = subjects.subjectForward(m, v, end);
      // a subject pronoun after the comma opens the main clause whatever its verb ("she clung"); a name
      // or description may be an apposition ("Mrs. Mingott, a large lady in satin,"): its verb must follow
      if (c != null && (c.kind == PRONOUN ? SUBJECT_PRONOUNS.contains(t.lower[c.tok]) : actsNext(end[0], v)
          || c.kind == DESC && pastVerbIn(c.tok + 2, end[0]))) {
        return c;
      }
    }
    return null;
  }

  private static final java.util.Set<String> LEADING_ADVERBS = java.util.Set.of("just", "soon", "shortly", "long",
      "even", "only", "right", "immediately", "directly", "very", "not");
  private static final java.util.Set<String> SUBJECT_PRONOUNS = java.util.Set.of("he", "she", "they", "i", "we");
  private static final java.util.Set<String> PHRASE_OPENERS = java.util.Set.of("after", "before", "until", "till",
      "if", "once", "in", "during", "having", "being");
  /** Words in -ing that are no participle. */
  private static final java.util.Set<String> ING_NOUNS = java.util.Set.of("nothing", "something", "anything",
      "everything", "morning", "evening", "darling", "king", "thing", "during");

  /**
   * A verb in the past among tokens [from, end): also where a description read on over its own ("the
   * old lady came up" of "the old lady came up to my room and said": a description takes lowercase
   * words up to a speech verb).
   */
  private boolean pastVerbIn(int from, int end) {
    for (int j = from; j < end; j++) {
      if (t.isWord[j] && (t.lower[j].endsWith("ed") || PAST.contains(t.lower[j]))) {
        return true;
      }
    }
    return false;
  }

  /** The words from k on are a verb in the past, an adverb in -ly before it allowed: the clause's own verb. */
  private boolean actsNext(int k, int v) {
    while (k < v && t.isWord[k] && t.lower[k].endsWith("ly") && t.lower[k].length() > 3) {
      k++;
    }
    if (k > v || !t.isWord[k]) {
      return false;
    }
    String l = t.lower[k];
    return k == v || l.endsWith("ed") || PAST.contains(l) || verbs.at(k, v + 1) > 0;
  }

  /** Irregular verbs in the past a clause opens with before it speaks: "and Mary came up and said". */
  private static final java.util.Set<String> PAST = java.util.Set.of("began", "came", "went", "took",
      "gave", "made", "rose", "sat", "stood", "ran", "put", "held", "got", "caught", "drew", "broke",
      "spoke", "said", "was", "had", "did", "could", "would", "led", "left", "let", "saw", "found", "felt",
      "kept", "thought", "bent", "struck", "shook", "threw", "burst", "fell", "knew", "told", "turned");

  /** Words that join a clause with a subject of its own to the sentence: ", and Mary said". */
  private static final java.util.Set<String> CLAUSE_JOINS = java.util.Set.of("and", "but", "so",
      "then", "whereupon");

  private static final java.util.Set<String> SUBORDINATORS = java.util.Set.of("as", "while",
      "whilst", "when", "though", "although", "because", "since");

}
