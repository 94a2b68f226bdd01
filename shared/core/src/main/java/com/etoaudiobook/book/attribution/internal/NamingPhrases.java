package com.etoaudiobook.book.attribution.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The narration giving one person a second name: "Edward Bear, known to his friends as
 * Winnie-the-Pooh", "Mr. Wilcox, or, as I must now call him, Henry", "Ann, called Nan". The
 * name after the comma, reached through a naming verb before any other name, is the first's.
 */
final class NamingPhrases {

  /** Words that may open the phrase right after the comma. */
  private static final Set<String> OPENERS = Set.of("or", "known", "called", "nicknamed",
      "named", "christened", "alias", "styled", "dubbed", "better", "otherwise", "also", "as");

  /** The naming verbs, one of which the phrase must hold. */
  private static final Set<String> VERBS = Set.of("known", "called", "call", "calls",
      "nicknamed", "named", "christened", "alias", "styled", "dubbed");

  /**
   * Words that make the second name someone else: a relative clause ("Ann, who called him
   * Tom"), a coordination, a namesake ("named after his uncle Bill", "named for").
   */
  private static final Set<String> BLOCK = Set.of("who", "whom", "whose", "which", "that", "and",
      "but", "after", "for", "by", "than", "not", "never");

  /** How far after the comma the second name may be (tokens). */
  private static final int REACH = 14;

  private final Tokens t;
  private final Names names;
  /** Mention index pairs: the first names the person the second does. */
  private List<int[]> pairs;

  NamingPhrases(Tokens t, Names names) {
    this.t = t;
    this.names = names;
  }

  /** Every naming phrase of the text, as pairs of mention indexes. */
  List<int[]> pairs() {
    if (pairs == null) {
      pairs = new ArrayList<>();
      for (int i = 0; i < names.mentions.size(); i++) {
        int b = second(names.mentions.get(i));
        if (b >= 0) {
          pairs.add(new int[] {i, b});
        }
      }
    }
    return pairs;
  }

  /** The mention the phrase after m names m by, or -1. */
  private int second(Names.Mention m) {
    int k = m.last;
    if (k + 1 >= t.size || !t.word[k].equals(",") || !t.isWord[k + 1]
        || !OPENERS.contains(t.lower[k + 1])) {
      return -1;
    }
    boolean verb = false;
    for (int j = k + 1; j < t.size && j <= k + REACH; j++) {
      if (t.sentenceStart[j] || t.para[j] != t.para[m.first]) {
        return -1;
      }
      int b = names.mentionStart[j];
      if (b >= 0) {
        return verb ? b : -1;
      }
      if (!t.isWord[j]) {
        if (!t.word[j].equals(",")) {
          return -1;
        }
        continue;
      }
      if (BLOCK.contains(t.lower[j])) {
        return -1;
      }
      verb |= VERBS.contains(t.lower[j]);
    }
    return -1;
  }

  /**
   * The person s is named as (or the person naming s) by some phrase, when s has fewer mentions
   * than that one: the rarer name joins the more frequent. Null when none, or when two differ.
   */
  Names.Person partner(Names.Person s) {
    Names.Person found = null;
    for (int[] pair : pairs()) {
      Names.Person a = owner(pair[0]);
      Names.Person b = owner(pair[1]);
      if (a == null || b == null || a == b || a != s && b != s) {
        continue;
      }
      Names.Person other = a == s ? b : a;
      if (found != null && found != other) {
        return null;
      }
      found = other;
    }
    if (found == null || !CastMerges.viable(found) || !CastMerges.agree(s, found)) {
      return null;
    }
    int own = 0;
    int other = 0;
    for (Names.Mention m : names.mentions) {
      own += m.character == s.id ? 1 : 0;
      other += m.character == found.id ? 1 : 0;
    }
    return own <= other ? found : null;
  }

  /** The person a mention now stands for, following merges. */
  private Names.Person owner(int mention) {
    int c = names.mentions.get(mention).character;
    while (c >= 0 && names.people.get(c).into >= 0) {
      c = names.people.get(c).into;
    }
    return c < 0 ? null : names.people.get(c);
  }
}
