package com.etoaudiobook.job.assembly;

import com.etoaudiobook.audio.AudioFormats;
import com.etoaudiobook.audio.Id3Tag;
import com.etoaudiobook.audio.SilenceFrame;
import com.etoaudiobook.audio.XingHeader;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.concurrent.Await;
import com.etoaudiobook.concurrent.ReadAhead;
import com.etoaudiobook.concurrent.StreamBehind;
import com.etoaudiobook.concurrent.WriteBehind;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.synthesis.CacheEntry;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.storage.BlobUpload;
import com.etoaudiobook.storage.HeadLastUpload;
import com.etoaudiobook.job.synthesis.PartResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Writes the audiobook MP3 (ID3v2 tag with chapters, Xing header, then the parts' frames with silent
 * frames for the pauses), one MP3 per segment, captions, the manifest and chapters.json, in one pass
 * over the parts: each part's record and audio are read once, as soon as it is done (a run may start
 * while the last parts are still being made). The book's body is on its way as it is read; its head,
 * which needs every part's frame count, is sent last ({@link HeadLastUpload}). The manifest appears
 * last, once the audiobook, captions and chapters are whole; a failed pass leaves none of them.
 */
final class AudiobookWriter {
  /** What the job's parts cost: characters billed, parts taken from the synthesis cache. */
  record Tally(long billed, int cached) {
  }

  private record Loaded(PartResult result, byte[] audio) {
  }

  private final JobStore store;
  private final BlobStore blobs;
  private final ExecutorService reads;
  private final ExecutorService writes;

  /**
   * @param reads  runs the parts' reads (and their waits for parts still being made)
   * @param writes runs the segment files' writes, apart from the reads so a read never waits behind them
   */
  AudiobookWriter(JobStore store, ExecutorService reads, ExecutorService writes) {
    this.store = store;
    this.blobs = store.blobs();
    this.reads = reads;
    this.writes = writes;
  }

  /**
   * @param allRead      told when every part is read, before the head and the texts are written
   * @param segmentFiles whether each segment's MP3 is written too (what the web player streams); the
   *                     manifest names a segment's file only when it is
   */
  Tally write(Job job, Book book, List<PartSpec> plan, Pauses pauses, Landing landing,
              Map<String, String> outputs, Runnable allRead, boolean segmentFiles) throws IOException {
    String jobId = job.id();
    List<Segment> segments = book.segments().toList();
    Map<Integer, PartSpec> byIndex = new LinkedHashMap<>();
    plan.forEach(p -> byIndex.put(p.index(), p));
    // where the parts and pauses go is known before any frame count: a layout with none
    Timeline layout = new Timeline(book, plan, new int[plan.size()], new long[plan.size()], pauses);
    List<Integer> order = new ArrayList<>();
    for (Timeline.Entry e : layout.entries()) {
      if (e.part() >= 0) {
        order.add(e.part());
      }
    }
    // a part's record says it is done (frames, marks); its audio is in the synthesis cache entry the plan names
    ReadAhead<Loaded> parts = new ReadAhead<>(reads, order.size(), AudiobookAssembler.AHEAD, i -> {
      int part = order.get(i);
      landing.await(part);
      PartResult r = store.partResult(jobId, part);
      byte[] entry = r == null ? null : blobs.get(Keys.cacheEntry(byIndex.get(part).cacheKey()));
      if (entry == null) {
        throw new IllegalStateException("part " + part + " of job " + jobId
            + (r == null ? " is not done yet" : " has no audio: its synthesis cache entry is gone"));
      }
      return new Loaded(r, CacheEntry.audio(entry));
    });
    int[] frames = new int[plan.size()];
    long[] bytes = new long[plan.size()];
    // marks are kept for the texts while they fit the budget, else read again there
    Speech.Mark[][] kept = new Speech.Mark[plan.size()][];
    long keptMarks = 0;
    long billed = 0;
    int cached = 0;
    WriteBehind segmentWrites = new WriteBehind(writes, AudiobookAssembler.AHEAD);
    HeadLastUpload audioFile = null;
    StreamBehind audio = null;
    BlobUpload captionsFile = null;
    BlobUpload manifestFile = null;
    Future<?> texts = null;
    // the files of this run already visible (segments included): deleted again if the run fails after all
    Queue<String> published = new ConcurrentLinkedQueue<>();
    String audioKey = outputs.get("audiobook");
    String captionsKey = outputs.get("captions");
    String chaptersKey = outputs.get("chapters");
    try {
      // the head's length is known before any frame count (the chapters' times are fields of fixed
      // width): a store that leaves room for it writes the body once, where it stays
      byte[] cover = store.cover(job.bookId());
      audioFile = blobs.createHeadLast(audioKey, "audio/mpeg", head(book, cover, layout).length);
      // the upload sends a whole part now and then: on a thread of its own, while the next parts are read
      audio = new StreamBehind(bodyOf(audioFile), BOOK_CHUNK, BOOK_CHUNKS_AHEAD, "assembly-book");
      ByteArrayOutputStream segmentAudio = new ByteArrayOutputStream();
      int current = -1;
      for (Timeline.Entry e : layout.entries()) {
        if (e.part() < 0) {
          SilenceFrame.write(audio, e.frames());
          continue;
        }
        if (segmentFiles && e.segment() != current) {
          if (current >= 0) {
            writeSegment(jobId, current, segmentAudio, segmentWrites, published);
          }
          current = e.segment();
          segmentAudio.reset();
        }
        Loaded loaded = parts.next();
        PartResult r = loaded.result();
        frames[e.part()] = r.frames();
        bytes[e.part()] = r.bytes();
        billed += r.billedCharacters();
        cached += r.cached() ? 1 : 0;
        if (keptMarks + r.marks().size() <= AudiobookAssembler.MARKS_KEPT) {
          kept[e.part()] = r.marks().toArray(new Speech.Mark[0]);
          keptMarks += r.marks().size();
        }
        audio.write(loaded.audio());
        if (segmentFiles) {
          segmentAudio.write(loaded.audio());
        }
      }
      if (current >= 0) {
        writeSegment(jobId, current, segmentAudio, segmentWrites, published);
      }
      allRead.run();
      // every part is read: now the frame counts give the head, the chapters and the texts
      Timeline timeline = new Timeline(book, plan, frames, bytes, pauses);
      List<Id3Tag.ChapterMark> chapters = ChapterMarks.of(book, timeline);
      captionsFile = blobs.create(captionsKey, "text/vtt");
      manifestFile = blobs.create(outputs.get("manifest"), "application/json");
      CaptionsWriter captions = new CaptionsWriter(new OutputStreamWriter(captionsFile, StandardCharsets.UTF_8));
      ManifestWriter manifest = new ManifestWriter(Json.MAPPER.getFactory().createGenerator(manifestFile),
          job.casting());
      captions.start();
      manifest.start(book, timeline, chapters);
      writeTexts(jobId, plan, byIndex, segments, timeline, kept, captions, manifest, segmentFiles);
      manifest.end();
      segmentWrites.awaitAll();
      // everything is written: the captions and chapters are published beside the book's head,
      // the manifest, which clients read as "done", last, once the others are whole
      texts = writes.submit(() -> {
        try {
          captions.close();
        } catch (IOException x) {
          throw new UncheckedIOException(x);
        }
        published.add(captionsKey);
        blobs.put(chaptersKey, ChapterMarks.chaptersJson(chapters), "application/json");
        published.add(chaptersKey);
      });
      audio.close();
      audioFile.close(head(book, cover, timeline));
      published.add(audioKey);
      awaitUninterruptibly(texts);
      manifest.close();
      return new Tally(billed, cached);
    } catch (IOException | RuntimeException | Error e) {
      // a failed run publishes nothing: no truncated audiobook for a user to download, and no manifest
      // or captions of a failed job. The texts are waited for first, so none is closed after the abort.
      // The clean-up runs whole even when the run failed by an interrupt, which is kept for the caller.
      boolean interrupted = Thread.interrupted();
      if (texts != null) {
        try {
          awaitUninterruptibly(texts);
        } catch (RuntimeException | Error t) {
          suppress(e, t);
        }
      }
      awaitSegmentWrites(segmentWrites, e);
      if (audio != null) {
        audio.stop();
      }
      try {
        BlobUpload.abortAll(captionsFile, manifestFile);
        if (audioFile != null) {
          audioFile.abort();
        }
      } catch (RuntimeException t) {
        e.addSuppressed(t);
      }
      // A run that stopped waiting for parts keeps its segment files: they are the bytes any run
      // writes, and one started meanwhile may be writing them too. A failed run deletes what it published;
      // on S3 a delete a segment, so they go in parallel.
      if (!(e instanceof PartsLanding.GaveUp)) {
        WriteBehind deletes = new WriteBehind(writes, AudiobookAssembler.AHEAD);
        try {
          for (String key : published) {
            deletes.submit(() -> blobs.delete(key));
          }
          deletes.awaitAll();
        } catch (RuntimeException t) {
          e.addSuppressed(t);
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (e instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw e;
    }
  }

  /** The segments' marks, from each part's start in its segment, into the captions and the manifest. */
  private void writeTexts(String jobId, List<PartSpec> plan, Map<Integer, PartSpec> byIndex, List<Segment> segments,
                          Timeline timeline, Speech.Mark[][] kept, CaptionsWriter captions,
                          ManifestWriter manifest, boolean segmentFiles) throws IOException {
    List<Speech.Mark> segmentMarks = new ArrayList<>();
    int current = -1;
    long partOffsetMs = 0;
    for (Timeline.Entry e : timeline.entries()) {
      if (e.part() < 0) {
        continue;
      }
      if (e.segment() != current) {
        if (current >= 0) {
          segmentText(jobId, segments.get(current), timeline, segmentMarks, captions, manifest, segmentFiles);
        }
        current = e.segment();
        segmentMarks.clear();
        partOffsetMs = 0;
      }
      PartSpec part = byIndex.get(e.part());
      List<Speech.Mark> marks = kept[e.part()] != null ? List.of(kept[e.part()])
          : store.partResult(jobId, e.part()).marks();
      for (Speech.Mark m : marks) {
        segmentMarks.add(new Speech.Mark(m.type(), partOffsetMs + m.timeMs(),
            part.textStart() + m.start(), part.textStart() + m.end()));
      }
      partOffsetMs += AudioFormats.framesToMillis(e.frames());
    }
    if (current >= 0) {
      segmentText(jobId, segments.get(current), timeline, segmentMarks, captions, manifest, segmentFiles);
    }
  }

  private static void segmentText(String jobId, Segment s, Timeline timeline, List<Speech.Mark> marks,
                                  CaptionsWriter captions, ManifestWriter manifest, boolean segmentFiles)
      throws IOException {
    String key = Keys.segmentAudio(jobId, s.index());
    long start = timeline.segmentStartMs(s.index());
    long end = timeline.segmentEndMs(s.index());
    manifest.segment(s, start, end, segmentFiles ? key.substring(key.indexOf("/out/") + 5) : null, marks);
    captions.segment(s, start, end, marks);
  }

  private void writeSegment(String jobId, int segment, ByteArrayOutputStream audio, WriteBehind writes,
                            Queue<String> published) {
    String key = Keys.segmentAudio(jobId, segment);
    byte[] segmentAudio = audio.toByteArray();
    writes.submit(() -> {
      blobs.put(key, segmentAudio, "audio/mpeg");
      published.add(key);
    });
  }

  /** The book's head: the ID3 tag (chapters, cover) and the Xing header frame. */
  private static byte[] head(Book book, byte[] cover, Timeline timeline) {
    byte[] id3 = Id3Tag.build(new Id3Tag.Tags(book.title(), book.author(), book.language(), cover,
        ChapterMarks.of(book, timeline)));
    byte[] xing = XingHeader.frame(timeline.totalFrames(), timeline.totalBytes(), timeline.toc(XingHeader.length()));
    byte[] head = new byte[id3.length + xing.length];
    System.arraycopy(id3, 0, head, 0, id3.length);
    System.arraycopy(xing, 0, head, id3.length, xing.length);
    return head;
  }

  /** The upload's body as a stream whose close leaves the upload open for its head. */
  private static OutputStream bodyOf(HeadLastUpload upload) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        upload.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        upload.write(b, off, len);
      }
    };
  }

  /** Waits for the segment writes still under way, so none lands after the clean-up; the interrupt is kept. */
  private static void awaitSegmentWrites(WriteBehind segmentWrites, Throwable failure) {
    boolean interrupted = Thread.interrupted();
    while (true) {
      try {
        segmentWrites.awaitAll();
        break;
      } catch (RuntimeException | Error t) {
        interrupted |= Thread.interrupted();
        suppress(failure, t);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void suppress(Throwable failure, Throwable t) {
    if (t != failure && t.getCause() != failure) {
      failure.addSuppressed(t);
    }
  }

  /** Waits even when interrupted, as a close under way ignores interrupts; the interrupt is kept. */
  private static void awaitUninterruptibly(Future<?> f) {
    try {
      Await.uninterruptibly(f);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The book reaches its upload in chunks of this size, at most this many waiting: 4 MiB beside the upload's part. */
  private static final int BOOK_CHUNK = 1 << 20;
  private static final int BOOK_CHUNKS_AHEAD = 4;
}
