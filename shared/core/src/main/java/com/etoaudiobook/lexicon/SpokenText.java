package com.etoaudiobook.lexicon;

import com.etoaudiobook.engine.Speech;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The text an engine is given after the lexicon's words are replaced by what it should read,
 * with the way back: marks the engine reports on the spoken text are moved onto the original
 * text, so a word's mark names the word as written ("Giovanelli"), never its respelling.
 */
public final class SpokenText {
  private final String original;
  private final String spoken;
  /** For each spoken char (and one past the end): the original [start, end) it stands for. */
  private final int[] startAt;
  private final int[] endAt;
  /** For each spoken char: whether it lies inside a replacement (whose marks merge into one word). */
  private final boolean[] replaced;

  private SpokenText(String original, String spoken, int[] startAt, int[] endAt, boolean[] replaced) {
    this.original = original;
    this.spoken = spoken;
    this.startAt = startAt;
    this.endAt = endAt;
    this.replaced = replaced;
  }

  /**
   * Replaces each match of {@code lexicon} in {@code text} by {@code say.apply(entry)}; an entry
   * for which it returns null is left as written.
   */
  public static SpokenText of(String text, Lexicon lexicon, Function<Lexicon.Entry, String> say) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    List<int[]> spans = new ArrayList<>(); // per spoken char: {origStart, origEnd, replaced}
    int at = 0;
    for (Lexicon.Match m : lexicon == null ? List.<Lexicon.Match>of() : lexicon.matches(text)) {
      String said = say.apply(m.entry());
      if (said == null) {
        continue;
      }
      for (; at < m.start(); at++) {
        out.append(text.charAt(at));
        spans.add(new int[] {at, at + 1, 0});
      }
      for (int k = 0; k < said.length(); k++) {
        out.append(said.charAt(k));
        spans.add(new int[] {m.start(), m.end(), 1});
      }
      at = m.end();
    }
    for (; at < text.length(); at++) {
      out.append(text.charAt(at));
      spans.add(new int[] {at, at + 1, 0});
    }
    int n = spans.size();
    int[] startAt = new int[n + 1];
    int[] endAt = new int[n + 1];
    boolean[] replaced = new boolean[n + 1];
    for (int i = 0; i < n; i++) {
      startAt[i] = spans.get(i)[0];
      endAt[i] = spans.get(i)[1];
      replaced[i] = spans.get(i)[2] == 1;
    }
    startAt[n] = text.length();
    endAt[n] = text.length();
    return new SpokenText(text, out.toString(), startAt, endAt, replaced);
  }

  public String original() {
    return original;
  }

  /** What the engine reads. */
  public String spoken() {
    return spoken;
  }

  public boolean changed() {
    return !spoken.equals(original);
  }

  /**
   * Marks on the spoken text → marks on the original text. The several words an engine may hear in
   * one replacement ("jo-va-NEL-lee") become one mark for the original word, at the first one's time.
   */
  public List<Speech.Mark> toOriginal(List<Speech.Mark> marks) {
    if (!changed()) {
      return marks;
    }
    List<Speech.Mark> out = new ArrayList<>(marks.size());
    for (Speech.Mark m : marks) {
      int s = clamp(m.start());
      int e = clamp(m.end());
      int start = startAt[s];
      int end = e > s ? endAt[e - 1] : start;
      if ("sentence".equals(m.type()) && e > s && replaced[e - 1]) {
        // the engine's sentence ended inside a respelling: take the punctuation after the word too
        while (end < original.length() && !Character.isWhitespace(original.charAt(end))
            && !Character.isLetterOrDigit(original.charAt(end))) {
          end++;
        }
      }
      Speech.Mark moved = new Speech.Mark(m.type(), m.timeMs(), start, Math.max(start, end));
      if ("word".equals(m.type()) && replaced[s] && !out.isEmpty()) {
        Speech.Mark last = lastWord(out);
        if (last != null && last.start() == moved.start() && last.end() == moved.end()) {
          continue; // another piece of the same replaced word
        }
      }
      out.add(moved);
    }
    return List.copyOf(out);
  }

  private static Speech.Mark lastWord(List<Speech.Mark> marks) {
    for (int i = marks.size() - 1; i >= 0; i--) {
      if ("word".equals(marks.get(i).type())) {
        return marks.get(i);
      }
    }
    return null;
  }

  private int clamp(int i) {
    return Math.max(0, Math.min(i, startAt.length - 1));
  }
}
