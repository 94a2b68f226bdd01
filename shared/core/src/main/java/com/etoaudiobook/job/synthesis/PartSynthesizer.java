package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.job.CancelSignal;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobState;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.StoreCancelSignal;
import com.etoaudiobook.job.WorkQueue;

import com.etoaudiobook.engine.CallGuard;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.storage.BlobStore;


import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Synthesizes one part and stores it; what the synthesis worker does for each message.
 * Idempotent: a part already stored is left alone, a part in the content-addressed cache is
 * recorded as referring to it, and only a new part reaches the engine.
 */
public final class PartSynthesizer {
  /** What happened to the part. */
  public enum Outcome { SYNTHESIZED, CACHED, ALREADY_DONE, SKIPPED }

  private final JobStore store;
  private final BlobStore blobs;
  private final CachedSynthesis synthesis;
  private final WorkQueue queue;
  private final CancelSignal cancels;
  /** Per job, what this process knows of its parts; bounded, oldest jobs forgotten first. */
  private final Map<String, Seen> seen = lru(256);
  /**
   * Per job, its record as first read here (what a part needs of it does not change; cancels come
   * by signal): one read, which the parts arriving together wait for instead of each making it.
   */
  private final Map<String, CompletableFuture<Job>> jobs = lru(256);

  /** Cancels seen by reading the job's record again ({@link StoreCancelSignal}). */
  public PartSynthesizer(JobStore store, CachedSynthesis synthesis, WorkQueue queue) {
    this(store, synthesis, queue, new StoreCancelSignal(store));
  }

  /** @param cancels how a cancel reaches this worker: the one the cancelling JobService sends on */
  public PartSynthesizer(JobStore store, CachedSynthesis synthesis, WorkQueue queue, CancelSignal cancels) {
    this.store = store;
    this.blobs = store.blobs();
    this.synthesis = synthesis;
    this.queue = queue;
    this.cancels = cancels;
  }

  /** What happened, and how many characters the engine billed for it (0 unless synthesized). */
  public record Processed(Outcome outcome, long billedCharacters) {
  }

  public Outcome process(PartSpec part) {
    return processPart(part, 2).outcome();
  }

  /**
   * {@link #process} with the billed characters, for metrics.
   *
   * @param attempts the delivery count; a first delivery has no earlier failure to clear
   */
  public Processed processPart(PartSpec part, int attempts) {
    return processPart(part, attempts, Long.MAX_VALUE);
  }

  /**
   * {@link #processPart(PartSpec, int)} for an invocation that must end by {@code deadlineNanos}
   * (System.nanoTime()): the engine starts no call after it, and none for a job cancelled meanwhile.
   *
   * @throws com.etoaudiobook.engine.SpeechBusyException when the engine has no capacity before the deadline
   */
  public Processed processPart(PartSpec part, int attempts, long deadlineNanos) {
    Job job = job(part.jobId());
    if (job == null || job.state() == JobState.CANCELLED || job.state() == JobState.DONE
        || cancels.cancelled(part.jobId())) {
      // nothing to do: deleted, cancelled, or finished by an earlier delivery
      return new Processed(Outcome.SKIPPED, 0);
    }
    Seen known = seen(job);
    Processed outcome;
    known.started(part.index());
    try {
      // A first delivery finds its part stored only as a rare SQS duplicate, and then the cache
      // already holds the audio: the probe is made on a cache hit (in produce), not for every part.
      if (attempts > 1 && blobs.exists(Keys.partMarks(part.jobId(), part.index()))) {
        outcome = new Processed(Outcome.ALREADY_DONE, 0);
      } else {
        outcome = produce(part, guard(part.jobId(), deadlineNanos));
      }
      if (attempts > 1) {
        store.clearFailure(part.jobId(), part.index());
      }
    } catch (CallGuard.Cancelled e) {
      known.abandoned(part.index());
      return new Processed(Outcome.SKIPPED, 0); // cancelled while waiting for the engine
    } catch (RuntimeException | Error e) {
      known.abandoned(part.index());
      throw e;
    }
    if (allDone(job, known, part.index())) {
      try {
        queue.enqueueAssembly(part.jobId());
      } catch (RuntimeException e) {
        known.assemblyNotRequested(); // this part's retry must ask again
        throw e;
      }
    }
    return outcome;
  }

  /** What this process knows of one job's parts. Guarded by itself. */
  private static final class Seen {
    final int total;
    final BitSet done;
    /** Parts being processed here now: each will run its own completion check when it lands. */
    final BitSet inFlight;
    boolean assemblyRequested;

    Seen(int total) {
      this.total = total;
      this.done = new BitSet(total);
      this.inFlight = new BitSet(total);
    }

    synchronized void started(int part) {
      inFlight.set(part);
    }

    synchronized void abandoned(int part) {
      inFlight.clear(part);
    }

    synchronized void assemblyNotRequested() {
      assemblyRequested = false;
    }
  }

  private Seen seen(Job job) {
    synchronized (seen) {
      return seen.computeIfAbsent(job.id(), k -> new Seen(job.partsTotal()));
    }
  }

  /**
   * Whether every part of the job is stored, true for one caller per process (duplicates are
   * harmless but cost an assembly run each). Listing all parts after each one would cost O(n²)
   * for a book; instead each process remembers which parts it has seen done and probes only the
   * first one it has not, and not even that one while another part of the job is being processed
   * here: that part's own check follows (a part that fails instead comes again, and its landing
   * checks), so the probes are left to the last of them. Otherwise every part landing while the
   * first one missing still waits in the queue (delivered out of order) probed it in vain. The
   * last part to land always sees the others (S3 reads are strongly consistent), so assembly is
   * never missed. The probe is made outside the lock, so parts landing together do not queue
   * behind each other's requests.
   */
  private boolean allDone(Job job, Seen known, int justDone) {
    int next;
    synchronized (known) {
      known.done.set(justDone);
      known.inFlight.clear(justDone);
      next = known.done.nextClearBit(0);
    }
    while (true) {
      synchronized (known) {
        next = known.done.nextClearBit(next);
        if (next >= known.total) {
          if (known.assemblyRequested) {
            return false;
          }
          known.assemblyRequested = true;
          return true;
        }
        if (!known.inFlight.isEmpty()) {
          return false;
        }
      }
      if (!blobs.exists(Keys.partMarks(job.id(), next))) {
        return false;
      }
      synchronized (known) {
        known.done.set(next);
      }
    }
  }

  /**
   * The job as first read by this process: one storage read per job and process, not one per part.
   * Its state is not read again here: a cancel comes through {@link #cancels}, and a part of a job
   * finished meanwhile (a duplicate delivery) finds its record stored in {@link #produce}.
   */
  private Job job(String jobId) {
    CompletableFuture<Job> reading;
    boolean mine = false;
    synchronized (jobs) {
      reading = jobs.get(jobId);
      if (reading == null) {
        reading = new CompletableFuture<>();
        jobs.put(jobId, reading);
        mine = true;
      }
    }
    if (mine) {
      try {
        Job job = store.job(jobId);
        if (job == null) {
          forget(jobId, reading); // not stored yet, or gone: asked again next time
        }
        reading.complete(job);
      } catch (RuntimeException | Error e) {
        forget(jobId, reading);
        reading.completeExceptionally(e);
      }
    }
    try {
      return reading.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private void forget(String jobId, CompletableFuture<Job> reading) {
    synchronized (jobs) {
      jobs.remove(jobId, reading);
    }
  }

  /**
   * Asked by the engine before each call: a cancel is seen as soon as {@link #cancels} has it (at
   * most a second after the DELETE), so no call starts for a cancelled job after that.
   */
  private CallGuard guard(String jobId, long deadlineNanos) {
    return new CallGuard() {
      @Override
      public long deadlineNanos() {
        return deadlineNanos;
      }

      @Override
      public void check() {
        if (cancels.cancelled(jobId)) {
          throw new Cancelled("job " + jobId + " was cancelled");
        }
      }
    };
  }

  private Processed produce(PartSpec part, CallGuard guard) {
    // the cache entry is written before the part's record: a part that is done always has audio
    CachedSynthesis.Rendered r = synthesis.render(new SpeechRequest(part.text(), part.voiceId(), part.engine(),
        part.rate(), part.pitch(), part.delivery(), part.lexicon()), part.delivery(), part.cacheKey(), Runnable::run, guard);
    try {
      r.stored().join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    if (r.fromCache() && blobs.exists(Keys.partMarks(part.jobId(), part.index()))) {
      return new Processed(Outcome.ALREADY_DONE, 0); // a duplicate: keep the first delivery's record
    }
    // the part refers to its cache entry (the plan's cache key): no copy of the audio is stored.
    // Its record is its "done" marker; a cache hit bills nothing
    PartResult result = r.result();
    PartResult stored = r.fromCache()
        ? new PartResult(result.frames(), result.bytes(), 0, true, result.marks()) : result;
    blobs.put(Keys.partMarks(part.jobId(), part.index()), Json.write(stored), "application/json");
    return r.fromCache() ? new Processed(Outcome.CACHED, 0)
        : new Processed(Outcome.SYNTHESIZED, stored.billedCharacters());
  }

  private static <V> Map<String, V> lru(int size) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > size;
      }
    };
  }

  /** Queues the part again as a new message (its delivery count starts over). */
  public void requeue(PartSpec part) {
    queue.enqueueParts(java.util.List.of(part));
  }

  /** Records a failed delivery so the job can show it; dead when no further delivery will come. */
  public void recordFailure(PartSpec part, Throwable error, int attempts, boolean dead) {
    String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    store.saveFailure(part.jobId(), new PartFailure(part.index(), part.segment(), part.role(),
        reason.length() > 500 ? reason.substring(0, 500) : reason, attempts, dead, System.currentTimeMillis()));
  }
}
