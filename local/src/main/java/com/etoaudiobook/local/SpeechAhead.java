package com.etoaudiobook.local;

import com.etoaudiobook.concurrent.DaemonThreads;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.voice.Voice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An engine that speaks one part at a time (eSpeak NG: one library state per process, behind one
 * lock) given a thread of its own in the CLI: it speaks the plan's parts in order, ahead of the
 * part workers (a number of parts, and at most {@link #HELD_SAMPLES} of speech), which level,
 * encode and store what it spoke. When the workers called the engine
 * themselves, two of three waiting for its lock left one of the two cores idle (JFR, 40,000
 * characters: 9.6 s of the workers' time blocked on it in a 26 s run); now the engine's thread
 * never waits for a worker, and a worker waits for speech only when the engine is the bottleneck.
 *
 * <p>A worker names the part it is processing ({@link #working}); a call for a part spoken ahead
 * takes that speech, a call for a part the speaking thread has not reached yet waits for it, and any
 * other call (a retry, a part no thread speaks ahead, a preview) speaks as before. So a run speaks
 * its parts in the plan's order, and two runs of a book from an empty cache give the same speech
 * and timings: eSpeak NG's output depends on what the process spoke before (its pitch flutter runs
 * on a counter inside the library that nothing resets), and workers speaking the parts they got to
 * first made the order, and a quarter of a novel's segments, differ from run to run by a frame or so.
 */
final class SpeechAhead implements SpeechEngine {
  private final SpeechEngine engine;
  private final ThreadLocal<PartSpec> current = new ThreadLocal<>();
  /** Part index → its speech, spoken ahead or under way by the worker that got there first. */
  private final ConcurrentHashMap<Integer, Claim> claims = new ConcurrentHashMap<>();
  /**
   * A finished part's mark: a worker that got to a part first may finish it before the speaking
   * thread arrives there, which must then skip it rather than speak it a second time.
   */
  private static final Claim DONE = new Claim(null, null, false);
  /** The speaking thread's permits: one per part it spoke that no worker has finished yet. */
  private volatile Semaphore room = new Semaphore(0);
  /**
   * Samples of the parts spoken ahead that no worker has finished (guarded by itself): past
   * {@link #heldSamples} the speaking thread waits, so a book of long parts (up to 3,000
   * characters, 10 MB of PCM each) keeps no more than a few minutes of speech in hand.
   */
  private final long[] held = new long[1];
  /** Part index → the samples it counts in {@link #held} (guarded by held). */
  private final Map<Integer, Long> heldBy = new HashMap<>();
  /** About 3 minutes of eSpeak NG's speech (8 MB); a novel's parts are 6 s on average. */
  static final long HELD_SAMPLES = 4L << 20;
  private final long heldSamples;

  /** @param ahead true when the speaking thread took a permit for it */
  private record Claim(SpeechRequest request, CompletableFuture<Speech> speech, boolean ahead) {
  }

  /**
   * The speaking thread's progress, guarded by itself: the last plan index it claimed or passed, and
   * whether it is running (a worker waits for a part it has not reached only while it runs).
   */
  private final Object progress = new Object();
  private int passed = -1;
  private boolean speaking;
  /** Which speaking thread's progress this is: one stopped late does not end a newer one's. */
  private int generation;

  /** Where the pipeline stalls (for --verbose): the workers waiting for speech, the speaker for room. */
  private final AtomicLong workersWaited = new AtomicLong();
  private final AtomicLong speakerWaited = new AtomicLong();

  /** How long the workers waited for speech and the speaking thread for room, in ms, so far. */
  String waits() {
    return "workers waited " + workersWaited.get() / 1_000_000 + " ms for speech, the speaking thread "
        + speakerWaited.get() / 1_000_000 + " ms for room";
  }

  SpeechAhead(SpeechEngine engine) {
    this(engine, HELD_SAMPLES);
  }

  /** @param heldSamples how much speech the speaking thread may hold that no worker has finished */
  SpeechAhead(SpeechEngine engine, long heldSamples) {
    this.engine = engine;
    this.heldSamples = heldSamples;
  }

  /**
   * Starts speaking {@code parts} in order on a thread of its own, at most {@code ahead} parts
   * beyond those the workers have finished, skipping parts whose audio the cache holds and repeats
   * of a text already spoken in this run (the worker then finds the cache entry). Returns the
   * handle that stops it.
   */
  Runnable speak(List<PartSpec> parts, BlobStore blobs, int ahead) {
    Plan plan = new Plan();
    parts.forEach(plan::add);
    plan.end();
    return speak(plan, blobs, ahead);
  }

  /**
   * The plan's parts as they are planned: the speaking thread starts on the first while the rest
   * are planned and the job is stored (about 0.2 s of a 120,000-character book's start).
   */
  static final class Plan {
    private final List<PartSpec> parts = new ArrayList<>();
    private boolean ended;

    synchronized void add(PartSpec part) {
      parts.add(part);
      notifyAll();
    }

    /** No more parts come (the plan is whole, or it failed). */
    synchronized void end() {
      ended = true;
      notifyAll();
    }

    /** The part at {@code i} once planned, or null when the plan ended before it. */
    synchronized PartSpec await(int i) throws InterruptedException {
      while (i >= parts.size() && !ended) {
        wait();
      }
      return i < parts.size() ? parts.get(i) : null;
    }
  }

  /** {@link #speak(List, BlobStore, int)} over a plan still being made. */
  Runnable speak(Plan parts, BlobStore blobs, int ahead) {
    Semaphore room = new Semaphore(ahead);
    synchronized (held) {
      held[0] = 0; // a conversion that stopped early left its parts counted
      heldBy.clear();
    }
    int mine;
    synchronized (progress) {
      passed = -1;
      speaking = true;
      mine = ++generation;
    }
    Thread speaker = DaemonThreads.named("speech-ahead").newThread(() -> {
      // cache key → the index of the part that first had it in this run
      Map<String, Integer> spoken = new HashMap<>();
      try {
        for (int i = 0; ; i++) {
          PartSpec part = parts.await(i);
          if (part == null) {
            break;
          }
          long waiting = System.nanoTime();
          room.acquire();
          synchronized (held) {
            while (held[0] > heldSamples) {
              held.wait();
            }
          }
          speakerWaited.addAndGet(System.nanoTime() - waiting);
          Integer first = spoken.putIfAbsent(part.cacheKey(), part.index());
          if (first != null || blobs.exists(Keys.cacheEntry(part.cacheKey()))) {
            if (first != null) {
              repeat(part, first);
            }
            room.release();
            passed(mine, part.index());
            continue;
          }
          Claim claim = new Claim(request(part), new CompletableFuture<>(), true);
          if (claims.putIfAbsent(part.index(), claim) != null) {
            room.release(); // its worker got there first and speaks it
            passed(mine, part.index());
            continue;
          }
          passed(mine, part.index()); // its worker now waits for this claim's speech
          try {
            Speech speech = engine.synthesize(claim.request());
            synchronized (held) {
              // counted before a worker can take it and release it; not once a worker is done with it
              if (claims.get(part.index()) == claim) {
                heldBy.put(part.index(), samples(speech));
                held[0] += samples(speech);
              }
            }
            claim.speech().complete(speech);
          } catch (RuntimeException | Error e) {
            claim.speech().completeExceptionally(e); // the worker's attempt fails with it, and retries
          }
        }
      } catch (InterruptedException e) {
        // stopped: the conversion is over
      } finally {
        synchronized (progress) {
          if (generation == mine) {
            speaking = false; // the workers waiting for a part speak it themselves
            progress.notifyAll();
          }
        }
      }
    });
    this.room = room;
    speaker.start();
    return speaker::interrupt;
  }

  /** The speaking thread of {@code generation} has claimed or passed the part at {@code index}. */
  private void passed(int generation, int index) {
    synchronized (progress) {
      if (this.generation == generation) {
        passed = index;
        progress.notifyAll();
      }
    }
  }

  /**
   * A text this run already has, at {@code first}: its worker finds the cache entry when that part
   * has been stored, and otherwise takes a copy of that part's speech (the worker may change the
   * samples it gets), not a speech of its own made at whatever moment it gets there.
   */
  private void repeat(PartSpec part, int first) {
    Claim earlier = claims.get(first);
    if (earlier != null && earlier != DONE) {
      claims.putIfAbsent(part.index(), new Claim(request(part), earlier.speech().thenApply(SpeechAhead::copy), false));
    }
  }

  private static Speech copy(Speech speech) {
    return new Speech(speech.pcm() == null ? null : speech.pcm().clone(), speech.mp3(), speech.sampleRate(),
        speech.marks(), speech.billedCharacters());
  }

  /**
   * Waits while the speaking thread runs and has not reached the part at {@code index}: spoken here,
   * it would change the order in which the engine speaks, and so the samples of the parts after it.
   */
  private void awaitTurn(int index) {
    if (claims.containsKey(index)) {
      return;
    }
    long waiting = System.nanoTime();
    synchronized (progress) {
      while (speaking && passed < index && !claims.containsKey(index)) {
        try {
          progress.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // the conversion is stopping: spoken here, if at all
          return;
        }
      }
    }
    workersWaited.addAndGet(System.nanoTime() - waiting);
  }

  /** The request {@link com.etoaudiobook.job.synthesis.PartSynthesizer} makes for {@code part}. */
  static SpeechRequest request(PartSpec part) {
    return new SpeechRequest(part.text(), part.voiceId(), part.engine(), part.rate(), part.pitch(),
        part.delivery(), part.lexicon());
  }

  /** The calling thread now processes {@code part}. */
  void working(PartSpec part) {
    current.set(part);
  }

  /** The calling thread is done with {@code part} (stored, failed for good, or found in the cache). */
  void finished(PartSpec part) {
    current.remove();
    Claim claim = claims.put(part.index(), DONE);
    if (claim != null && claim.ahead()) {
      release(part.index());
    }
  }

  private void forget(int index, Claim claim) {
    if (claim != null && claims.remove(index, claim) && claim.ahead()) {
      release(index);
    }
  }

  /** A part the speaking thread spoke is off its hands: its permit and its samples. */
  private void release(int index) {
    synchronized (held) {
      Long samples = heldBy.remove(index);
      if (samples != null) {
        held[0] -= samples;
        held.notifyAll();
      }
    }
    room.release();
  }

  private static long samples(Speech speech) {
    return speech.pcm() == null ? 0 : speech.pcm().length;
  }

  @Override
  public Speech synthesize(SpeechRequest request) {
    PartSpec part = current.get();
    if (part == null) {
      return engine.synthesize(request);
    }
    awaitTurn(part.index());
    Claim mine = new Claim(request, new CompletableFuture<>(), false);
    Claim claim = claims.putIfAbsent(part.index(), mine);
    if (claim == DONE && claims.replace(part.index(), DONE, mine)) {
      claim = null; // a part worked again after it finished (a later retry): spoken here
    }
    if (claim == null) {
      // no thread speaks it ahead (none runs, or it passed this part, a retry): spoken here
      try {
        Speech speech = engine.synthesize(request);
        mine.speech().complete(speech);
        return speech;
      } catch (RuntimeException | Error e) {
        forget(part.index(), mine);
        throw e;
      }
    }
    if (!claim.request().equals(request)) {
      return engine.synthesize(request); // not what the plan says (never expected): spoken as asked
    }
    try {
      if (!claim.speech().isDone()) {
        long waiting = System.nanoTime();
        claim.speech().join();
        workersWaited.addAndGet(System.nanoTime() - waiting);
      }
      return claim.speech().join();
    } catch (CompletionException e) {
      forget(part.index(), claim); // a retry speaks it again, itself
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  @Override
  public String provider() {
    return engine.provider();
  }

  @Override
  public List<Voice> voices() {
    return engine.voices();
  }

  @Override
  public void useVoices(List<Voice> catalog) {
    engine.useVoices(catalog);
  }

  @Override
  public int maxCharacters() {
    return engine.maxCharacters();
  }
}
