package com.etoaudiobook.job.assembly;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.concurrent.DaemonThreads;
import com.etoaudiobook.concurrent.ReadAhead;
import com.etoaudiobook.job.FileNames;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobState;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.WorkQueue;
import com.etoaudiobook.job.synthesis.PartSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
  private final WorkQueue looks;

  public AudiobookAssembler(JobStore store) {
    this(store, null);
  }

  /** @param looks where a run that finds parts still being made asks for its next look (null: none) */
  public AudiobookAssembler(JobStore store, WorkQueue looks) {
    this.store = store;
    this.looks = looks;
  }

  /**
   * {@link #assemble(String, long)} in an invocation with {@code remainingMillis} left (-1: no limit
   * known, as under the local runtime: 10 minutes), waiting for parts being made until 2 minutes
   * before its end, and asking for the next look when they are further off.
   *
   * @return the outputs, or none when the job was not assembled by this run
   */
  public Map<String, String> assembleOrLookLater(String jobId, long remainingMillis) {
    long waitMillis = remainingMillis < 0 ? 600_000 : Math.max(0, remainingMillis - 120_000);
    Result r = assemble(jobId, System.nanoTime() + waitMillis * 1_000_000);
    if (r.retryInSeconds() >= 0 && looks != null) {
      looks.enqueueAssembly(jobId, r.retryInSeconds());
    }
    return r.outputs();
  }

  /**
   * What a run came to: the outputs of a finished job, or none with {@code retryInSeconds} when its
   * parts are still being made and a later run should look again (-1: none; the last part's landing
   * asks for one anyway).
   */
  public record Result(Map<String, String> outputs, int retryInSeconds) {
    static Result later(int seconds) {
      return new Result(Map.of(), seconds);
    }
  }

  /**
   * Output names (audiobook, chapters, captions, manifest) → keys, once every part is done.
   *
   * @throws java.util.NoSuchElementException when the job does not exist (deleted, or never was)
   * @throws IllegalStateException when a part is not done
   */
  public Map<String, String> assemble(String jobId) {
    Result r = assemble(jobId, System.nanoTime());
    if (r.retryInSeconds() >= 0) {
      throw new IllegalStateException("job " + jobId + " has parts that are not done yet");
    }
    return r.outputs();
  }

  /**
   * Assembles the job, starting while its last parts are still being made: each part is read as it
   * lands, so when the last one does only its own reads, the book's head and the texts are left.
   * A run that finds the end of the synthesis further off than {@link #LEAD_NANOS} returns at once
   * and asks to be run again nearer to it; one whose parts stop coming (cancel, a dead part) or
   * would come after {@code waitUntilNanos} stops and publishes nothing but segment files.
   *
   * @param waitUntilNanos System.nanoTime() after which no part is waited for (now: none is)
   * @throws java.util.NoSuchElementException when the job does not exist (deleted, or never was)
   */
  public Result assemble(String jobId, long waitUntilNanos) {
    long t0 = System.nanoTime();
    Job job = store.job(jobId);
    if (job == null) {
      throw new java.util.NoSuchElementException("no such job: " + jobId);
    }
    if (job.state() == JobState.DONE || job.state() == JobState.CANCELLED) {
      return new Result(job.outputs() == null ? Map.of() : job.outputs(), -1);
    }
    PartsLanding landing = new PartsLanding(store, job, waitUntilNanos);
    landing.refresh();
    if (!landing.allDone()) {
      if (landing.deadPart() || landing.ageNanos() > MAX_AGE_NANOS) {
        return Result.later(-1); // a part will not come (its retry asks again when it lands)
      }
      int later = laterSeconds(landing, t0, waitUntilNanos);
      if (later >= 0) {
        return Result.later(later);
      }
    }
    boolean early = !landing.allDone();
    if (!early) {
      long heldMillis = store.assemblyLease(jobId) - System.currentTimeMillis();
      if (heldMillis > 0) {
        // an early run is reading this job's parts and will publish it: a second whole run would only
        // repeat its requests; look again shortly (the job is DONE by then, or the run gave up or died)
        return Result.later((int) Math.max(1, Math.min(LEASE_LOOK_SECONDS, heldMillis / 1000)));
      }
    } else {
      long leaseNanos = Math.min(LEASE_MAX_NANOS, Math.max(0, waitUntilNanos - System.nanoTime()));
      store.leaseAssembly(jobId, System.currentTimeMillis() + leaseNanos / 1_000_000);
    }
    try {
      return run(job, landing, t0);
    } finally {
      if (early) {
        try {
          store.releaseAssembly(jobId);
        } catch (RuntimeException e) {
          LOG.warn("job {}: the assembly lease stays until it expires: {}", jobId, e.toString());
        }
      }
    }
  }

  private Result run(Job job, PartsLanding landing, long t0) {
    try {
      return new Result(run(job, landing, !landing.allDone(), t0, true), -1);
    } catch (PartsLanding.GaveUp e) {
      LOG.info("job {}: assembly stopped waiting for parts: {}", job.id(), e.getMessage());
      return Result.later(e.slowedDown ? laterSeconds(landing, System.nanoTime(), Long.MAX_VALUE) : -1);
    }
  }

  /**
   * Assembles a job whose parts this process is making (the CLI), beside the synthesis: {@code feed}
   * tells the run of each part as it is stored, so it reads each at once without listing the store,
   * and when the last one lands only its read, the book's head and the texts are left. It waits as
   * long as the parts take; {@link PartsFeed#stop} ends the wait, and the run then publishes nothing
   * but segment files.
   *
   * @param segmentFiles whether each segment's MP3 is written beside the book, for the web player
   *                     (the CLI's book alone: its 1,300 segment files of 120,000 characters took
   *                     about 4 % of a conversion's CPU, most of it creating the files)
   * @throws java.util.NoSuchElementException when the job does not exist
   * @throws IllegalStateException when the feed was stopped before every part came
   */
  public Map<String, String> assembleAlongside(String jobId, PartsFeed feed, boolean segmentFiles) {
    long t0 = System.nanoTime();
    Job job = store.job(jobId);
    if (job == null) {
      throw new java.util.NoSuchElementException("no such job: " + jobId);
    }
    try {
      return run(job, feed, true, t0, segmentFiles);
    } catch (PartsLanding.GaveUp e) {
      throw new IllegalStateException("job " + jobId + ": assembly stopped waiting for parts: " + e.getMessage());
    }
  }

  /** @throws PartsLanding.GaveUp when a part it waits for will not come */
  private Map<String, String> run(Job job, Landing landing, boolean early, long t0, boolean segmentFiles) {
    String jobId = job.id();
    Book stored = store.book(job.bookId());
    if (stored == null) {
      // a failure, not an unknown job: retried, then dead-lettered where an operator sees it
      throw new IllegalStateException("the book " + job.bookId() + " of job " + jobId + " cannot be read");
    }
    // the segments the plan was made of: the book with its spoken chapter titles
    Book book = ChapterTitles.spoken(stored, job.casting(), job.options());
    List<PartSpec> plan = store.plan(jobId);
    ExecutorService reads = Executors.newFixedThreadPool(READERS, DaemonThreads.named("assembly-read"));
    ExecutorService writes = Executors.newFixedThreadPool(WRITERS, DaemonThreads.named("assembly-write"));
    try {
      return assemble(job, book, plan, landing, early, reads, writes, t0, segmentFiles);
    } finally {
      reads.shutdownNow();
      writes.shutdownNow();
    }
  }

  /**
   * When to look again, or -1 to start now: when the last part is projected within {@link #LEAD_NANOS}
   * (and before the run must end). The pace from the job's start overstates the time left early on
   * (workers starting, the engine's first calls), so the next look is at most half the job's age away
   * (looks at 2, 3, 4.5, 7... s) and half the way to the projected start; a stalled job's looks thin out.
   */
  static int laterSeconds(PartsLanding landing, long now, long waitUntilNanos) {
    long projected = landing.projectedNanos();
    if (projected >= 0 && projected <= LEAD_NANOS && now + projected <= waitUntilNanos) {
      return -1;
    }
    long nanos = landing.ageNanos() / 2;
    if (projected >= 0) {
      nanos = Math.min(nanos, (projected - LEAD_NANOS) / 2);
    }
    return (int) Math.max(FIRST_LOOK_SECONDS, Math.min(MAX_DELAY_SECONDS, nanos / 1_000_000_000L));
  }

  private Map<String, String> assemble(Job job, Book book, List<PartSpec> plan, Landing landing, boolean early,
                                       ExecutorService reads, ExecutorService writes, long t0,
                                       boolean segmentFiles) {
    String jobId = job.id();
    String audioName = FileNames.safe(book.title()) + ".mp3";
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("audiobook", Keys.out(jobId, audioName));
    outputs.put("chapters", Keys.out(jobId, "chapters.json"));
    outputs.put("captions", Keys.out(jobId, "captions.vtt"));
    outputs.put("manifest", Keys.out(jobId, "manifest.json"));
    AudiobookWriter.Tally tally;
    try {
      tally = new AudiobookWriter(store, reads, writes).write(job, book, plan, job.options() == null
          ? Pauses.DEFAULT : job.options().pausesOrDefault(), landing, outputs, () -> {
            Job now = current(jobId);
            // a second run that found the job RUNNING may start after the first published it: a DONE
            // job never goes back (the player's segments answered 409 until the second run ended)
            if (now != null && now.state() == JobState.RUNNING) {
              store.saveJob(now.with(JobState.ASSEMBLING));
            }
          }, segmentFiles);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Job now = current(jobId);
    if (now == null) {
      return Map.of(); // a cancel wins over the run that was already under way
    }
    // the record as it is now: a run that started early may have seen an older one
    store.saveJob(now.finished(tally.billed(), outputs, tally.cached()));
    LOG.info("job {} assembled in {} ms ({}), {} parts", jobId, (System.nanoTime() - t0) / 1_000_000,
        early ? "started while parts were being made" : "every part done at the start", plan.size());
    return outputs;
  }

  /** The job's record now, or null when it was cancelled (or deleted) meanwhile: the stored job is the judge. */
  private Job current(String jobId) {
    Job now = store.job(jobId);
    return now == null || now.state() == JobState.CANCELLED ? null : now;
  }

  /**
   * A run starts when the last part is projected within this: long enough to read the parts done so
   * far before it lands (on a loaded machine the reads compete with the synthesis), short enough that
   * a run holds an assembler about a minute.
   */
  static final long LEAD_NANOS = 60_000_000_000L;
  /**
   * An early run holds the job at most this long: one that died (a crash, not a give-up, which
   * releases it) delays the final run no longer; one that outlives it only means a second run.
   */
  private static final long LEASE_MAX_NANOS = TimeUnit.MINUTES.toNanos(5);
  /** How often the final trigger looks again while an early run holds the job. */
  private static final int LEASE_LOOK_SECONDS = 5;
  /** When no part has landed yet, the next look comes this much later. */
  public static final int FIRST_LOOK_SECONDS = 2;
  /** A job whose parts are not all done after this is no longer looked at early. */
  private static final long MAX_AGE_NANOS = TimeUnit.DAYS.toNanos(1);
  /** SQS delays a message at most 15 minutes. */
  static final int MAX_DELAY_SECONDS = 900;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AudiobookAssembler.class);

  /** Parallel readers: assembly is a long run of small reads, each waiting on storage. */
  private static final int READERS = 8;
  /** Parallel writers of the segment files (and, at the end, the manifest and captions). */
  private static final int WRITERS = 8;
  /** Reads (and segment writes) started ahead of the one being used: bounds memory to a few parts' audio. */
  static final int AHEAD = 16;
  /** Marks kept for the texts (about 40 bytes each); a longer book reads them twice. */
  static final long MARKS_KEPT = 1_000_000;
}
