package com.etoaudiobook.job.assembly;

import com.etoaudiobook.audio.Id3Tag;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.voice.Casting;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;

/**
 * Writes manifest.json for the read-along player, streamed a segment at a time: the book, its
 * chapters and roles (with their voices), then every segment with its text, times, audio file and
 * word and sentence marks.
 */
final class ManifestWriter {
  private final JsonGenerator g;
  private final Casting casting;

  ManifestWriter(JsonGenerator g, Casting casting) {
    this.g = g;
    this.casting = casting;
  }

  /** Everything before the segments: the book, its chapters and its roles. */
  void start(Book book, Timeline timeline, List<Id3Tag.ChapterMark> chapters) throws IOException {
    g.writeStartObject();
    g.writeStringField("title", book.title());
    if (book.author() != null) {
      g.writeStringField("author", book.author());
    }
    g.writeStringField("language", book.language());
    g.writeNumberField("durationMs", timeline.durationMs());
    g.writeNumberField("frames", timeline.totalFrames());
    g.writeArrayFieldStart("chapters");
    for (Id3Tag.ChapterMark c : chapters) {
      g.writeStartObject();
      g.writeStringField("title", c.title());
      g.writeNumberField("startMs", c.startMs());
      g.writeNumberField("endMs", c.endMs());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("roles");
    for (var r : book.roles()) {
      Casting.Assignment a = assignment(r.name());
      g.writeStartObject();
      g.writeStringField("name", r.name());
      g.writeNumberField("segments", r.segments());
      g.writeNumberField("characters", r.characters());
      if (a != null) {
        g.writeStringField("voice", a.voiceId());
        g.writeNumberField("rate", a.rate());
        g.writeNumberField("pitch", a.pitch());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("segments");
  }

  /**
   * One segment; {@code audio} is its file's name relative to the output folder, or null where no
   * segment files are written (its place in the book is startMs to endMs)
   */
  void segment(Segment s, long start, long end, String audio, List<Speech.Mark> marks) throws IOException {
    Casting.Assignment a = assignment(s.role());
    g.writeStartObject();
    g.writeNumberField("index", s.index());
    g.writeNumberField("chapter", s.chapter());
    g.writeStringField("role", s.role());
    if (s.delivery() != null) {
      g.writeStringField("delivery", s.delivery());
    }
    if (a != null) {
      g.writeStringField("voice", a.voiceId());
    }
    g.writeStringField("text", s.text());
    g.writeNumberField("startMs", start);
    g.writeNumberField("endMs", end);
    if (audio != null) {
      g.writeStringField("audio", audio);
    }
    // [start char, end char, ms from the segment's start]: compact, the player reads thousands
    writeMarks("words", "word", marks);
    writeMarks("sentences", "sentence", marks);
    g.writeEndObject();
  }

  /** Closes the segments and the document; the file is complete only after {@link #close()}. */
  void end() throws IOException {
    g.writeEndArray();
    g.writeEndObject();
  }

  void close() throws IOException {
    g.close();
  }

  private Casting.Assignment assignment(String role) {
    return casting == null ? null : casting.forRole(role);
  }

  /** Marks of one type as [start char, end char, ms from the segment's start]: compact for the player. */
  private void writeMarks(String field, String type, List<Speech.Mark> marks) throws IOException {
    g.writeArrayFieldStart(field);
    for (Speech.Mark m : marks) {
      if (m.type().equals(type)) {
        g.writeStartArray();
        g.writeNumber(m.start());
        g.writeNumber(m.end());
        g.writeNumber(m.timeMs());
        g.writeEndArray();
      }
    }
    g.writeEndArray();
  }
}
