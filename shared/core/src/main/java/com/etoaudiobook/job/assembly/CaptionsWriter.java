package com.etoaudiobook.job.assembly;

import com.etoaudiobook.book.Segment;
import com.etoaudiobook.engine.Speech;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

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
    if (sentences.isEmpty()) {
      cue(start, end, voice, s.text());
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
        cue(cueStart, cueEnd, voice, text);
      }
    }
  }

  void close() throws IOException {
    out.close();
  }

  private void cue(long start, long end, String voice, String text) throws IOException {
    String safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("-->", "→").replaceAll("\n\\s*\n+", "\n");
    out.write(vttTime(start) + " --> " + vttTime(end) + "\n<v " + voice + ">" + safe + "\n\n");
  }

  static String vttTime(long ms) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }
}
