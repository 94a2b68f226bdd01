package com.etoaudiobook.job;

import com.etoaudiobook.audio.LoudnessTarget;
import com.etoaudiobook.job.assembly.AudiobookAssembler;
import com.etoaudiobook.job.assembly.ChapterTitles;
import com.etoaudiobook.job.synthesis.CacheKey;
import com.etoaudiobook.job.synthesis.PartFailure;
import com.etoaudiobook.job.synthesis.PartSpec;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.lexicon.Lexicon;
import com.etoaudiobook.text.Chunker;
import com.etoaudiobook.voice.Casting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** Starts, watches, retries, cancels and resumes jobs; the same for the CLI, the API and the inbox. */
public final class JobService {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JobService.class);
  private final JobStore store;
  private final WorkQueue queue;
  private final Supplier<String> provider;
  private final IntSupplier engineMaxChars;
  private final DoneParts doneParts;
  private final LoudnessTarget loudness;
  private final CancelSignal cancels;

  /**
   * @param provider       the speech provider ("espeak", "polly"): part of every cache key
   * @param engineMaxChars the engine's request limit
   */
  public JobService(JobStore store, WorkQueue queue, String provider, int engineMaxChars) {
    this(store, queue, provider, engineMaxChars, LoudnessTarget.DEFAULT);
  }

  /** @param loudness the deployment's target, part of every cache key (the workers' CachedSynthesis has the same) */
  public JobService(JobStore store, WorkQueue queue, String provider, int engineMaxChars, LoudnessTarget loudness) {
    this(store, queue, provider, engineMaxChars, loudness, new StoreCancelSignal(store));
  }

  /** @param cancels what a cancel is sent on, after the job's record says so: the workers' signal */
  public JobService(JobStore store, WorkQueue queue, String provider, int engineMaxChars, LoudnessTarget loudness,
                    CancelSignal cancels) {
    this(store, queue, () -> provider, () -> engineMaxChars, loudness, cancels);
  }

  /**
   * @param engine asked for its provider and request limit when a job is planned, not before: a
   *               function that only starts jobs (the inbox) builds no engine at init
   */
  public JobService(JobStore store, WorkQueue queue, Supplier<? extends SpeechEngine> engine, LoudnessTarget loudness,
                    CancelSignal cancels) {
    this(store, queue, () -> engine.get().provider(), () -> engine.get().maxCharacters(), loudness, cancels);
  }

  private JobService(JobStore store, WorkQueue queue, Supplier<String> provider, IntSupplier engineMaxChars,
                     LoudnessTarget loudness, CancelSignal cancels) {
    this.cancels = cancels;
    this.loudness = loudness;
    this.store = store;
    this.queue = queue;
    this.provider = provider;
    this.engineMaxChars = engineMaxChars;
    this.doneParts = new DoneParts(store);
  }

  public JobStore store() {
    return store;
  }

  /** Plans the parts of a book as spoken (with its chapter titles); the casting must give every role a voice. */
  public List<PartSpec> plan(String jobId, Book book, Casting casting, JobOptions options) {
    return plan(jobId, book, casting, options, Lexicon.EMPTY);
  }

  /** Plans the parts; each carries (and its cache key covers) the lexicon entries its text uses. */
  public List<PartSpec> plan(String jobId, Book book, Casting casting, JobOptions options, Lexicon lexicon) {
    return plan(jobId, book, casting, options, lexicon, part -> { });
  }

  /**
   * {@link #plan(String, Book, Casting, JobOptions, Lexicon)}, telling {@code planned} of each part as
   * soon as it is planned (in order): the CLI's engine starts speaking before the plan is whole.
   */
  public List<PartSpec> plan(String jobId, Book book, Casting casting, JobOptions options, Lexicon lexicon,
                             Consumer<PartSpec> planned) {
    String provider = this.provider.get();
    int engineMax = engineMaxChars.getAsInt();
    int max = options != null && options.maxPartChars() != null
        ? Math.min(options.maxPartChars(), engineMax) : engineMax;
    List<PartSpec> parts = new ArrayList<>();
    for (Segment s : ChapterTitles.spoken(book, casting, options).segments().toList()) {
      Casting.Assignment a = casting.forRole(s.role());
      if (a == null) {
        throw new IllegalArgumentException("no voice for role '" + s.role() + "'");
      }
      for (Chunker.Chunk c : Chunker.split(s.text(), max)) {
        Lexicon used = lexicon == null ? Lexicon.EMPTY : lexicon.applicableTo(c.text());
        String key = CacheKey.of(loudness, provider, a.voiceId(), a.engine(), a.rate(), a.pitch(), s.delivery(), c.text(), used);
        PartSpec part = new PartSpec(jobId, parts.size(), s.index(), c.start(), c.text(), s.role(), s.delivery(),
            a.voiceId(), a.engine(), a.rate(), a.pitch(), key, used.isEmpty() ? null : used);
        parts.add(part);
        planned.accept(part);
      }
    }
    return parts;
  }

  public Job start(String bookId, Book book, Casting casting, JobOptions options) {
    return start(bookId, book, casting, options, Lexicon.EMPTY);
  }

  /** Starts a job whose parts honour {@code lexicon} (the book's pronunciations). */
  public Job start(String bookId, Book book, Casting casting, JobOptions options, Lexicon lexicon) {
    String jobId = Ids.newId();
    return start(jobId, bookId, book, casting, options, plan(jobId, book, casting, options, lexicon));
  }

  /** Starts the job {@code jobId} whose parts were planned by {@link #plan} under that id. */
  public Job start(String jobId, String bookId, Book book, Casting casting, JobOptions options, List<PartSpec> parts) {
    long now = System.currentTimeMillis();
    Job job = new Job(jobId, bookId, book.title(), JobState.RUNNING, casting,
        options == null ? JobOptions.DEFAULT : options, parts.size(), now, now, 0, null, 0, null);
    store.savePlan(jobId, parts);
    store.saveJob(job);
    store.blobs().put(Keys.running(jobId), new byte[0], "application/octet-stream");
    if (parts.isEmpty()) {
      queue.enqueueAssembly(jobId);
    } else {
      // the look first: queueing thousands of parts takes seconds, and the look's delay runs meanwhile
      lookEarly(jobId);
      queue.enqueueParts(parts);
    }
    return job;
  }

  /**
   * A first look at the assembly soon: it then starts near the synthesis's end and follows its last
   * parts. Only an optimization (the last part asks for the assembly anyway), so it never fails a start.
   */
  private void lookEarly(String jobId) {
    try {
      queue.enqueueAssembly(jobId, AudiobookAssembler.FIRST_LOOK_SECONDS);
    } catch (RuntimeException e) {
      LOG.warn("job {}: no early look at its assembly: {}", jobId, e.toString());
    }
  }

  /** The job with its progress, or null when there is no such job. */
  public Progress progress(String jobId) {
    Job job = store.job(jobId);
    if (job == null) {
      return null;
    }
    // an ended job keeps its counts: no need to list thousands of part records
    Job.Counts counted = job.state() == JobState.DONE || job.state() == JobState.FAILED ? job.counts() : null;
    int done = counted != null ? counted.done()
        : job.state() == JobState.DONE ? job.partsTotal() // assembled before jobs kept their counts
        : doneParts.count(jobId);
    List<PartFailure> failures = store.failures(jobId);
    int dead = counted != null ? counted.failed() : (int) failures.stream().filter(PartFailure::dead).count();
    Long eta = null;
    if (job.state() == JobState.DONE) {
      eta = 0L;
    } else if (done > 0 && job.state() == JobState.RUNNING) {
      long elapsed = System.currentTimeMillis() - job.startedAt();
      eta = Math.max(0, elapsed * (job.partsTotal() - done) / done / 1000);
    }
    if (job.state() == JobState.RUNNING && dead > 0 && done + dead >= job.partsTotal()) {
      // every part settled, some for good: the job has ended until a retry, and says so when read again
      job = job.failed(done, dead);
      store.saveJob(job);
    }
    return new Progress(job, done, job.partsTotal(), dead, eta, failures);
  }

  /** Re-queues the parts that failed for good; returns how many. */
  public int retry(String jobId) {
    Job job = requireJob(jobId);
    if (job.state() == JobState.DONE || job.state() == JobState.CANCELLED) {
      throw new IllegalStateException("job is " + job.state().name().toLowerCase() + "; nothing to retry");
    }
    Set<Integer> failed = new HashSet<>();
    store.failures(jobId).stream().filter(PartFailure::dead).forEach(f -> failed.add(f.part()));
    List<PartSpec> again = store.plan(jobId).stream().filter(p -> failed.contains(p.index())).toList();
    again.forEach(p -> store.clearFailure(jobId, p.index()));
    if (!again.isEmpty()) {
      store.saveJob(job.with(JobState.RUNNING));
      store.blobs().put(Keys.running(jobId), new byte[0], "application/octet-stream");
      queue.enqueueParts(again);
    }
    return again.size();
  }

  /**
   * Stops further work: the workers hear of it on the cancel signal (no engine call starts for the
   * job a second later), queued parts are skipped when they arrive.
   */
  public Job cancel(String jobId) {
    Job job = requireJob(jobId);
    if (job.state() == JobState.DONE) {
      throw new IllegalStateException("job is already done");
    }
    Job cancelled = job.with(JobState.CANCELLED);
    // the record first: a worker that reads it (a new process, a signal that lost the cancel) sees it
    store.saveJob(cancelled);
    cancels.send(jobId);
    store.blobs().delete(Keys.running(jobId));
    return cancelled;
  }

  /**
   * Re-queues every part of an unfinished job that is not stored yet (after the process that ran it
   * was killed); returns how many. A job whose parts are all done is sent to assembly. Only for a
   * start after a kill (the local runtime's): it lets go of the job's assembly lease, which a run
   * still alive elsewhere would hold.
   */
  public int resume(String jobId) {
    Job job = store.job(jobId);
    if (job == null || job.state() != JobState.RUNNING && job.state() != JobState.ASSEMBLING) {
      return 0;
    }
    // the early assembly run of the process that died holds the job until its lease runs out (up to
    // five minutes): the final run would wait that long after the last part
    store.releaseAssembly(jobId);
    Set<Integer> done = new HashSet<>(store.doneParts(jobId));
    Set<Integer> dead = new HashSet<>();
    store.failures(jobId).stream().filter(PartFailure::dead).forEach(f -> dead.add(f.part()));
    List<PartSpec> missing = store.plan(jobId).stream()
        .filter(p -> !done.contains(p.index()) && !dead.contains(p.index())).toList();
    if (missing.isEmpty() && dead.isEmpty()) {
      queue.enqueueAssembly(jobId);
    } else if (!missing.isEmpty()) {
      // the looks queued before the kill died with the process: an early run follows the last parts again
      lookEarly(jobId);
      queue.enqueueParts(missing);
    }
    return missing.size();
  }

  /**
   * Ids of jobs that were running, for resuming at start-up: read from the index of running jobs,
   * not by listing every object under jobs/ (which grows with every finished job). The assembler
   * does not touch the index: entries of jobs finished since are dropped here.
   */
  public List<String> unfinishedJobs() {
    List<String> ids = new ArrayList<>();
    for (String key : store.blobs().list(Keys.RUNNING_PREFIX)) {
      String id = key.substring(Keys.RUNNING_PREFIX.length());
      Job job = store.job(id);
      if (job != null && (job.state() == JobState.RUNNING || job.state() == JobState.ASSEMBLING)) {
        ids.add(id);
      } else {
        store.blobs().delete(key);
      }
    }
    return ids;
  }

  private Job requireJob(String jobId) {
    Job job = store.job(jobId);
    if (job == null) {
      throw new java.util.NoSuchElementException("no job " + jobId);
    }
    return job;
  }
}
