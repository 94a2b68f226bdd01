package com.etoaudiobook.job.assembly;

import com.etoaudiobook.audio.Id3Tag;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.concurrent.DaemonThreads;
import com.etoaudiobook.concurrent.ReadAhead;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.job.FileNames;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobState;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.synthesis.PartResult;
import com.etoaudiobook.job.synthesis.PartSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Joins a job's parts into the audiobook: one MP3 made by concatenating frames (ID3v2 tag with
 * chapters, Xing header, parts, silent frames for pauses), one MP3 per segment, chapters.json,
 * captions.vtt and manifest.json. Streams everything: memory holds a few parts' and segments' audio
 * at a time, whatever the book's length; reads run a few parts ahead, segment files are written
 * beside the stream by writers of their own and the book reaches its upload on a thread of its own,
 * so storage latency (S3's tens of milliseconds a request) is paid in parallel. Running it twice
 * gives the same result.
 *
 * <p>This class runs the job through assembly (read the parts' results, lay out the {@link Timeline},
 * store the finished job); {@link AudiobookWriter} writes the audio, {@link CaptionsWriter} the
 * captions, {@link ManifestWriter} the manifest and {@link ChapterMarks} the chapters.
 */
public final class AudiobookAssembler {
  private final JobStore store;

  public AudiobookAssembler(JobStore store) {
    this.store = store;
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
    ExecutorService reads = Executors.newFixedThreadPool(READERS, DaemonThreads.named("assembly-read"));
    ExecutorService writes = Executors.newFixedThreadPool(WRITERS, DaemonThreads.named("assembly-write"));
    try {
      return assemble(job, book, plan, reads, writes);
    } finally {
      reads.shutdownNow();
      writes.shutdownNow();
    }
  }

  private Map<String, String> assemble(Job job, Book book, List<PartSpec> plan, ExecutorService reads,
                                       ExecutorService writes) {
    String jobId = job.id();
    int[] frames = new int[plan.size()];
    long[] bytes = new long[plan.size()];
    long billed = 0;
    int cached = 0;
    // Marks are kept for the second pass while they fit the budget, else read again there.
    Speech.Mark[][] kept = new Speech.Mark[plan.size()][];
    long keptMarks = 0;
    ReadAhead<PartResult> results = new ReadAhead<>(reads, plan.size(), AHEAD, i -> store.partResult(jobId, plan.get(i).index()));
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
    List<Id3Tag.ChapterMark> chapters = ChapterMarks.of(book, timeline);

    String audioName = FileNames.safe(book.title()) + ".mp3";
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("audiobook", Keys.out(jobId, audioName));
    outputs.put("chapters", Keys.out(jobId, "chapters.json"));
    outputs.put("captions", Keys.out(jobId, "captions.vtt"));
    outputs.put("manifest", Keys.out(jobId, "manifest.json"));
    try {
      new AudiobookWriter(store, reads, writes).write(job, book, plan, timeline, chapters, outputs.get("audiobook"),
          outputs.get("chapters"), kept);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (cancelledMeanwhile(jobId)) {
      return Map.of(); // a cancel wins over the run that was already under way
    }
    store.saveJob(job.finished(billed, outputs, cached));
    return outputs;
  }

  /** A cancel may land while the parts are read or written; the stored job is the judge. */
  private boolean cancelledMeanwhile(String jobId) {
    Job now = store.job(jobId);
    return now == null || now.state() == JobState.CANCELLED;
  }

  /** Parallel readers: assembly is a long run of small reads, each waiting on storage. */
  private static final int READERS = 8;
  /** Parallel writers of the segment files (and, at the end, the manifest and captions). */
  private static final int WRITERS = 8;
  /** Reads (and segment writes) started ahead of the one being used: bounds memory to a few parts' audio. */
  static final int AHEAD = 16;
  /** Marks kept between the two passes (about 40 bytes each); a longer book reads them twice. */
  private static final long MARKS_KEPT = 1_000_000;
}
