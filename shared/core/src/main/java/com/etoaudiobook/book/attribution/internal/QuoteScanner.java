package com.etoaudiobook.book.attribution.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a text into paragraphs and finds the quotation spans in them, in one linear pass.
 * Quotes never cross a paragraph break: a quotation left open at the end of a paragraph ends
 * there and is marked as continued when the next paragraph opens a quote again, as printed
 * books do for a speech running over several paragraphs, or when it runs on through paragraphs
 * with no mark to one that closes it (a verse quoted in a speech, set apart).
 */
public final class QuoteScanner {

  /** Spans [start, end) of paragraphs, separated by blank lines. */
  public record Paragraph(int start, int end) {
  }

  /**
   * @param start     offset of the opening mark (a paragraph's start, where a speech runs on without one)
   * @param end       offset after the closing mark, or the paragraph end when left open
   * @param paragraph index of its paragraph
   * @param continued left open and the same speech goes on in the next paragraph
   */
  public record Span(int start, int end, int paragraph, boolean continued) {
  }

  /** Words where a leading apostrophe marks an elision, not an opening quote. */
  private static final Set<String> ELISIONS = Set.of("em", "tis", "twas", "twere", "twill",
      "twould", "n", "cause", "cos", "til", "bout", "un", "ere", "im", "er", "ow", "ave", "appen",
      "e", "ome", "alf", "s", "d", "ll", "re", "ve", "t", "m", "nuff", "gainst", "mongst",
      "neath", "prentice", "possum", "coon", "o", "the", "a");

  private QuoteScanner() {
  }

  public static List<Paragraph> paragraphs(String text) {
    List<Paragraph> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      int end = n;
      // A paragraph ends at a line break followed by a blank (whitespace-only) line.
      int lineEnd = text.indexOf('\n', i);
      while (lineEnd >= 0) {
        int j = lineEnd + 1;
        while (j < n && text.charAt(j) != '\n' && isSpace(text.charAt(j))) {
          j++;
        }
        if (j >= n || text.charAt(j) == '\n') {
          end = lineEnd;
          break;
        }
        lineEnd = text.indexOf('\n', j);
      }
      int e = end;
      while (e > start && isSpace(text.charAt(e - 1))) {
        e--;
      }
      out.add(new Paragraph(start, e));
      i = end;
    }
    return out;
  }

  /** True when the text marks dialogue with single quotes (British style) rather than double. */
  public static boolean singleStyle(String text) {
    int doubles = 0;
    int singles = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\u201C' || c == '\u201D') {
        doubles++;
      } else if ((c == '\'' || c == '\u2018') && isSingleOpener(text, i, 0)) {
        singles++;
      }
    }
    // Two double marks per quotation against one opener per single quotation.
    return singles > doubles / 2 && singles >= 2;
  }

  public static List<Span> scan(String text, List<Paragraph> paragraphs) {
    boolean single = singleStyle(text);
    List<Span> spans = new ArrayList<>();
    // a speech run on into paragraphs that open without a mark ends in this one's closing mark
    int runOnTo = -1;
    for (int p = 0; p < paragraphs.size(); p++) {
      Paragraph para = paragraphs.get(p);
      int before = spans.size();
      if (p < runOnTo) {
        spans.add(new Span(para.start(), para.end(), p, true));
        continue;
      }
      if (single) {
        scanSingle(text, para, p, spans);
      } else {
        scanDouble(text, para, p, spans, p == runOnTo);
      }
      // Mark an open quote as continued when the next paragraph starts with an opening mark.
      if (spans.size() > before) {
        Span last = spans.get(spans.size() - 1);
        if (last.end() == para.end() && !closesAt(text, last.end(), single)
            && p + 1 < paragraphs.size()) {
          if (opensAt(text, paragraphs.get(p + 1).start(), single)) {
            spans.set(spans.size() - 1, new Span(last.start(), last.end(), p, true));
          } else if (!single) {
            runOnTo = runOn(text, paragraphs, p);
            if (runOnTo > p) {
              spans.set(spans.size() - 1, new Span(last.start(), last.end(), p, true));
            }
          }
        }
      }
    }
    spans.removeIf(span -> !span.continued() && isMention(text, span));
    return spans;
  }

  /**
   * A quoted word or title inside a sentence, not speech: 'a "grand hotel" of the newest
   * fashion', 'the word "cat" again': a few words without closing punctuation, right after a
   * word that is not a speech verb and followed by more of the sentence.
   */
  static boolean isMention(String text, Span span) {
    int a = span.start() + 1;
    int b = span.end() - 1;
    if (b <= a || b >= text.length()) {
      return false;
    }
    String inner = text.substring(a, b).strip();
    if (inner.isEmpty() || inner.split("\\s+").length > 5
        || ".!?,;:-\u2014".indexOf(inner.charAt(inner.length() - 1)) >= 0) {
      return false;
    }
    int before = span.start() - 1;
    while (before >= 0 && text.charAt(before) == ' ') {
      before--;
    }
    int after = span.end();
    while (after < text.length() && text.charAt(after) == ' ') {
      after++;
    }
    if (before < 0 || after >= text.length() || !Character.isLetter(text.charAt(before))
        || !(Character.isLetter(text.charAt(after)) || ",;.".indexOf(text.charAt(after)) >= 0)) {
      return false;
    }
    int w = before;
    while (w > 0 && Character.isLetter(text.charAt(w - 1))) {
      w--;
    }
    String word = text.substring(w, before + 1).toLowerCase(Locale.ROOT);
    return !Lexicon.SPEECH_VERBS.contains(word) && !word.equals("cried") && !word.equals("and");
  }

  private static boolean closesAt(String text, int end, boolean single) {
    char c = text.charAt(end - 1);
    // A mark between blanks closes too (see isCloser).
    return single ? (c == '\'' || c == '\u2019') && end - 1 > 0
        && (!isSpace(text.charAt(end - 2)) || end >= text.length() || isSpace(text.charAt(end)))
        : c == '"' || c == '\u201D';
  }

  private static boolean opensAt(String text, int i, boolean single) {
    char c = text.charAt(i);
    return single ? (c == '\'' || c == '\u2018') : (c == '"' || c == '\u201C');
  }

  /** Paragraphs a speech left open may run on through without a mark before the one that closes it. */
  private static final int RUN_ON = 6;

  /**
   * The paragraph that closes a speech left open at the end of paragraph {@code p} and run on
   * through paragraphs with no mark at all (a verse or a letter it quotes, set apart, "Can it be
   * woman?" / "And woman, lovely woman, reigns alone." / "Can it be Neptune?”): one whose first
   * mark closes (”, or a straight mark after a word, the paragraph's marks odd); else -1.
   */
  private static int runOn(String text, List<Paragraph> paragraphs, int p) {
    for (int q = p + 1; q < paragraphs.size() && q <= p + RUN_ON; q++) {
      Paragraph para = paragraphs.get(q);
      int first = -1;
      int straight = 0;
      for (int i = para.start(); i < para.end(); i++) {
        char c = text.charAt(i);
        if (c == '"' || c == '\u201C' || c == '\u201D') {
          first = first < 0 ? i : first;
          straight += c == '"' ? 1 : 0;
        }
      }
      if (first < 0) {
        continue;
      }
      char c = text.charAt(first);
      boolean closes = c == '\u201D' || c == '"' && straight % 2 == 1 && first > para.start()
          && !isSpace(text.charAt(first - 1)) && (first + 1 >= para.end()
          || !java.lang.Character.isLetterOrDigit(text.charAt(first + 1)));
      return closes ? q : -1;
    }
    return -1;
  }

  private static void scanDouble(String text, Paragraph para, int p, List<Span> out, boolean runOn) {
    // a run-on speech is open from the paragraph's start
    int open = runOn ? para.start() : -1;
    for (int i = para.start(); i < para.end(); i++) {
      char c = text.charAt(i);
      if (c == '\u201C') {
        if (open >= 0) {
          // A new opening mark while open: the previous closing mark is missing.
          out.add(new Span(open, trimEnd(text, open, i), p, false));
        }
        open = i;
      } else if (c == '\u201D') {
        if (open >= 0) {
          out.add(new Span(open, i + 1, p, false));
          open = -1;
        }
      } else if (c == '"') {
        if (open >= 0) {
          out.add(new Span(open, i + 1, p, false));
          open = -1;
        } else {
          open = i;
        }
      }
    }
    if (open >= 0 && para.end() - open > 1) {
      out.add(new Span(open, para.end(), p, false));
    }
  }

  private static void scanSingle(String text, Paragraph para, int p, List<Span> out) {
    int open = -1;
    int weak = -1;
    for (int i = para.start(); i < para.end(); i++) {
      char c = text.charAt(i);
      if (c != '\'' && c != '\u2018' && c != '\u2019') {
        continue;
      }
      if (open < 0) {
        if (c != '\u2019' && isSingleOpener(text, i, para.start())) {
          open = i;
          weak = -1;
        }
        continue;
      }
      if (c != '\u2018' && isCloser(text, i, para.end())) {
        if (isStrongCloser(text, i, para.end())) {
          out.add(new Span(open, i + 1, p, false));
          open = -1;
        } else if (weak < 0) {
          // "the boys' hats": a plural possessive looks like a closing mark; decide later.
          weak = i;
        }
      } else if (weak >= 0 && c != '\u2019' && isSingleOpener(text, i, para.start())
          && i + 1 < para.end() && java.lang.Character.isUpperCase(text.charAt(i + 1))) {
        out.add(new Span(open, weak + 1, p, false));
        open = i;
        weak = -1;
      }
    }
    if (open >= 0) {
      boolean nextOpens = false;
      int j = para.end();
      while (j < text.length() && isSpace(text.charAt(j))) {
        j++;
      }
      if (j < text.length() && (text.charAt(j) == '\'' || text.charAt(j) == '\u2018')) {
        nextOpens = true;
      }
      int end = weak >= 0 && !nextOpens ? weak + 1 : para.end();
      if (end - open > 1) {
        out.add(new Span(open, end, p, false));
      }
    }
  }

  /** An apostrophe-like mark opens a quote unless it sits in or starts an elided word. */
  static boolean isSingleOpener(String text, int i, int min) {
    if (i > min && java.lang.Character.isLetterOrDigit(text.charAt(i - 1))) {
      return false;
    }
    if (i + 1 >= text.length()) {
      return false;
    }
    char next = text.charAt(i + 1);
    if (isSpace(next)) {
      return false;
    }
    if (java.lang.Character.isLetter(next)) {
      int j = i + 1;
      while (j < text.length() && java.lang.Character.isLetter(text.charAt(j))) {
        j++;
      }
      String word = text.substring(i + 1, j).toLowerCase(Locale.ROOT);
      boolean followedBySpace = j >= text.length() || !java.lang.Character.isLetter(text.charAt(j));
      // 'em, 'tis, o' the: only a lowercase elision; a capitalised word ('Tis) still opens.
      if (followedBySpace && java.lang.Character.isLowerCase(next) && ELISIONS.contains(word)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isCloser(String text, int i, int max) {
    if (i == 0) {
      return false;
    }
    if (isSpace(text.charAt(i - 1))) {
      // Between blanks a mark is no apostrophe: "you know ’ he went on" (a dash lost) closes.
      return i + 1 >= max || isSpace(text.charAt(i + 1));
    }
    return i + 1 >= max || !java.lang.Character.isLetterOrDigit(text.charAt(i + 1));
  }

  private static boolean isStrongCloser(String text, int i, int max) {
    char prev = text.charAt(i - 1);
    if (!java.lang.Character.isLetterOrDigit(prev)) {
      return true;
    }
    if (i + 1 >= max) {
      return true;
    }
    char next = text.charAt(i + 1);
    return ",.;:!?\u2014-)".indexOf(next) >= 0;
  }

  private static int trimEnd(String text, int from, int to) {
    while (to > from + 1 && isSpace(text.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\u00A0' || c == '\f';
  }
}
