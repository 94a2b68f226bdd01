package com.etoaudiobook.book.internal;

import com.etoaudiobook.book.Cancellation;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the decoded source. Offsets point into the text exactly as decoded (CR kept), so
 * segments can be mapped back for read-along highlighting.
 *
 * @param index line number from 0
 * @param start offset of the first character of the line
 * @param end   offset just past the last character, before the line break
 * @param text  the line without its line break
 */
public record SourceLine(int index, int start, int end, String text) {

  /** Splits on \n, \r\n and a lone \r. */
  public static List<SourceLine> split(String source) {
    List<SourceLine> lines = new ArrayList<>();
    int start = 0;
    int n = source.length();
    for (int i = 0; i < n; i++) {
      char c = source.charAt(i);
      if (c == '\n' || c == '\r') {
        if ((lines.size() & 1023) == 0) {
          Cancellation.check();
        }
        lines.add(new SourceLine(lines.size(), start, i, source.substring(start, i)));
        if (c == '\r' && i + 1 < n && source.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < n) {
      lines.add(new SourceLine(lines.size(), start, n, source.substring(start, n)));
    }
    return lines;
  }
}
