package com.etoaudiobook.book.attribution.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a quotation names: those it addresses ("Thank you, Tom.", "Alice, come here") and anyone
 * it names at all. Neither is, as a rule, its speaker; the one addressed is likely the next.
 */
final class Vocatives {
  /** Speech verbs whose object is the listener ("asked Ann"). */
  private static final Set<String> OBJECT_VERBS = Set.of("asked", "told", "answered",
      "assured", "reminded", "warned", "thanked", "begged", "implored", "urged", "bade",
      "interrupted", "questioned", "addressed", "greeted", "called", "informed");
  private static final Set<String> SUBJECTS = Set.of("he", "she", "i", "they", "we");

  private final Tokens t;
  private final Names names;
  private final List<QuoteScanner.Span> spans;

  Vocatives(Tokens t, Names names, List<QuoteScanner.Span> spans) {
    this.t = t;
    this.names = names;
    this.spans = spans;
  }

  /**
   * In first-person narration, the narrator's own name: the character the others call by name
   * most ("Get me some water, Jake."; "my dear Watson") whom the narration, which says "I",
   * hardly names and never lets speak, and who answers a call at least once as "I" ("said I"); before
   * that, one the narrator gives as "I" as a name of their own ('"Yes," I said, "Jonathan Harker."').
   * -2 when no one is clearly so.
   */
  int narratorName(Cue[] cues) {
    int n = names.people.size();
    int[] called = new int[n];
    int[] told = new int[n];
    // "said Bunny": the narration lets them speak in the third person, so not the narrator
    boolean[] speaks = new boolean[n];
    // a call answered by "I said" in the next paragraph's speech: someone only ever called
    // ("Mr. Thaddeus" by the servants, and "Thaddeus Sholto" in the narration) is not the narrator
    int[] answers = new int[n];
    for (int q = 0; q < spans.size(); q++) {
      Set<Integer> to = addressed(q, q + 1);
      int reply = q + 1;
      while (reply < spans.size() && spans.get(reply).paragraph() == spans.get(q).paragraph()) {
        reply++;
      }
      boolean first = reply < spans.size() && spans.get(reply).paragraph() <= spans.get(q).paragraph() + 2
          && cues[reply] != null && cues[reply].kind == Cue.FIRST;
      for (int c : to) {
        called[c]++;
        answers[c] += first ? 1 : 0;
      }
    }
    for (Names.Mention m : names.mentions) {
      if (m.character >= 0 && t.quote[m.first] < 0) {
        told[m.character]++;
        speaks[m.character] |= m.first > 0 && Lexicon.isSpeechVerb(t.lower[m.first - 1]) && !naming(m.first - 1)
            || m.last < t.size && Lexicon.isSpeechVerb(t.lower[m.last]);
      }
    }
    // '"Yes," I said, "Jonathan Harker."': the narrator giving a name as "I" gives his own
    int[] introduced = new int[n];
    for (int q = 0; q < spans.size(); q++) {
      int c = cues[q] != null && cues[q].kind == Cue.FIRST ? ownName(q) : -1;
      if (c >= 0) {
        introduced[c]++;
      }
    }
    int best = -2;
    for (int c = 0; c < n; c++) {
      // (not someone the narration names more often than others call them: '"Who was it?" "Tom Harlow," I said.')
      if (introduced[c] > 0 && !speaks[c] && told[c] <= called[c] + 3
          && (best < 0 || introduced[c] > introduced[best])) {
        best = c;
      }
    }
    if (best >= 0) {
      return best;
    }
    for (int c = 0; c < n; c++) {
      if (called[c] >= 3 && told[c] * 3 <= called[c] && !speaks[c] && answers[c] >= 1
          && (best < 0 || called[c] > called[best])) {
        best = c;
      }
    }
    return best;
  }

  /**
   * The character quote {@code q} gives as the speaker's own name: the whole of it a name ("Jonathan
   * Harker.") or "My name is" / "I am" and a name; else -1.
   */
  private int ownName(int q) {
    int k = t.quoteFirst[q];
    int end = t.quoteLast[q];
    while (k < end && !t.isWord[k]) {
      k++;
    }
    if (k + 2 < end && t.lower[k].equals("my") && t.lower[k + 1].equals("name") && t.lower[k + 2].equals("is")) {
      k += 3;
    } else if (k + 1 < end && t.lower[k].equals("i") && t.lower[k + 1].equals("am")) {
      k += 2;
    }
    int m = k < end ? names.mentionStart[k] : -1;
    if (m < 0 || names.mentions.get(m).character < 0 || names.mentions.get(m).possessive) {
      return -1;
    }
    for (int j = names.mentions.get(m).last; j < end; j++) {
      // (a name asked, "Count Dracula?", is someone else's)
      if (t.isWord[j] || t.word[j].equals("?")) {
        return -1;
      }
    }
    return names.mentions.get(m).character;
  }

  /**
   * "I called myself Pip", "a man named Small": a naming verb after a word, not a speech verb
   * after a quotation ("…,” called Holmes).
   */
  private boolean naming(int verb) {
    return (t.lower[verb].equals("called") || t.lower[verb].equals("named")) && verb > 0 && t.isWord[verb - 1];
  }

  /** Characters addressed by name inside quotes [from, to): "…, Alice?" or "Alice, …". */
  Set<Integer> addressed(int from, int to) {
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
        // "To the Fischbaums--Mrs Fischbaum, not…": a name after a dash is an apposition.
        boolean prevBreak = before < t.quoteFirst[q] + 1 || !t.isWord[before]
            && !t.word[before].startsWith("-") && !t.word[before].startsWith("\u2014")
            || t.lower[before].equals("dear") || t.lower[before].equals("my");
        boolean nextBreak = after >= t.quoteLast[q] || !t.isWord[after];
        boolean afterComma = before >= 0 && t.word[before].equals(",");
        if (echo(q, mm) || apposed(mm.last, t.quoteLast[q]) || subject(mm.last, t.quoteLast[q])
            || listed(before, mm.last, t.quoteLast[q])) {
          continue;
        }
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
   * "Mrs. Oldmore, too; I seem to remember the name": a name whose comma opens "too" is talked
   * about, not called (not "who": "Dr. Mortimer, who is this Barrymore?" calls him).
   */
  private boolean apposed(int after, int end) {
    return after + 1 < end && t.word[after].equals(",") && APPOSED.contains(t.lower[after + 1]);
  }

  private static final Set<String> APPOSED = Set.of("too", "also");

  /**
   * "Mr. Martin, I suppose, is not a man of information": a name, an aside between commas (and
   * perhaps one in brackets: "Mr. Elton, you know, (recollecting herself,) is out of the
   * question"), then its verb is the sentence's subject, talked about (a call goes on to its own
   * subject: "Harriet, I suppose you will come").
   */
  private boolean subject(int after, int end) {
    if (after >= end || !t.word[after].equals(",")) {
      return false;
    }
    for (int k = after + 2; k < end && k <= after + 5 && t.isWord[k - 1]; k++) {
      if (t.word[k].equals(",")) {
        int v = k + 1;
        if (v < end && t.word[v].equals("(")) {
          while (v < end && v <= k + 10 && !t.word[v].equals(")")) {
            v++;
          }
          v += v + 1 < end && t.word[v + 1].equals(",") ? 2 : 1;
        }
        return v < end && FINITE.contains(t.lower[v]);
      }
    }
    return false;
  }

  /**
   * "There is himself, Earnshaw, Zillah, Joseph and I.": a name between commas with another name
   * after it is one of a list, talked about.
   */
  private boolean listed(int before, int after, int end) {
    if (before < 0 || !t.word[before].equals(",") || after + 1 >= end || !t.word[after].equals(",")
        || names.mentionStart[after + 1] < 0) {
      return false;
    }
    // the list goes on after the next name ("But, Julia, Mr. Rushworth will be here" calls Julia)
    int next = names.mentions.get(names.mentionStart[after + 1]).last;
    return next < end && (t.word[next].equals(",") || t.lower[next].equals("and") || t.lower[next].equals("or"));
  }

  /** Verbs (and the adverbs before one) that go on from a third person subject. */
  private static final Set<String> FINITE = Set.of("is", "was", "has", "had", "does", "did", "will",
      "would", "can", "could", "must", "may", "might", "shall", "should", "never", "always", "seems");

  /**
   * '"…when I'm without Nastasia." "Nastasia; but isn't she with you?"': a name that opens a
   * quote, cut off by ";" or "?", repeats the name the quote before it said: an echo, not an
   * address (the one named is talked about, and does not answer).
   */
  private boolean echo(int q, Names.Mention mm) {
    if (q == 0 || mm.first > t.quoteFirst[q] + 1 || mm.last >= t.quoteLast[q]
        || !(t.word[mm.last].equals(";") || t.word[mm.last].equals("?"))) {
      return false;
    }
    for (int k = t.quoteFirst[q - 1]; k < t.quoteLast[q - 1]; k++) {
      int m = names.mentionStart[k];
      if (m >= 0 && names.mentions.get(m).character == mm.character) {
        return true;
      }
    }
    return false;
  }

  /** Characters named anywhere inside quotes [from, to): people rarely say their own name. */
  Set<Integer> named(int from, int to) {
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

  /**
   * Characters the narration of paragraphs [fromPara, toPara] says were spoken to ("said to
   * Mrs. Bhattacharya", "turning to Alice"): the listener is likely the one who answers.
   */
  Set<Integer> toldTo(int fromPara, int toPara) {
    Set<Integer> out = new HashSet<>();
    for (int k = t.paraFirst[fromPara]; k < t.paraLast[toPara]; k++) {
      int m = names.mentionStart[k];
      if (m < 0 || t.quote[k] >= 0 || k < 2) {
        continue;
      }
      Names.Mention mm = names.mentions.get(m);
      if (mm.character < 0 || mm.possessive) {
        continue;
      }
      // "he asked Ann", "Tom told Ann": a subject, a speech verb, then its object.
      if (OBJECT_VERBS.contains(t.lower[k - 1]) && (SUBJECTS.contains(t.lower[k - 2])
          || names.mentionEnd[k - 2] >= 0)) {
        out.add(mm.character);
        continue;
      }
      if (!t.lower[k - 1].equals("to")) {
        continue;
      }
      for (int v = k - 2; v >= k - 4 && v >= t.paraFirst[fromPara] && t.isWord[v]; v--) {
        String l = t.lower[v];
        if (Lexicon.isSpeechVerb(l) || l.equals("turned") || l.equals("turning")) {
          out.add(mm.character);
          break;
        }
      }
    }
    return out;
  }
}
