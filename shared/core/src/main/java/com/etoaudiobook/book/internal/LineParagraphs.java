package com.etoaudiobook.book.internal;

import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.book.Headings;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain text whose paragraphs are not set apart by blank lines, the way a reader sees them:
 * one line per paragraph (a text saved from a word processor or a web page), or lines wrapped
 * at a width with each paragraph's first line indented or its last line short. Everything after
 * reads paragraphs between blank lines, so the text is given one blank line between its
 * paragraphs; a text that has blank lines, a short one, or a script (labelled lines) is left
 * as it is.
 */
public final class LineParagraphs {

  /** "MARA:", "Mara (whispering):", "[Scene", "(Enter": a line of a script. */
  private static final Pattern SCRIPT_LINE = Pattern.compile(
      "^[ \\t]{0,8}+(?:[\\p{L}][\\p{L}\\p{N} .'’-]{0,30}+(?:\\([^)]{0,30}+\\))?[ \\t]{0,4}+:|[\\[(])");
  /** How a sentence, and so a paragraph, may end a line. */
  private static final String ENDS = ".!?\"'”’:)]*_";

  private LineParagraphs() {
  }

  /**
   * The text with a blank line between its paragraphs, or null when it needs none.
   */
  public static String blankLined(String text) {
    List<SourceLine> lines = SourceLine.split(text);
    int n = 0;
    int blank = 0;
    int script = 0;
    int ended = 0;
    int indented = 0;
    int[] lengths = new int[lines.size()];
    for (SourceLine l : lines) {
      String s = l.text().strip();
      if (s.isEmpty()) {
        blank++;
        continue;
      }
      lengths[n++] = s.length();
      script += SCRIPT_LINE.matcher(l.text()).lookingAt() ? 1 : 0;
      ended += ENDS.indexOf(s.charAt(s.length() - 1)) >= 0 ? 1 : 0;
      indented += indent(l.text()) > 0 ? 1 : 0;
    }
    // Short texts and scripts are read line by line already; blank lines in a twentieth of the
    // text or more mark its paragraphs.
    if (n < 40 || blank * 20 >= n || script * 10 >= n) {
      return null;
    }
    boolean perLine = ended * 10 >= n * 8; // a wrapped text's lines mostly end mid-sentence
    Arrays.sort(lengths, 0, n);
    int width = lengths[n * 9 / 10]; // a wrapped text's usual full line
    // Indents open paragraphs when some lines have one and others, a tenth at least, go on
    // under them (a conversation's one-line paragraphs are most of its lines).
    boolean indents = indented * 25 >= n && (n - indented) * 10 >= n;
    StringBuilder out = new StringBuilder(text.length() + text.length() / 20);
    String prev = null;
    int at = 0;
    for (SourceLine l : lines) {
      if ((l.index() & 1023) == 0) {
        Cancellation.check();
      }
      String s = l.text().strip();
      if (prev != null && !s.isEmpty() && (perLine || startsParagraph(prev, l.text(), indents, width))) {
        out.append(text, at, l.start());
        out.append(lineBreak(text, l.start()));
        at = l.start();
      }
      prev = s.isEmpty() ? null : s;
    }
    if (at == 0) {
      return null;
    }
    out.append(text, at, text.length());
    return out.toString();
  }

  /** Whether a wrapped text's line starts a paragraph after the line before. */
  private static boolean startsParagraph(String before, String line, boolean indents, int width) {
    String s = line.strip();
    if (Headings.numbersChapter(before) || Headings.numbersChapter(s)) {
      return true;
    }
    if (indents) {
      return indent(line) > 0;
    }
    // A line well short of the width that ends a sentence is a paragraph's last.
    return before.length() < width * 3 / 4 && ENDS.indexOf(before.charAt(before.length() - 1)) >= 0;
  }

  /** Columns of leading blanks (a tab as two). */
  private static int indent(String line) {
    int i = 0;
    int cols = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      cols += line.charAt(i) == '\t' ? 2 : 1;
      i++;
    }
    return i < line.length() && cols >= 2 ? cols : 0;
  }

  /** The line break the text uses before offset at, to make the blank line of. */
  private static String lineBreak(String text, int at) {
    if (at >= 2 && text.charAt(at - 1) == '\n' && text.charAt(at - 2) == '\r') {
      return "\r\n";
    }
    return at >= 1 && text.charAt(at - 1) == '\r' ? "\r" : "\n";
  }
}
