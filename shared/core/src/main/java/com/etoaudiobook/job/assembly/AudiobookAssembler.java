package com.etoaudiobook.job.assembly;

import com.etoaudiobook.job.FileNames;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobState;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.synthesis.CacheEntry;
import com.etoaudiobook.job.synthesis.PartResult;
import com.etoaudiobook.job.synthesis.PartSpec;

import com.etoaudiobook.audio.Id3Tag;
import com.etoaudiobook.audio.SilenceFrame;
import com.etoaudiobook.audio.XingHeader;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.concurrent.DaemonThreads;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.storage.BlobUpload;
import com.etoaudiobook.voice.Casting;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Joins a job's parts into the audiobook: one MP3 made by concatenating frames (ID3v2 tag with
 * chapters, Xing header, parts, silent frames for pauses), one MP3 per segment, chapters.json,
 * captions.vtt and manifest.json. Streams everything: memory holds a few parts' and segments' audio
 * at a time, whatever the book's length; reads run a few parts ahead and segment files are written
 * beside the stream, so storage latency is paid in parallel. Running it twice gives the same result.
 */
public final class AudiobookAssembler {
  private final JobStore store;
  private final BlobStore blobs;

  public AudiobookAssembler(JobStore store) {
    this.store = store;
    this.blobs = store.blobs();
  }

  /**
   * Output names (audiobook, chapters, captions, manifest) → keys.
   *
   * @throws java.util.NoSuchElementException when the job does not exist (deleted, or never was)
   */
  public Map<String, String> assemble(String jobId) {
    Job job = store.job(jobId);
    if (job == null) {
      throw new java.util.NoSuchElementException("no such job: " + jobId);
    }
    if (job.state() == JobState.DONE || job.state() == JobState.CANCELLED) {
      return job.outputs() == null ? Map.of() : job.outputs();
    }
    Book stored = store.book(job.bookId());
    // the segments the plan was made of: the book with its spoken chapter titles
    Book book = stored == null ? null : ChapterTitles.spoken(stored, job.casting(), job.options());
    List<PartSpec> plan = store.plan(jobId);
    ExecutorService pool = Executors.newFixedThreadPool(FETCHERS, DaemonThreads.named("assembly-fetch"));
    try {
      return assemble(job, book, plan, pool);
    } finally {
      pool.shutdownNow();
    }
  }

  private Map<String, String> assemble(Job job, Book book, List<PartSpec> plan, ExecutorService pool) {
    String jobId = job.id();
    int[] frames = new int[plan.size()];
    long[] bytes = new long[plan.size()];
    long billed = 0;
    int cached = 0;
    // Marks are kept for the second pass while they fit the budget, else read again there.
    Speech.Mark[][] kept = new Speech.Mark[plan.size()][];
    long keptMarks = 0;
    Ahead<PartResult> results = new Ahead<>(pool, plan.size(), i -> store.partResult(jobId, plan.get(i).index()));
    for (int i = 0; i < plan.size(); i++) {
      PartSpec p = plan.get(i);
      PartResult r = results.next();
      if (r == null) {
        throw new IllegalStateException("part " + p.index() + " of job " + jobId + " is not done yet");
      }
      frames[p.index()] = r.frames();
      bytes[p.index()] = r.bytes();
      billed += r.billedCharacters();
      cached += r.cached() ? 1 : 0;
      if (keptMarks + r.marks().size() <= MARKS_KEPT) {
        kept[p.index()] = r.marks().toArray(new Speech.Mark[0]);
        keptMarks += r.marks().size();
      }
    }
    if (cancelledMeanwhile(jobId)) {
      return Map.of();
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
      writeAudio(job, book, plan, timeline, chapters, outputs.get("audiobook"), kept, pool);
      blobs.put(outputs.get("chapters"), Json.write(chapterList(chapters)), "application/json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (cancelledMeanwhile(jobId)) {
      return Map.of(); // a cancel wins over the run that was already under way
    }
    Job done = job.finished(billed, outputs);
    store.saveJob(new Job(done.id(), done.bookId(), done.title(), done.state(), done.casting(), done.options(),
        done.partsTotal(), done.createdAt(), done.startedAt(), done.finishedAt(), null, billed,
        withCached(outputs, cached)));
    return outputs;
  }

  /** A cancel may land while the parts are read or written; the stored job is the judge. */
  private boolean cancelledMeanwhile(String jobId) {
    Job now = store.job(jobId);
    return now == null || now.state() == JobState.CANCELLED;
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

  private void writeAudio(Job job, Book book, List<PartSpec> plan, Timeline timeline,
                          List<Id3Tag.ChapterMark> chapters, String audioKey, Speech.Mark[][] kept,
                          ExecutorService pool) throws IOException {
    String jobId = job.id();
    byte[] id3 = Id3Tag.build(new Id3Tag.Tags(book.title(), book.author(), book.language(),
        store.cover(job.bookId()), chapters));
    byte[] xing = XingHeader.frame(timeline.totalFrames(), timeline.totalBytes(),
        timeline.toc(XingHeader.length()));
    List<Segment> segments = book.segments().toList();
    Map<Integer, PartSpec> byIndex = new LinkedHashMap<>();
    plan.forEach(p -> byIndex.put(p.index(), p));

    List<Integer> order = new ArrayList<>();
    for (Timeline.Entry e : timeline.entries()) {
      if (e.part() >= 0) {
        order.add(e.part());
      }
    }
    // a part's audio is in its synthesis cache entry, which the plan names
    Ahead<byte[]> partAudio = new Ahead<>(pool, order.size(), i -> {
      byte[] entry = blobs.get(Keys.cacheEntry(byIndex.get(order.get(i)).cacheKey()));
      if (entry == null) {
        throw new IllegalStateException("part " + order.get(i) + " of job " + jobId
            + " has no audio: its synthesis cache entry is gone");
      }
      return CacheEntry.audio(entry);
    });
    SegmentWrites segmentWrites = new SegmentWrites(pool);
    BlobUpload audio = null;
    BlobUpload captionsFile = null;
    BlobUpload manifestFile = null;
    try {
      audio = blobs.create(audioKey, "audio/mpeg");
      captionsFile = blobs.create(Keys.out(jobId, "captions.vtt"), "text/vtt");
      manifestFile = blobs.create(Keys.out(jobId, "manifest.json"), "application/json");
      Writer captions = new OutputStreamWriter(captionsFile, StandardCharsets.UTF_8);
      JsonGenerator manifest = Json.MAPPER.getFactory().createGenerator(manifestFile);
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
            finishSegment(jobId, segments.get(current), job, timeline, segmentAudio, segmentMarks, captions, manifest,
                segmentWrites);
          }
          current = e.segment();
          segmentAudio.reset();
          segmentMarks.clear();
          partOffsetMs = 0;
        }
        PartSpec part = byIndex.get(e.part());
        byte[] data = partAudio.next();
        audio.write(data);
        segmentAudio.write(data);
        List<Speech.Mark> marks = kept[e.part()] != null ? List.of(kept[e.part()])
            : store.partResult(jobId, e.part()).marks();
        for (Speech.Mark m : marks) {
          segmentMarks.add(new Speech.Mark(m.type(), partOffsetMs + m.timeMs(),
              part.textStart() + m.start(), part.textStart() + m.end()));
        }
        partOffsetMs += com.etoaudiobook.audio.AudioFormats.framesToMillis(e.frames());
      }
      if (current >= 0) {
        finishSegment(jobId, segments.get(current), job, timeline, segmentAudio, segmentMarks, captions, manifest,
            segmentWrites);
      }
      manifest.writeEndArray();
      manifest.writeEndObject();
      segmentWrites.awaitAll();
      // everything is written: only now do the three files appear
      manifest.close();
      captions.close();
      audio.close();
    } catch (IOException | RuntimeException | Error e) {
      // a failed run publishes nothing: no truncated audiobook for a user to download
      BlobUpload.abortAll(audio, captionsFile, manifestFile);
      throw e;
    }
  }

  /** Parallel readers: assembly is a long run of small reads, each waiting on storage. */
  private static final int FETCHERS = 4;
  /** Reads started ahead of the one being used: bounds memory to a few parts' audio. */
  private static final int AHEAD = 16;
  /** Marks kept between the two passes (about 40 bytes each); a longer book reads them twice. */
  private static final long MARKS_KEPT = 1_000_000;

  /** Loads item 0, 1, 2... in order, with up to {@link #AHEAD} loads running ahead of the reader. */
  private static final class Ahead<T> {
    private final ExecutorService pool;
    private final int count;
    private final java.util.function.IntFunction<T> load;
    private final java.util.ArrayDeque<Future<T>> started = new java.util.ArrayDeque<>();
    private int nextToStart;

    Ahead(ExecutorService pool, int count, java.util.function.IntFunction<T> load) {
      this.pool = pool;
      this.count = count;
      this.load = load;
    }

    T next() {
      while (nextToStart < count && started.size() < AHEAD) {
        int i = nextToStart++;
        started.add(pool.submit(() -> load.apply(i)));
      }
      return await(started.remove());
    }
  }

  /** Segment files written beside the stream, at most {@link #AHEAD} at once. */
  private static final class SegmentWrites {
    private final ExecutorService pool;
    private final java.util.ArrayDeque<Future<?>> running = new java.util.ArrayDeque<>();

    SegmentWrites(ExecutorService pool) {
      this.pool = pool;
    }

    void submit(Runnable write) {
      while (running.size() >= AHEAD) {
        await(running.remove());
      }
      running.add(pool.submit(write));
    }

    void awaitAll() {
      while (!running.isEmpty()) {
        await(running.remove());
      }
    }
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("assembly interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
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
                             List<Speech.Mark> marks, Writer captions, JsonGenerator g, SegmentWrites writes)
      throws IOException {
    String key = Keys.segmentAudio(jobId, s.index());
    byte[] segmentAudio = audio.toByteArray();
    writes.submit(() -> blobs.put(key, segmentAudio, "audio/mpeg"));
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
