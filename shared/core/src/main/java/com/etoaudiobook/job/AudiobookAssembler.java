package com.etoaudiobook.job;

import com.etoaudiobook.audio.Id3Tag;
import com.etoaudiobook.audio.SilenceFrame;
import com.etoaudiobook.audio.XingHeader;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.voice.Casting;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Joins a job's parts into the audiobook: one MP3 made by concatenating frames (ID3v2 tag with
 * chapters, Xing header, parts, silent frames for pauses), one MP3 per segment, chapters.json,
 * captions.vtt and manifest.json. Streams everything: memory holds one segment's audio at a time,
 * whatever the book's length. Running it twice gives the same result.
 */
public final class AudiobookAssembler {
  private final JobStore store;
  private final BlobStore blobs;

  public AudiobookAssembler(JobStore store) {
    this.store = store;
    this.blobs = store.blobs();
  }

  /** Output names (audiobook, chapters, captions, manifest) → keys. */
  public Map<String, String> assemble(String jobId) {
    Job job = store.job(jobId);
    if (job == null) {
      throw new IllegalArgumentException("no such job: " + jobId);
    }
    if (job.state() == JobState.DONE || job.state() == JobState.CANCELLED) {
      return job.outputs() == null ? Map.of() : job.outputs();
    }
    Book book = store.book(job.bookId());
    List<PartSpec> plan = store.plan(jobId);
    int[] frames = new int[plan.size()];
    long[] bytes = new long[plan.size()];
    long billed = 0;
    int cached = 0;
    for (PartSpec p : plan) {
      PartResult r = store.partResult(jobId, p.index());
      if (r == null) {
        throw new IllegalStateException("part " + p.index() + " of job " + jobId + " is not done yet");
      }
      frames[p.index()] = r.frames();
      bytes[p.index()] = r.bytes();
      billed += r.billedCharacters();
      cached += r.cached() ? 1 : 0;
    }
    store.saveJob(job.with(JobState.ASSEMBLING));
    Timeline timeline = new Timeline(book, plan, frames, bytes, job.options() == null
        ? Pauses.DEFAULT : job.options().pausesOrDefault());
    List<Id3Tag.ChapterMark> chapters = chapterMarks(book, timeline);

    String audioName = FileNames.safe(book.title()) + ".mp3";
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("audiobook", Keys.out(jobId, audioName));
    outputs.put("chapters", Keys.out(jobId, "chapters.json"));
    outputs.put("captions", Keys.out(jobId, "captions.vtt"));
    outputs.put("manifest", Keys.out(jobId, "manifest.json"));
    try {
      writeAudio(jobId, book, plan, timeline, chapters, outputs.get("audiobook"));
      blobs.put(outputs.get("chapters"), Json.write(chapterList(chapters)), "application/json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Job done = job.finished(billed, outputs);
    store.saveJob(new Job(done.id(), done.bookId(), done.title(), done.state(), done.casting(), done.options(),
        done.partsTotal(), done.createdAt(), done.startedAt(), done.finishedAt(), null, billed,
        withCached(outputs, cached)));
    return outputs;
  }

  private static Map<String, String> withCached(Map<String, String> outputs, int cached) {
    Map<String, String> m = new LinkedHashMap<>(outputs);
    m.put("cachedParts", Integer.toString(cached));
    return m;
  }

  private static List<Id3Tag.ChapterMark> chapterMarks(Book book, Timeline timeline) {
    List<Id3Tag.ChapterMark> marks = new ArrayList<>();
    List<Chapter> chs = book.chapters();
    List<long[]> starts = new ArrayList<>();
    for (Chapter c : chs) {
      long s = timeline.chapterStartMs(c.index());
      if (s >= 0) {
        starts.add(new long[] {c.index(), s});
      }
    }
    for (int i = 0; i < starts.size(); i++) {
      long end = i + 1 < starts.size() ? starts.get(i + 1)[1] : timeline.durationMs();
      marks.add(new Id3Tag.ChapterMark(chs.get((int) starts.get(i)[0]).title(), starts.get(i)[1], end));
    }
    return marks;
  }

  private static List<Map<String, Object>> chapterList(List<Id3Tag.ChapterMark> chapters) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < chapters.size(); i++) {
      Id3Tag.ChapterMark c = chapters.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", i);
      m.put("title", c.title());
      m.put("startMs", c.startMs());
      m.put("endMs", c.endMs());
      list.add(m);
    }
    return list;
  }

  private void writeAudio(String jobId, Book book, List<PartSpec> plan, Timeline timeline,
                          List<Id3Tag.ChapterMark> chapters, String audioKey) throws IOException {
    Job job = store.job(jobId);
    byte[] id3 = Id3Tag.build(new Id3Tag.Tags(book.title(), book.author(), book.language(), null, chapters));
    byte[] xing = XingHeader.frame(timeline.totalFrames(), timeline.totalBytes(),
        timeline.toc(XingHeader.length()));
    List<Segment> segments = book.segments().toList();
    Map<Integer, PartSpec> byIndex = new LinkedHashMap<>();
    plan.forEach(p -> byIndex.put(p.index(), p));

    try (OutputStream audio = blobs.create(audioKey, "audio/mpeg");
         Writer captions = new OutputStreamWriter(blobs.create(Keys.out(jobId, "captions.vtt"), "text/vtt"),
             StandardCharsets.UTF_8);
         JsonGenerator manifest = Json.MAPPER.getFactory().createGenerator(
             blobs.create(Keys.out(jobId, "manifest.json"), "application/json"))) {
      audio.write(id3);
      audio.write(xing);
      captions.write("WEBVTT\n\n");
      startManifest(manifest, book, job, timeline, chapters);

      ByteArrayOutputStream segmentAudio = new ByteArrayOutputStream();
      List<Speech.Mark> segmentMarks = new ArrayList<>();
      int current = -1;
      long partOffsetMs = 0;
      for (Timeline.Entry e : timeline.entries()) {
        if (e.part() < 0) {
          SilenceFrame.write(audio, e.frames());
          continue;
        }
        if (e.segment() != current) {
          if (current >= 0) {
            finishSegment(jobId, segments.get(current), job, timeline, segmentAudio, segmentMarks, captions, manifest);
          }
          current = e.segment();
          segmentAudio.reset();
          segmentMarks.clear();
          partOffsetMs = 0;
        }
        PartSpec part = byIndex.get(e.part());
        try (InputStream in = blobs.open(Keys.partAudio(jobId, e.part()))) {
          byte[] data = in.readAllBytes();
          audio.write(data);
          segmentAudio.write(data);
        }
        PartResult result = store.partResult(jobId, e.part());
        for (Speech.Mark m : result.marks()) {
          segmentMarks.add(new Speech.Mark(m.type(), partOffsetMs + m.timeMs(),
              part.textStart() + m.start(), part.textStart() + m.end()));
        }
        partOffsetMs += com.etoaudiobook.audio.AudioFormats.framesToMillis(e.frames());
      }
      if (current >= 0) {
        finishSegment(jobId, segments.get(current), job, timeline, segmentAudio, segmentMarks, captions, manifest);
      }
      manifest.writeEndArray();
      manifest.writeEndObject();
    }
  }

  private static void startManifest(JsonGenerator g, Book book, Job job, Timeline timeline,
                                    List<Id3Tag.ChapterMark> chapters) throws IOException {
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
      Casting.Assignment a = job.casting() == null ? null : job.casting().forRole(r.name());
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

  private void finishSegment(String jobId, Segment s, Job job, Timeline timeline, ByteArrayOutputStream audio,
                             List<Speech.Mark> marks, Writer captions, JsonGenerator g) throws IOException {
    String key = Keys.segmentAudio(jobId, s.index());
    blobs.put(key, audio.toByteArray(), "audio/mpeg");
    long start = timeline.segmentStartMs(s.index());
    long end = timeline.segmentEndMs(s.index());
    Casting.Assignment a = job.casting() == null ? null : job.casting().forRole(s.role());

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
    g.writeStringField("audio", key.substring(key.indexOf("/out/") + 5));
    // [start char, end char, ms from the segment's start]: compact, the player reads thousands
    writeMarks(g, "words", "word", marks);
    writeMarks(g, "sentences", "sentence", marks);
    g.writeEndObject();
    writeCues(captions, s, start, end, marks);
  }

  /** Marks of one type as [start char, end char, ms from the segment's start]: compact for the player. */
  private static void writeMarks(JsonGenerator g, String field, String type, List<Speech.Mark> marks)
      throws IOException {
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

  /** One cue per sentence when the engine marked sentences, else one per segment. */
  private static void writeCues(Writer out, Segment s, long start, long end, List<Speech.Mark> marks)
      throws IOException {
    List<Speech.Mark> sentences = marks.stream().filter(m -> m.type().equals("sentence")).toList();
    String voice = s.role().replace(">", "").replace("&", "and");
    if (sentences.isEmpty()) {
      cue(out, start, end, voice, s.text());
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
        cue(out, cueStart, cueEnd, voice, text);
      }
    }
  }

  private static void cue(Writer out, long start, long end, String voice, String text) throws IOException {
    String safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("-->", "→").replaceAll("\n\\s*\n+", "\n");
    out.write(vttTime(start) + " --> " + vttTime(end) + "\n<v " + voice + ">" + safe + "\n\n");
  }

  static String vttTime(long ms) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }
}
