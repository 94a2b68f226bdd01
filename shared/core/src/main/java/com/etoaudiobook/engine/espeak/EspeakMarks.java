package com.etoaudiobook.engine.espeak;

import com.etoaudiobook.engine.Speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** eSpeak NG's word and sentence events as marks on the request text. */
final class EspeakMarks {
  private EspeakMarks() {
  }

  /** One espeak event as delivered: textPosition is 1-based, in code points. */
  record RawEvent(int type, int textPosition, int length, int audioMs) {
  }

  /**
   * Turns espeak's events into marks with UTF-16 offsets. espeak counts text_position from 1 in
   * Unicode code points (not UTF-8 bytes), and length in code points too. Sentence events carry
   * no length, so a sentence ends after its last word plus trailing punctuation. Zero-length
   * words and words that point at whitespace (espeak emits these for symbols it reads as several
   * words, e.g. "→") are dropped.
   */
  static List<Speech.Mark> of(String text, List<RawEvent> events) {
    int[] charAt = codePointOffsets(text);
    int codePoints = charAt.length - 1;
    List<Speech.Mark> marks = new ArrayList<>();
    int sentence = -1; // index in marks of the open sentence
    int sentenceEnd = -1; // end of its last word
    for (RawEvent e : events) {
      int startCp = clamp(e.textPosition() - 1, 0, codePoints);
      int start = charAt[startCp];
      if (e.type() == EspeakLibrary.EVENT_SENTENCE) {
        closeSentence(text, marks, sentence, sentenceEnd, start);
        sentence = marks.size();
        sentenceEnd = -1;
        marks.add(new Speech.Mark("sentence", e.audioMs(), start, start));
      } else if (e.length() > 0) {
        int end = charAt[clamp(startCp + e.length(), 0, codePoints)];
        if (end > start && !text.substring(start, end).isBlank()) {
          marks.add(new Speech.Mark("word", e.audioMs(), start, end));
          sentenceEnd = Math.max(sentenceEnd, end);
        }
      }
    }
    closeSentence(text, marks, sentence, sentenceEnd, text.length());
    return List.copyOf(marks.stream().filter(Objects::nonNull).toList());
  }

  private static void closeSentence(String text, List<Speech.Mark> marks, int index, int lastWordEnd,
                                    int limit) {
    if (index < 0) {
      return;
    }
    Speech.Mark open = marks.get(index);
    if (lastWordEnd <= open.start()) {
      marks.set(index, null); // a sentence without words has nothing to highlight
      return;
    }
    int end = lastWordEnd;
    int bound = Math.max(limit, end);
    while (end < bound) {
      char ch = text.charAt(end);
      if (Character.isWhitespace(ch) || Character.isLetterOrDigit(ch)) {
        break;
      }
      end++;
    }
    marks.set(index, new Speech.Mark(open.type(), open.timeMs(), open.start(), end));
  }

  /** offsets[i] = UTF-16 index of code point i; offsets[count] = text.length(). */
  static int[] codePointOffsets(String text) {
    int[] offsets = new int[text.codePointCount(0, text.length()) + 1];
    int cp = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      offsets[cp++] = i;
    }
    offsets[cp] = text.length();
    return offsets;
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }
}
