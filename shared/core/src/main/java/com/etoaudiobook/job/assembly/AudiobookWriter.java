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
import java.util.concurrent.ExecutorService;

/**
 * Writes the audiobook MP3 (ID3v2 tag with chapters, Xing header, then the parts' frames with silent
 * frames for the pauses) and one MP3 per segment, in one pass over the timeline, handing each finished
 * segment to the captions and manifest writers. The three streamed files appear only once all of
 * them are complete; a failed pass publishes none of them.
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
             String audioKey, Speech.Mark[][] kept) throws IOException {
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
    try {
      audioFile = blobs.create(audioKey, "audio/mpeg");
      // the upload sends a whole part now and then: on a thread of its own, while the next parts are read
      audio = new StreamBehind(audioFile, BOOK_CHUNK, BOOK_CHUNKS_AHEAD, "assembly-book");
      captionsFile = blobs.create(Keys.out(jobId, "captions.vtt"), "text/vtt");
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
        partOffsetMs += AudioFormats.framesToMillis(e.frames());
      }
      if (current >= 0) {
        finishSegment(jobId, segments.get(current), timeline, segmentAudio, segmentMarks, captions, manifest,
            segmentWrites);
      }
      manifest.end();
      segmentWrites.awaitAll();
      // everything is written: only now do the three files appear, the small two beside the book's last part
      WriteBehind texts = new WriteBehind(writes, 1);
      texts.submit(() -> {
        try {
          manifest.close();
          captions.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      audio.close();
      texts.awaitAll();
    } catch (IOException | RuntimeException | Error e) {
      // a failed run publishes nothing: no truncated audiobook for a user to download
      if (audio != null) {
        audio.stop();
      }
      BlobUpload.abortAll(audioFile, captionsFile, manifestFile);
      if (e instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw e;
    }
  }

  /** The book reaches its upload in chunks of this size, at most this many waiting: 4 MiB beside the upload's part. */
  private static final int BOOK_CHUNK = 1 << 20;
  private static final int BOOK_CHUNKS_AHEAD = 4;

  private void finishSegment(String jobId, Segment s, Timeline timeline, ByteArrayOutputStream audio,
                             List<Speech.Mark> marks, CaptionsWriter captions, ManifestWriter manifest,
                             WriteBehind writes) throws IOException {
    String key = Keys.segmentAudio(jobId, s.index());
    byte[] segmentAudio = audio.toByteArray();
    writes.submit(() -> blobs.put(key, segmentAudio, "audio/mpeg"));
    long start = timeline.segmentStartMs(s.index());
    long end = timeline.segmentEndMs(s.index());
    manifest.segment(s, start, end, key.substring(key.indexOf("/out/") + 5), marks);
    captions.segment(s, start, end, marks);
  }
}
