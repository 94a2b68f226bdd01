package com.etoaudiobook.book.attribution.internal;

import java.util.List;

import static com.etoaudiobook.book.attribution.internal.Cue.DESC;
import static com.etoaudiobook.book.attribution.internal.Cue.FIRST;
import static com.etoaudiobook.book.attribution.internal.Cue.NAME;
import static com.etoaudiobook.book.attribution.internal.Cue.PRONOUN;
import static com.etoaudiobook.book.attribution.internal.Cue.WORD;

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

  CueFinder(Tokens t, Names names, List<QuoteScanner.Span> spans, boolean firstPerson) {
    this.t = t;
    this.verbs = new SpeechVerbs(t);
    this.names = names;
    this.spans = spans;
    this.firstPerson = firstPerson;
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
    if (v > 0) {
      return subjectAt(v, limit);
    }
    Cue cleft = cleft(j, limit);
    if (cleft != null) {
      return cleft;
    }
    Cue passive = j - i <= 2 ? passive(j, limit) : null;
    if (passive != null) {
      return passive;
    }
    if (j == i && verbs.loose(j) && names.mentionStart[j + 1] >= 0) {
      // '"…," hooted Aziz': right after the quote, any past tense before a name says who.
      return subjectAt(j + 1, limit);
    }
    // Subject first: mention, pronoun or description, then fillers, then the verb.
    int[] end = new int[1];
    Cue c = subjectForward(j, limit, end);
    if (c == null) {
      return null;
    }
    int k = end[0];
    int fill = 0;
    while (k < limit && fill < 3 && verbs.isFiller(k)) {
      k++;
      fill++;
    }
    return verbs.at(k, limit) > 0 || j == i && k == end[0] && verbs.loose(k) ? c : null;
  }

  /** "It was Marilla who spoke": the name of a cleft sentence, or null. */
  private Cue cleft(int j, int limit) {
    if (j + 4 >= limit || !t.lower[j].equals("it")
        || !(t.lower[j + 1].equals("was") || t.lower[j + 1].equals("is"))) {
      return null;
    }
    int m = names.mentionStart[j + 2];
    Cue c = m >= 0 ? subjectAt(j + 2, limit) : null;
    if (c == null) {
      return null;
    }
    int k = m >= 0 ? names.mentions.get(m).last : j + 3;
    if (k + 1 < limit && (t.lower[k].equals("who") || t.lower[k].equals("that"))
        && verbs.at(k + 1, limit) > 0) {
      return c;
    }
    return null;
  }

  private static final java.util.Set<String> SPEECH_NOUNS = java.util.Set.of("answer", "reply",
      "assurance", "rejoinder", "response", "retort", "exclamation", "remark", "cry", "question", "comment",
      "observation");

  /**
   * '"…" was Catherine's answer' and '"…" was uttered at the same moment by Catherine': the
   * speaker of a quote that is the subject of "was", or null.
   */
  private Cue passive(int j, int limit) {
    if (j + 2 >= limit || !t.lower[j].equals("was")) {
      return null;
    }
    int at = j + 1;
    // "was all Lady Bertram's reply", "was only Tom's answer".
    while (at < limit && at <= j + 2 && names.mentionStart[at] < 0 && t.isWord[at]
        && !t.isCap(at) && (t.lower[at].equals("all") || t.lower[at].equals("only"))) {
      at++;
    }
    int m = at < limit ? names.mentionStart[at] : -1;
    if (m >= 0) {
      Names.Mention mm = names.mentions.get(m);
      int k = mm.last;
      if (k < limit && (t.lower[k].equals("'s") || t.lower[k].equals("s"))) {
        k++;
      }
      // "was Edmund's only reply", "was Catherine's honest assurance": a word or two between.
      int n = k;
      while (n < limit && n <= k + 2 && t.isWord[n] && !t.isCap(n)
          && !SPEECH_NOUNS.contains(t.lower[n])) {
        n++;
      }
      if (n < limit && n > k && SPEECH_NOUNS.contains(t.lower[n])) {
        k = n;
      }
      if ((mm.possessive || k > mm.last) && k < limit && SPEECH_NOUNS.contains(t.lower[k])) {
        return new Cue(NAME, m, null, at);
      }
      // "was Helen's contribution.", "was Fanny's secret declaration": any short noun phrase
      // that ends the sentence after the possessive.
      if ((mm.possessive || k > mm.last) && n > k && n < t.size && !t.isWord[n]
          && (verbs.isTerminator(n) || t.word[n].equals(","))) {
        return new Cue(NAME, m, null, at);
      }
      return null;
    }
    // "was uttered [at the same moment] by": a participle, a few words, then "by" and who.
    if (!Lexicon.isSpeechVerb(t.lower[j + 1]) && !t.lower[j + 1].equals("uttered")) {
      return null;
    }
    for (int k = j + 2; k < limit && k <= j + 8 && t.isWord[k]; k++) {
      if (t.lower[k].equals("by")) {
        return k + 1 < limit ? subjectAt(k + 1, limit) : null;
      }
    }
    return null;
  }

  /** The quote opens its paragraph and the narration above runs into it (no full stop). */
  private boolean introducedAbove(int q) {
    int qs = t.quoteFirst[q];
    int p = spans.get(q).paragraph();
    if (p == 0 || qs == 0 || qs != t.paraFirst[p] || t.para[qs - 1] != p - 1
        || t.quote[qs - 1] >= 0) {
      return false;
    }
    // "…and replied," / "…said:" / "…cried out" ending the narration above.
    String w = t.word[qs - 1];
    return w.equals(":") || w.equals(",") || t.isWord[qs - 1] && !t.isCap(qs - 1);
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
        Cue owner = possessiveAt(k);
        if (owner != null && owner.tok > 0
            && Salience.PREPOSITIONS.contains(t.lower[owner.tok - 1])) {
          return owner;
        }
      }
      if (k >= s) {
        Cue c = subjectEndingAt(k, s);
        if (c != null) {
          return subordinate(c, q) ? null : c;
        }
        // "Katharine, after a moment's thought, said:": the subject before a parenthesis.
        Cue paren = k > s && t.word[k].equals(",") ? beforeParenthesis(k, s) : null;
        if (paren != null) {
          return paren;
        }
        Cue rel = relative(k, s);
        if (rel != null) {
          return rel;
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
      boolean first = true;
      for (int m = s; m < v; m++) {
        if (t.isWord[m] && !Lexicon.CLAUSE_OPENERS.contains(t.lower[m]) && !verbs.isFiller(m)) {
          Cue c = subjectForward(m, v, end);
          if (c != null && c.kind == DESC && !first) {
            // "as they walked about the room, Isabella explained": a later description is
            // more likely an object than the subject; look on for a name.
            m = end[0] - 1;
            continue;
          }
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

  /** A name mention ending at k that owns what follows: "Alice's", "Thorpe s". */
  private Cue possessiveAt(int k) {
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

  private static final java.util.Set<String> SUBORDINATORS = java.util.Set.of("as", "while",
      "whilst", "when", "though", "although", "because", "since");

  /** The subject before the comma opening a parenthesis that ends at the comma at k. */
  private Cue beforeParenthesis(int k, int s) {
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
  private Cue relative(int k, int s) {
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
  private Cue subjectAt(int k, int limit) {
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
  private Cue bareWord(int k, int limit) {
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

  /** Words after a speech verb that say to whom or how, not who. */
  private static final java.util.Set<String> OBJECT_WORDS = java.util.Set.of("him", "her",
      "them", "me", "us", "you", "it", "himself", "herself", "again", "aloud", "softly", "so",
      "nothing", "something", "everything", "yes", "no", "this", "that", "too", "once", "twice",
      "then", "now", "only", "out", "back");

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
          if (t.isCap(a) || verbs.at(a, limit) > 0 || Lexicon.STOP.contains(t.lower[a])) {
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
          && verbs.at(j, limit) < 0 && !verbs.isFiller(j) && !t.lower[j].equals("to")
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
      Cue d = new Cue(DESC, -1, gender, k);
      d.descEnd = j;
      return d;
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
}
