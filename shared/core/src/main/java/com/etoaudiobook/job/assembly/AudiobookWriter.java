package com.etoaudiobook.job.assembly;

import com.etoaudiobook.audio.AudioFormats;
import com.etoaudiobook.audio.Id3Tag;
import com.etoaudiobook.audio.SilenceFrame;
import com.etoaudiobook.audio.XingHeader;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Segment;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * frames for the pauses) and one MP3 per segment, in one pass over the timeline, handing each finished
 * segment to the captions and manifest writers, and chapters.json. The manifest appears last, once
 * the audiobook, captions and chapters are whole; a failed pass leaves none of them.
 */
final class AudiobookWriter {
  private final JobStore store;
  private final BlobStore blobs;
  private final ExecutorService reads;
  private final ExecutorService writes;

  /**
   * @param reads  runs the parts' audio reads
   * @param writes runs the segment files' writes, apart from the reads so a read never waits behind them
   */
  AudiobookWriter(JobStore store, ExecutorService reads, ExecutorService writes) {
    this.store = store;
    this.blobs = store.blobs();
    this.reads = reads;
    this.writes = writes;
  }

  /**
   * @param kept marks of each part kept from the first pass, or null where they are to be read again
   */
  void write(Job job, Book book, List<PartSpec> plan, Timeline timeline, List<Id3Tag.ChapterMark> chapters,
             String audioKey, String chaptersKey, Speech.Mark[][] kept) throws IOException {
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
    ReadAhead<byte[]> partAudio = new ReadAhead<>(reads, order.size(), AudiobookAssembler.AHEAD, i -> {
      byte[] entry = blobs.get(Keys.cacheEntry(byIndex.get(order.get(i)).cacheKey()));
      if (entry == null) {
        throw new IllegalStateException("part " + order.get(i) + " of job " + jobId
            + " has no audio: its synthesis cache entry is gone");
      }
      return CacheEntry.audio(entry);
    });
    WriteBehind segmentWrites = new WriteBehind(writes, AudiobookAssembler.AHEAD);
    BlobUpload audioFile = null;
    StreamBehind audio = null;
    BlobUpload captionsFile = null;
    BlobUpload manifestFile = null;
    Future<?> texts = null;
    // the files of this run already visible (segments included): deleted again if the run fails after all
    Queue<String> published = new ConcurrentLinkedQueue<>();
    String captionsKey = Keys.out(jobId, "captions.vtt");
    try {
      audioFile = blobs.create(audioKey, "audio/mpeg");
      // the upload sends a whole part now and then: on a thread of its own, while the next parts are read
      audio = new StreamBehind(audioFile, BOOK_CHUNK, BOOK_CHUNKS_AHEAD, "assembly-book");
      captionsFile = blobs.create(captionsKey, "text/vtt");
      manifestFile = blobs.create(Keys.out(jobId, "manifest.json"), "application/json");
      CaptionsWriter captions = new CaptionsWriter(new OutputStreamWriter(captionsFile, StandardCharsets.UTF_8));
      ManifestWriter manifest = new ManifestWriter(Json.MAPPER.getFactory().createGenerator(manifestFile),
          job.casting());
      audio.write(id3);
      audio.write(xing);
      captions.start();
      manifest.start(book, timeline, chapters);

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
            finishSegment(jobId, segments.get(current), timeline, segmentAudio, segmentMarks, captions, manifest,
                segmentWrites, published);
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
        partOffsetMs += AudioFormats.framesToMillis(e.frames());
      }
      if (current >= 0) {
        finishSegment(jobId, segments.get(current), timeline, segmentAudio, segmentMarks, captions, manifest,
            segmentWrites, published);
      }
      manifest.end();
      segmentWrites.awaitAll();
      // everything is written: the captions and chapters are published beside the book's last part,
      // the manifest, which clients read as "done", last, once the others are whole
      texts = writes.submit(() -> {
        try {
          captions.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        published.add(captionsKey);
        blobs.put(chaptersKey, ChapterMarks.chaptersJson(chapters), "application/json");
        published.add(chaptersKey);
      });
      audio.close();
      published.add(audioKey);
      awaitUninterruptibly(texts);
      manifest.close();
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
        BlobUpload.abortAll(audioFile, captionsFile, manifestFile);
      } catch (RuntimeException t) {
        e.addSuppressed(t);
      }
      // the segment files too: on S3 a delete a segment, so they go in parallel
      WriteBehind deletes = new WriteBehind(writes, AudiobookAssembler.AHEAD);
      try {
        for (String key : published) {
          deletes.submit(() -> blobs.delete(key));
        }
        deletes.awaitAll();
      } catch (RuntimeException t) {
        e.addSuppressed(t);
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
    boolean interrupted = false;
    try {
      while (true) {
        try {
          f.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
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
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The book reaches its upload in chunks of this size, at most this many waiting: 4 MiB beside the upload's part. */
  private static final int BOOK_CHUNK = 1 << 20;
  private static final int BOOK_CHUNKS_AHEAD = 4;

  private void finishSegment(String jobId, Segment s, Timeline timeline, ByteArrayOutputStream audio,
                             List<Speech.Mark> marks, CaptionsWriter captions, ManifestWriter manifest,
                             WriteBehind writes, Queue<String> published) throws IOException {
    String key = Keys.segmentAudio(jobId, s.index());
    byte[] segmentAudio = audio.toByteArray();
    writes.submit(() -> {
      blobs.put(key, segmentAudio, "audio/mpeg");
      published.add(key);
    });
    long start = timeline.segmentStartMs(s.index());
    long end = timeline.segmentEndMs(s.index());
    manifest.segment(s, start, end, key.substring(key.indexOf("/out/") + 5), marks);
    captions.segment(s, start, end, marks);
  }
}
