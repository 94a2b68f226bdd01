package com.etoaudiobook.local;

import com.etoaudiobook.aws.Settings;
import com.etoaudiobook.aws.settings.LoudnessSettings;
import com.etoaudiobook.aws.wiring.BeanGraph;
import com.etoaudiobook.job.CancelSignal;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.concurrent.DaemonThreads;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.job.assembly.AudiobookAssembler;
import com.etoaudiobook.job.assembly.PartsFeed;
import com.etoaudiobook.job.Ids;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.lexicon.Lexicon;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.job.synthesis.PartSynthesizer;
import com.etoaudiobook.job.WorkQueue;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.audio.VoiceLevelStore;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.voice.Casting;
import io.micronaut.context.ApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLI's pipeline: the same job code the serverless functions run (plan, synthesize parts,
 * assemble), from the same bean graph (the functions' factories over the CLI's folder store, its
 * engine and an in-process queue), driven in-process by a thread pool instead of queues. The
 * engine serializes speech behind its lock while encoding runs on every core.
 */
public final class Converter {
  private static final Logger LOG = LoggerFactory.getLogger(Converter.class);
  /** How many times a part is tried before the conversion reports it failed. */
  private static final int ATTEMPTS = 3;
  /**
   * Parts eSpeak NG may speak beyond those being encoded (and at most {@link SpeechAhead#HELD_SAMPLES}
   * of speech): a reserve for when the speaking thread loses its core to the workers or to other
   * processes: with 2, the workers of a 40,000-character conversion waited 3.0 and 3.2 s for speech
   * (JFR, load 9 to 10 on 2 cores), with 16 1.9 and 1.4 s. A part is 6 s of speech (256 KB of PCM)
   * on average.
   */
  private static final int AHEAD = 16;

  private final ApplicationContext beans;
  private final BlobStore blobs;
  private final int threads;
  private byte[] cover;
  private Lexicon lexicon = Lexicon.EMPTY;
  private boolean segmentFiles;

  public Converter(BlobStore blobs, SpeechEngine engine, int threads) {
    this(beans(blobs, engine), threads);
  }

  /** @param beans the graph of {@link #beans}: one conversion at a time over its queue */
  public Converter(ApplicationContext beans, int threads) {
    this.beans = beans;
    this.blobs = beans.getBean(BlobStore.class);
    this.threads = threads;
  }

  /**
   * The CLI's bean graph: the functions' factories over {@code blobs}, {@code engine} and parts kept
   * in hand, with this process's environment as the functions read theirs (BeanGraph).
   */
  public static ApplicationContext beans(BlobStore blobs, SpeechEngine engine) {
    return beans(blobs, engine, VoiceLevelStore.NONE);
  }

  /**
   * @param levels where the voices' levels learned by earlier runs are kept (a file in the CLI's
   *               folder): a run then measures few parts of a voice it has met before
   */
  public static ApplicationContext beans(BlobStore blobs, SpeechEngine engine, VoiceLevelStore levels) {
    // eSpeak NG speaks one part at a time: on a thread of its own, ahead of the workers (SpeechAhead)
    engine = engine instanceof EspeakEngine ? new SpeechAhead(engine) : engine;
    // one process makes and would cancel its jobs: cancels in memory, never through REDIS_URL's Redis
    ApplicationContext beans = levels == VoiceLevelStore.NONE
        ? BeanGraph.start(Map.of(), blobs, engine, new PartsInHand(), CancelSignal.inProcess())
        : BeanGraph.start(Map.of(), blobs, engine, new PartsInHand(), CancelSignal.inProcess(), levels);
    // the environment's settings, validated before any work starts
    beans.getBean(Settings.class);
    beans.getBean(LoudnessSettings.class);
    return beans;
  }

  /**
   * The workers' levelling and encoding run once on two seconds of a synthetic voice, on the bean
   * graph's thread once the graph is handed over (beside the casting and the plan): libmp3lame is
   * loaded and bound, its first set-up fills the tables every encoder shares (the one set-up the
   * workers would otherwise queue on), and the classes and first compilations are done before the
   * first part. Nothing is stored: the voice has no name.
   */
  static void warmUp(ApplicationContext beans) {
    int rate = com.etoaudiobook.audio.AudioFormats.SAMPLE_RATE;
    short[] pcm = new short[2 * rate];
    for (int i = 0; i < pcm.length; i++) {
      // a 120 Hz buzz with its harmonics, in syllables of 0.2 s: speech's shape, roughly
      double t = i / (double) rate;
      double syllable = Math.max(0, Math.sin(Math.PI * t / 0.2));
      pcm[i] = (short) (6000 * syllable * (Math.sin(2 * Math.PI * 120 * t) + 0.5 * Math.sin(2 * Math.PI * 360 * t)));
    }
    var level = new com.etoaudiobook.audio.LoudnessNormalizer(beans.getBean(LoudnessSettings.class).target())
        .level(pcm, rate, 0, null);
    new com.etoaudiobook.audio.Mp3Encoder().encode(level.samples(), rate, level.gain());
  }

  /** The queue of a conversion in this process: parts are collected, then synthesized by the pool. */
  static final class PartsInHand implements WorkQueue {
    private final List<PartSpec> parts = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void enqueueParts(List<PartSpec> more) {
      parts.addAll(more);
    }

    @Override
    public void enqueueAssembly(String jobId) {
      // the CLI assembles once every part is done
    }

    List<PartSpec> take() {
      List<PartSpec> out = List.copyOf(parts);
      parts.clear();
      return out;
    }
  }

  /** The result: where the outputs are, and figures for the summary. */
  public record Result(Job job, Path audiobook, Path outDir, int parts, int synthesized, int cached) {
  }

  /** The cover image to put into the audiobook's tag (from the book's file), or null. */
  public Converter cover(byte[] image) {
    this.cover = image;
    return this;
  }

  /** The pronunciations the parts honour. */
  public Converter lexicon(Lexicon pronunciations) {
    this.lexicon = pronunciations == null ? Lexicon.EMPTY : pronunciations;
    return this;
  }

  /** Whether each segment's MP3 is written too (segments/NNNNNN.mp3), as the web player streams them. */
  public Converter segmentFiles(boolean write) {
    this.segmentFiles = write;
    return this;
  }

  /**
   * @param progress called with the number of parts done so far (from worker threads)
   * @throws ConversionException when parts keep failing; rerunning resumes from the cache
   */
  public Result convert(Book book, Casting casting, JobOptions options, Path outDir, IntConsumer progress,
                        IntConsumer total) throws IOException {
    JobStore store = beans.getBean(JobStore.class);
    PartsInHand queue = beans.getBean(PartsInHand.class);
    String bookId = Ids.newId();
    // only the assembly reads the stored book: written beside the plan and the synthesis, not before them
    CompletableFuture<Void> bookSaved = CompletableFuture.runAsync(() -> {
      store.saveBook(bookId, book);
      store.saveCover(bookId, cover);
    }, r -> DaemonThreads.named("book-save").newThread(r).start());
    JobService jobs = beans.getBean(JobService.class);
    SpeechAhead ahead = beans.getBean(SpeechEngine.class) instanceof SpeechAhead a ? a : null;
    String jobId = Ids.newId();
    // eSpeak NG starts on the first part as soon as it is planned, while the rest are planned and
    // the job is stored; the speaking thread may run AHEAD parts past those the workers are processing
    SpeechAhead.Plan planned = new SpeechAhead.Plan();
    Runnable speaking = ahead == null ? () -> { } : ahead.speak(planned, blobs, threads + AHEAD);
    Job job;
    try {
      List<PartSpec> parts;
      try {
        parts = jobs.plan(jobId, book, casting, options, lexicon, planned::add);
      } finally {
        planned.end();
      }
      Phases.mark("plan");
      job = jobs.start(jobId, bookId, book, casting, options, parts);
      Phases.mark("job");
    } catch (RuntimeException | Error e) {
      speaking.run();
      throw e;
    }
    // the book is assembled beside the synthesis, each part read as soon as it is stored: when the
    // last one is, only the book's head and the texts are left to write
    PartsFeed feed = new PartsFeed();
    CompletableFuture<Map<String, String>> assembly = new CompletableFuture<>();
    DaemonThreads.named("assembly").newThread(() -> {
      try {
        joined(bookSaved);
        assembly.complete(beans.getBean(AudiobookAssembler.class).assembleAlongside(job.id(), feed, segmentFiles));
      } catch (Throwable t) {
        assembly.completeExceptionally(t);
      }
    }).start();
    try {
      List<PartSpec> queued = queue.take();
      total.accept(queued.size());

      PartSynthesizer synthesizer = beans.getBean(PartSynthesizer.class);
      AtomicInteger done = new AtomicInteger();
      AtomicInteger synthesized = new AtomicInteger();
      AtomicInteger cached = new AtomicInteger();
      List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      // the workers yield to the speaking thread that feeds them all (LowerPriority)
      ExecutorService pool = Executors.newFixedThreadPool(threads,
          ahead == null ? DaemonThreads.named("part-worker") : LowerPriority.of(DaemonThreads.named("part-worker")));
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (PartSpec part : queued) {
          futures.add(pool.submit(() -> {
            if (ahead != null) {
              ahead.working(part);
            }
            try {
              for (int attempt = 1; ; attempt++) {
                try {
                  PartSynthesizer.Outcome outcome = synthesizer.process(part);
                  if (outcome == PartSynthesizer.Outcome.CACHED) {
                    cached.incrementAndGet();
                  } else if (outcome == PartSynthesizer.Outcome.SYNTHESIZED) {
                    synthesized.incrementAndGet();
                  }
                  if (outcome != PartSynthesizer.Outcome.SKIPPED) {
                    feed.landed(part.index()); // its record is stored
                  }
                  break;
                } catch (RuntimeException e) {
                  synthesizer.recordFailure(part, e, attempt, attempt >= ATTEMPTS);
                  if (attempt >= ATTEMPTS) {
                    failures.add("part " + part.index() + " (" + part.role() + "): " + e.getMessage());
                    feed.stop("part " + part.index() + " failed");
                    break;
                  }
                }
              }
            } finally {
              if (ahead != null) {
                ahead.finished(part);
              }
            }
            progress.accept(done.incrementAndGet());
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IOException(e.getCause());
      } finally {
        pool.shutdownNow();
        speaking.run();
        // the workers are done: a part that has not landed will not, and the assembly stops waiting
        feed.stop("the synthesis ended without every part");
      }
      if (!failures.isEmpty()) {
        throw new ConversionException(failures.size() + " part(s) failed:\n  " + String.join("\n  ", failures));
      }
      Phases.mark("synthesis");
      if (ahead != null) {
        LOG.info("{}", ahead.waits()); // for --verbose: where the pipeline stalled
      }
      Map<String, String> outputs = joined(assembly);
      Phases.mark("assembly");
      Path audiobook = export(job.id(), outputs, outDir);
      Phases.mark("export");
      return new Result(job, audiobook, outDir, queued.size(),
          synthesized.get(), cached.get());
    } finally {
      // this run's job and book: its parts live on in the content cache, where a rerun finds them
      feed.stop("the conversion stopped");
      assembly.handle((v, t) -> v).join(); // it writes into the job's files, removed below
      bookSaved.handle((v, t) -> v).join(); // its files are removed below, so it must have landed
      removeJob(job.id(), bookId);
      Phases.mark("clean-up");
    }
  }

  /**
   * Moves jobs/{id}/out/** into the output folder (a rename where the folder store is on the same
   * file system: no copy, and nothing left for the clean-up to delete); returns the audiobook's path.
   */
  private Path export(String jobId, Map<String, String> outputs, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    String prefix = Keys.out(jobId, "");
    java.util.Set<Path> folders = new java.util.HashSet<>();
    for (String key : blobs.list(prefix)) {
      Path target = outDir.resolve(key.substring(prefix.length()));
      if (folders.add(target.getParent())) {
        Files.createDirectories(target.getParent());
      }
      if (folder() != null) {
        Files.move(folder().path(key), target, StandardCopyOption.REPLACE_EXISTING);
        continue;
      }
      try (InputStream in = blobs.open(key)) {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String audioKey = outputs.get("audiobook");
    return outDir.resolve(audioKey.substring(prefix.length()));
  }

  /** The folder behind the store, or null when it is not one. */
  private FileBlobStore folder() {
    return blobs instanceof FileBlobStore files ? files
        : blobs instanceof PartRecordsInMemory scratch ? scratch.files() : null;
  }

  /** The job's files are exported; only the synthesis cache is worth keeping. */
  private void removeJob(String jobId, String bookId) {
    if (blobs instanceof PartRecordsInMemory scratch) {
      scratch.forget(Keys.jobPrefix(jobId));
    }
    if (!(folder() != null && Trash.move(folder(), Keys.jobPrefix(jobId)))) {
      for (String key : blobs.list(Keys.jobPrefix(jobId))) {
        blobs.delete(key);
      }
    }
    blobs.delete(Keys.running(jobId));
    blobs.delete(Keys.book(bookId));
    blobs.delete(Keys.cover(bookId));
  }

  private static <T> T joined(CompletableFuture<T> step) throws IOException {
    try {
      return step.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }

  /** Parts failed after every attempt. */
  public static final class ConversionException extends IOException {
    public ConversionException(String message) {
      super(message);
    }
  }
}
