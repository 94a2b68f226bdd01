package com.etoaudiobook.book.attribution.internal;

/**
 * Paragraphs that close every conversation before them, so turn-taking does not run across:
 * a scene break ("* * *") or a heading ("CHAPTER IV", "II", "Chapter 3").
 */
final class SceneBreaks {
  private SceneBreaks() {
  }

  /** No quotation, and no words, or up to eight words all in capitals or numbers. */
  static boolean isBreak(Tokens t, int p) {
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
}
