package com.etoaudiobook.book.attribution.internal;

/**
 * Paragraphs that close every conversation before them, so turn-taking does not run across:
 * a scene break ("* * *") or a heading ("CHAPTER IV", "II", "Chapter 3").
 */
final class SceneBreaks {
  private SceneBreaks() {
  }

  /**
   * No quotation, and no words, or up to eight words all in capitals or numbers, or a numbered
   * chapter's heading with its title in any case ("CHAPTER II. Matthew Cuthbert is Surprised").
   */
  static boolean isBreak(Tokens t, int p) {
    int words = 0;
    int first = t.paraFirst[p];
    boolean numbered = first + 1 < t.paraLast[p] && t.isWord[first] && t.isWord[first + 1]
        && (t.lower[first].equals("chapter") || t.lower[first].equals("book")
        || t.lower[first].equals("part")) && NUMBER.matcher(t.word[first + 1]).matches();
    for (int k = first; k < t.paraLast[p]; k++) {
      if (t.quote[k] >= 0) {
        return false;
      }
      if (t.isWord[k]) {
        words++;
        String w = t.word[k];
        boolean heading = k == first && numbered || k == first && (t.lower[k].equals("chapter")
            || t.lower[k].equals("book") || t.lower[k].equals("part"));
        if (!heading && !numbered && !w.equals(w.toUpperCase(java.util.Locale.ROOT))
            || words > (numbered ? 14 : 8)) {
          return false;
        }
      }
    }
    return true;
  }

  /** A chapter's number: "II", "12", "One". */
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
      "(?i)[ivxlc]+|\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve");
}
