package com.etoaudiobook.book.attribution.internal;

import java.util.List;
import java.util.Locale;

/**
 * The text as a flat array of word and punctuation tokens (struct-of-arrays, to keep a full
 * novel cheap), each knowing its paragraph, its quotation (or -1 for narration) and whether it
 * starts a sentence.
 */
final class Tokens {
  int size;
  String[] word = new String[1024];
  String[] lower = new String[1024];
  int[] start = new int[1024];
  int[] end = new int[1024];
  int[] para = new int[1024];
  int[] quote = new int[1024];
  boolean[] isWord = new boolean[1024];
  boolean[] sentenceStart = new boolean[1024];
  /** Index of the first token of each quotation, and one past its last. */
  int[] quoteFirst;
  int[] quoteLast;
  /** Index of the first token of each paragraph, and one past its last. */
  int[] paraFirst;
  int[] paraLast;

  static Tokens of(String text, List<QuoteScanner.Paragraph> paragraphs,
                   List<QuoteScanner.Span> quotes) {
    Tokens t = new Tokens();
    t.quoteFirst = new int[quotes.size()];
    t.quoteLast = new int[quotes.size()];
    t.paraFirst = new int[paragraphs.size()];
    t.paraLast = new int[paragraphs.size()];
    int q = 0;
    for (int p = 0; p < paragraphs.size(); p++) {
      QuoteScanner.Paragraph para = paragraphs.get(p);
      t.paraFirst[p] = t.size;
      boolean newSentence = true;
      int i = para.start();
      while (i < para.end()) {
        char c = text.charAt(i);
        if (QuoteScanner.isSpace(c)) {
          i++;
          continue;
        }
        while (q < quotes.size() && quotes.get(q).end() <= i) {
          t.quoteLast[q] = t.size;
          q++;
        }
        int inQuote = q < quotes.size() && quotes.get(q).start() <= i ? q : -1;
        if (inQuote >= 0 && quotes.get(q).start() == i) {
          t.quoteFirst[q] = t.size;
          newSentence = true;
        }
        int j;
        boolean isWord = java.lang.Character.isLetterOrDigit(c);
        if (isWord) {
          j = i + 1;
          while (j < para.end()) {
            char d = text.charAt(j);
            if (java.lang.Character.isLetterOrDigit(d)) {
              j++;
            } else if ((d == '?' || d == '\uFFFD') && java.lang.Character.isLetter(text.charAt(j - 1))
                && j + 1 < para.end() && java.lang.Character.isLowerCase(text.charAt(j + 1))) {
              // A letter lost in a lossy conversion ("Th?r?se"): still one word, not "Th".
              j += 2;
            } else if ((d == '\'' || d == '\u2019' || d == '-') && j + 1 < para.end()
                && java.lang.Character.isLetter(text.charAt(j + 1))
                && !(inQuote >= 0 && quotes.get(inQuote).end() == j + 1)) {
              // Inner apostrophe or hyphen: don't, Alice's, Winnie-the-Pooh.
              j += 2;
            } else {
              break;
            }
          }
        } else if ((c == '-' || c == '\u2014' || c == '\u2013')) {
          j = i + 1;
          while (j < para.end() && (text.charAt(j) == '-' || text.charAt(j) == '\u2014')) {
            j++;
          }
        } else {
          j = i + 1;
        }
        String w = text.substring(i, j);
        t.add(w, i, j, p, inQuote, isWord, isWord && newSentence);
        if (isWord) {
          newSentence = false;
        } else if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') {
          // "Mr." and initials ("P.") don't end a sentence.
          int prev = t.size - 2;
          boolean abbrev = c == '.' && prev >= 0 && t.isWord[prev]
              && t.para[prev] == p
              && (isTitle(t.lower[prev]) || t.word[prev].length() == 1
              && java.lang.Character.isUpperCase(t.word[prev].charAt(0))
              || isSaint(t.word[prev]) && capitalAfter(text, j, para.end()));
          if (!abbrev && c != ':' && c != ';') {
            newSentence = true;
          }
        }
        i = j;
      }
      t.paraLast[p] = t.size;
      t.smallCapsOpening(t.paraFirst[p], t.size);
    }
    while (q < quotes.size()) {
      t.quoteLast[q] = t.size;
      q++;
    }
    return t;
  }

  /**
   * A chapter's first words set in capitals, as printed books open them ("MR. UTTERSON the lawyer was",
   * "MARLEY was dead"): in title case, so the name is the one the rest of the book uses. Only where
   * lower case follows in the same sentence (not a heading or a shout).
   */
  private void smallCapsOpening(int from, int to) {
    int k = from;
    int words = 0;
    while (k < to && k < from + 8 && (!isWord[k] || isAllCaps(k) || word[k].equals("I"))) {
      words += isWord[k] ? 1 : 0;
      k++;
    }
    if (words == 0 || words > 4 || k >= to || !isWord[k] || !java.lang.Character.isLowerCase(word[k].charAt(0))) {
      return;
    }
    for (int i = from; i < k; i++) {
      if (isWord[i] && word[i].length() > 1 && word[i].chars().allMatch(java.lang.Character::isLetter)) {
        word[i] = word[i].charAt(0) + word[i].substring(1).toLowerCase(Locale.ROOT);
      }
    }
  }

  /** Lowercase word to its token positions, ascending; built on first use. */
  private java.util.Map<String, int[]> index;

  /** The positions of every token whose lowercase form is {@code lower}, ascending. */
  int[] positions(String lower) {
    if (index == null) {
      java.util.Map<String, int[]> counts = new java.util.HashMap<>();
      for (int k = 0; k < size; k++) {
        counts.computeIfAbsent(this.lower[k], w -> new int[1])[0]++;
      }
      java.util.Map<String, int[]> built = new java.util.HashMap<>(counts.size() * 2);
      counts.forEach((w, c) -> built.put(w, new int[c[0]]));
      java.util.Map<String, Integer> filled = new java.util.HashMap<>(counts.size() * 2);
      for (int k = 0; k < size; k++) {
        int at = filled.merge(this.lower[k], 1, Integer::sum) - 1;
        built.get(this.lower[k])[at] = k;
      }
      index = built;
    }
    return index.getOrDefault(lower, new int[0]);
  }

  /** "St." and "Ste." as in "Neville St. Clair", "St. John Rivers": a saint's name, part of a name. */
  static boolean isSaint(String word) {
    return word.equals("St") || word.equals("Ste");
  }

  /** The next word after {@code at} (spaces skipped, within the paragraph) starts with a capital. */
  private static boolean capitalAfter(String text, int at, int end) {
    while (at < end && java.lang.Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    return at < end && java.lang.Character.isUpperCase(text.charAt(at));
  }

  static boolean isTitle(String lower) {
    return Lexicon.MALE_TITLES.contains(lower) || Lexicon.FEMALE_TITLES.contains(lower)
        || Lexicon.NEUTRAL_TITLES.contains(lower);
  }

  private void add(String w, int s, int e, int p, int q, boolean isW, boolean sent) {
    if (size == word.length) {
      int n = size * 2;
      word = java.util.Arrays.copyOf(word, n);
      lower = java.util.Arrays.copyOf(lower, n);
      start = java.util.Arrays.copyOf(start, n);
      end = java.util.Arrays.copyOf(end, n);
      para = java.util.Arrays.copyOf(para, n);
      quote = java.util.Arrays.copyOf(quote, n);
      isWord = java.util.Arrays.copyOf(isWord, n);
      sentenceStart = java.util.Arrays.copyOf(sentenceStart, n);
    }
    word[size] = w;
    lower[size] = w.toLowerCase(Locale.ROOT);
    start[size] = s;
    end[size] = e;
    para[size] = p;
    quote[size] = q;
    isWord[size] = isW;
    sentenceStart[size] = sent;
    size++;
  }

  boolean isCap(int i) {
    return isWord[i] && java.lang.Character.isUpperCase(word[i].charAt(0));
  }

  boolean isAllCaps(int i) {
    String w = word[i];
    if (w.length() < 2) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      if (java.lang.Character.isLowerCase(w.charAt(k))) {
        return false;
      }
    }
    return true;
  }
}
