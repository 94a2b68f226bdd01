package com.etoaudiobook.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a segment's text into parts that fit one engine request: at sentence boundaries when it
 * can, else at a clause (comma, semicolon, colon, dash), else at a word boundary; never inside a
 * word. Offsets are kept so word timings map back to the segment text.
 */
public final class Chunker {
  /** A piece of the text: [start, end) into the segment text, whitespace trimmed. */
  public record Chunk(int start, int end, String text) {
  }

  private Chunker() {
  }

  public static List<Chunk> split(String text, int maxChars) {
    if (maxChars < 20) {
      throw new IllegalArgumentException("maxChars too small: " + maxChars);
    }
    List<Chunk> chunks = new ArrayList<>();
    int pos = skipSpace(text, 0);
    while (pos < text.length()) {
      int end = trimEnd(text, pos, text.length());
      if (end - pos <= maxChars) {
        chunks.add(new Chunk(pos, end, text.substring(pos, end)));
        break;
      }
      int limit = pos + maxChars;
      int cut = lastBoundary(text, pos, limit, true);
      if (cut <= pos) {
        cut = lastBoundary(text, pos, limit, false);
      }
      if (cut <= pos) {
        cut = lastSpace(text, pos, limit);
      }
      if (cut <= pos) {
        cut = limit; // one word longer than a whole request: nothing better exists
        if (Character.isLowSurrogate(text.charAt(cut)) && cut > pos + 1) {
          cut--;
        }
      }
      int chunkEnd = trimEnd(text, pos, cut);
      if (chunkEnd > pos) {
        chunks.add(new Chunk(pos, chunkEnd, text.substring(pos, chunkEnd)));
      }
      pos = skipSpace(text, cut);
    }
    return chunks;
  }

  /** Last index in (from, limit] just after a sentence end (or a clause end) followed by whitespace. */
  private static int lastBoundary(String text, int from, int limit, boolean sentence) {
    for (int i = Math.min(limit, text.length()) - 1; i > from; i--) {
      if (!Character.isWhitespace(text.charAt(i))) {
        continue;
      }
      int j = i - 1;
      // step back over closing quotes and brackets after the punctuation
      while (j > from && isCloser(text.charAt(j))) {
        j--;
      }
      char c = text.charAt(j);
      boolean hit = sentence ? (c == '.' || c == '!' || c == '?' || c == '…' || text.charAt(i) == '\n')
          : (c == ',' || c == ';' || c == ':' || c == '—' || c == '–');
      if (hit) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']' || c == '»';
  }

  private static int lastSpace(String text, int from, int limit) {
    for (int i = Math.min(limit, text.length() - 1); i > from; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int trimEnd(String text, int start, int end) {
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
