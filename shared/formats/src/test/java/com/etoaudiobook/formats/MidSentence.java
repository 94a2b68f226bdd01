package com.etoaudiobook.formats;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Paragraph ends that fall in mid-sentence, each a pause where the reader should go on. A paragraph
 * ends a sentence when its last character (closing quotes and brackets aside) is . ! ? … : or ;.
 * It ends mid-sentence when it ends in a comma or a dash, or in a word while the next paragraph
 * goes on in lower case or the paragraph is longer than a heading (12 words): short lines without
 * punctuation followed by a capital are headings or table rows, and end nothing. Speech broken
 * off with a dash inside its closing quote ends there.
 */
final class MidSentence {
  /** @param paragraphs paragraphs counted; @param mid those ending mid-sentence; @param examples some of them */
  record Share(int paragraphs, int mid, List<String> examples) {
    double percent() {
      return paragraphs == 0 ? 0 : 100.0 * mid / paragraphs;
    }

    @Override
    public String toString() {
      return String.format("%d of %d paragraphs end mid-sentence (%.2f %%)", mid, paragraphs, percent());
    }
  }

  private MidSentence() {
  }

  static Share of(Book book) {
    int paragraphs = 0;
    int mid = 0;
    List<String> examples = new ArrayList<>();
    for (Chapter c : book.chapters()) {
      List<String> ps = new ArrayList<>();
      int current = Integer.MIN_VALUE;
      for (Segment s : c.segments()) {
        if (s.paragraph() != current || ps.isEmpty()) {
          ps.add(s.text());
          current = s.paragraph();
        } else {
          ps.set(ps.size() - 1, ps.get(ps.size() - 1) + " " + s.text());
        }
      }
      for (int i = 0; i < ps.size(); i++) {
        paragraphs++;
        String next = i + 1 < ps.size() ? ps.get(i + 1) : null;
        if (endsMidSentence(ps.get(i), next)) {
          mid++;
          if (examples.size() < 40) {
            String p = ps.get(i);
            examples.add("…" + p.substring(Math.max(0, p.length() - 60)) + " | "
                + (next == null ? "(chapter end)" : next.substring(0, Math.min(40, next.length()))));
          }
        }
      }
    }
    return new Share(paragraphs, mid, examples);
  }

  static boolean endsMidSentence(String paragraph, String next) {
    if (paragraph.strip().matches("(?s).*(?:—|--)['’\"”]+$")) {
      return false; // speech broken off ("But how—”): the sentence ends there
    }
    String p = paragraph.strip().replaceAll("[\"”’')\\]»\\s]+$", "");
    if (p.isEmpty()) {
      return false;
    }
    char last = p.charAt(p.length() - 1);
    if (".!?…:;".indexOf(last) >= 0) {
      return false;
    }
    if (last == ',' || last == '-' || last == '—' || last == '–') {
      return true;
    }
    boolean lowerNext = next != null && !next.isEmpty() && Character.isLowerCase(next.codePointAt(0));
    return lowerNext || p.split("\\s+").length > 12;
  }
}
