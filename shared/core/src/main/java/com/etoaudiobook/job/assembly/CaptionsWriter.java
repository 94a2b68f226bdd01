package com.etoaudiobook.job.assembly;

import com.etoaudiobook.book.Segment;
import com.etoaudiobook.engine.Speech;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Writes captions.vtt (WebVTT), a segment at a time: one cue per sentence, each with its speaker. */
final class CaptionsWriter {
  private final Writer out;

  CaptionsWriter(Writer out) {
    this.out = out;
  }

  void start() throws IOException {
    out.write("WEBVTT\n\n");
  }

  /** One cue per sentence when the engine marked sentences, else one per segment. */
  void segment(Segment s, long start, long end, List<Speech.Mark> marks) throws IOException {
    List<Speech.Mark> sentences = marks.stream().filter(m -> m.type().equals("sentence")).toList();
    String voice = s.role().replace(">", "").replace("&", "and");
    Boolean lines = hardWrapped(s.text());
    wrappedBook |= Boolean.TRUE.equals(lines);
    boolean wrapped = lines == null ? wrappedBook : lines;
    if (sentences.isEmpty()) {
      cue(start, end, voice, s.text(), wrapped);
      return;
    }
    for (int i = 0; i < sentences.size(); i++) {
      Speech.Mark m = sentences.get(i);
      int textStart = Math.max(0, Math.min(m.start(), s.text().length()));
      int textEnd = i + 1 < sentences.size() ? sentences.get(i + 1).start() : s.text().length();
      textEnd = Math.max(textStart, Math.min(textEnd, s.text().length()));
      long cueStart = i == 0 ? start : start + m.timeMs();
      long cueEnd = i + 1 < sentences.size() ? start + sentences.get(i + 1).timeMs() : end;
      String text = s.text().substring(textStart, textEnd).strip();
      if (!text.isEmpty() && cueEnd > cueStart) {
        cue(cueStart, cueEnd, voice, text, wrapped);
      }
    }
  }

  void close() throws IOException {
    out.close();
  }

  /**
   * Whether the line breaks inside the paragraphs of {@code text} are a plain-text file's wrapping
   * (Project Gutenberg's at about 70 columns), not lines of verse: TRUE where every line between a
   * paragraph's first and last (a segment may start and end mid-line) is at least
   * {@link #WRAPPED_LINE} characters long, FALSE where one is shorter, null where no such line
   * tells (the book's earlier segments decide). Wrapped lines are joined in a cue, so a caption
   * does not break where the file did ("I have seldom heard" / "him mention her"); verse keeps
   * its lines.
   */
  static Boolean hardWrapped(String text) {
    Boolean wrapped = null;
    for (String paragraph : BLANK_LINES.split(text.replace("\r\n", "\n"))) {
      String[] lines = paragraph.strip().split("\n");
      for (int i = 1; i + 1 < lines.length; i++) {
        if (lines[i].strip().length() < WRAPPED_LINE) {
          return Boolean.FALSE;
        }
        wrapped = Boolean.TRUE;
      }
    }
    return wrapped;
  }

  /** Whether a segment of this book has shown its lines to be wrapped prose ({@link #hardWrapped}). */
  private boolean wrappedBook;

  /** The shortest line of hard-wrapped prose but a paragraph's last: wrapping at 60 to 80 columns leaves lines of 50 and more. */
  static final int WRAPPED_LINE = 50;

  /** A single line break, not one of a blank line's: wrapping, read as a space. */
  private static final Pattern LINE_BREAK = Pattern.compile("(?<!\n)[ \t]*\n[ \t]*(?![ \t]*\n)");
  /** Blank lines, which would end a cue: one line break. */
  private static final Pattern BLANK_LINES = Pattern.compile("\n\\s*\n+");

  private void cue(long start, long end, String voice, String text, boolean wrapped) throws IOException {
    String unix = text.replace("\r\n", "\n").replace('\r', '\n');
    // a single line break (not one of a blank line's) becomes a space
    String lines = wrapped ? LINE_BREAK.matcher(unix).replaceAll(" ") : unix;
    String safe = BLANK_LINES.matcher(lines.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("-->", "→")).replaceAll("\n");
    out.write(vttTime(start) + " --> " + vttTime(end) + "\n<v " + voice + ">" + safe + "\n\n");
  }

  static String vttTime(long ms) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }
}
