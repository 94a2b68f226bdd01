package com.etoaudiobook.book.internal;

import com.etoaudiobook.book.BookFormatException;
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

  /**
   * Lines a text may have: the reader keeps some 400 bytes of objects for each, blank or not, until it
   * has read them all (4 MB of line breaks filled a 256 MB heap). At 256 MB, 670,000 lines; a
   * 20 MB novel has about 300,000.
   */
  public static long maxLines() {
    return Runtime.getRuntime().maxMemory() / 400;
  }

  /** Splits on \n, \r\n and a lone \r. */
  public static List<SourceLine> split(String source) {
    long max = maxLines();
    List<SourceLine> lines = new ArrayList<>();
    int start = 0;
    int n = source.length();
    for (int i = 0; i < n; i++) {
      char c = source.charAt(i);
      if (c == '\n' || c == '\r') {
        if ((lines.size() & 1023) == 0) {
          Cancellation.check();
          if (lines.size() > max) {
            throw new BookFormatException("too-large", "The text has more than " + max + " lines; the "
                + "service's memory allows at most that many in one book; split it into smaller files");
          }
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
