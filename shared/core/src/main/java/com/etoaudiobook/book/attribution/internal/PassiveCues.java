package com.etoaudiobook.book.attribution.internal;

import static com.etoaudiobook.book.attribution.internal.Cue.NAME;

/**
 * Cues where the speaker is not the subject of a speech verb: the quote as subject of "was"
 * ('"…" was Catherine's answer', '"…" was uttered by Tom') and the cleft sentence ("It was
 * Marilla who spoke").
 */
final class PassiveCues {

  private final Tokens t;
  private final Names names;
  private final SpeechVerbs verbs;
  private final Subjects subjects;

  PassiveCues(Tokens t, Names names, SpeechVerbs verbs, Subjects subjects) {
    this.t = t;
    this.names = names;
    this.verbs = verbs;
    this.subjects = subjects;
  }

  /** "It was Marilla who spoke": the name of a cleft sentence, or null. */
  Cue cleft(int j, int limit) {
    if (j + 4 >= limit || !t.lower[j].equals("it")
        || !(t.lower[j + 1].equals("was") || t.lower[j + 1].equals("is"))) {
      return null;
    }
    int m = names.mentionStart[j + 2];
    Cue c = m >= 0 ? subjects.subjectAt(j + 2, limit) : null;
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
  Cue passive(int j, int limit) {
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
        return k + 1 < limit ? subjects.subjectAt(k + 1, limit) : null;
      }
    }
    return null;
  }
}
