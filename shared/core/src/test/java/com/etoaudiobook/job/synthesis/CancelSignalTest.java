package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.engine.CallGuard;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.job.CancelSignal;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.ReadCountingStore;
import com.etoaudiobook.job.RecordingQueue;
import com.etoaudiobook.job.StoreCancelSignal;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.voice.Casting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a cancel reaches the workers: in memory without reading the job again, or from its record. */
class CancelSignalTest {
  @TempDir
  Path dir;

  /**
   * eSpeak NG as an engine of two calls per part (as Polly: audio, then marks), asking its guard
   * before each, something happening between them; counts the calls that started.
   */
  static final class TwoCallEngine extends EspeakBackedEngine {
    final AtomicInteger calls = new AtomicInteger();
    volatile Runnable betweenCalls = () -> { };

    @Override
    public Speech synthesize(SpeechRequest request) {
      return synthesize(request, CallGuard.NONE);
    }

    @Override
    public Speech synthesize(SpeechRequest request, CallGuard guard) {
      guard.check();
      calls.incrementAndGet();
      Speech speech = real.synthesize(request);
      betweenCalls.run();
      guard.check();
      calls.incrementAndGet();
      return speech;
    }
  }

  private record Setup(ReadCountingStore blobs, JobStore store, JobService jobs, PartSynthesizer worker,
                       TwoCallEngine engine, List<PartSpec> parts) {
    String jobId() {
      return parts.get(0).jobId();
    }

    int recordReads() {
      return blobs.reads(Keys.job(jobId()));
    }
  }

  /** A job of 4 parts, made by {@code jobs}' cancels and worked on by a worker on {@code workerSignal}. */
  private Setup job(CancelSignal cancels, Function<JobStore, CancelSignal> workerSignal) {
    return job(4, cancels, workerSignal);
  }

  private Setup job(int parts, CancelSignal cancels, Function<JobStore, CancelSignal> workerSignal) {
    ReadCountingStore blobs = new ReadCountingStore(new FileBlobStore(dir));
    JobStore store = new JobStore(blobs);
    RecordingQueue queue = new RecordingQueue();
    TwoCallEngine engine = new TwoCallEngine();
    List<Segment> list = new ArrayList<>();
    int chars = 0;
    for (int i = 0; i < parts; i++) {
      String text = "Cancel line " + i + ".";
      list.add(new Segment(i, 0, 0, "Ann", null, text, chars, chars + text.length()));
      chars += text.length() + 2;
    }
    Book book = new Book("T", null, "en", List.of(new Chapter(0, "One", list)),
        List.of(new Role("Ann", parts, chars, "Cancel line 0.", List.of(), null)),
        new Book.Source("t.md", "markdown", "UTF-8"), List.of());
    JobService jobs = new JobService(store, queue, engine.provider(), engine.maxCharacters(),
        com.etoaudiobook.audio.LoudnessTarget.DEFAULT, cancels);
    store.saveBook("b", book);
    Job job = jobs.start("b", book, new Casting(Map.of("Ann", Casting.Assignment.of("en-us"))), JobOptions.DEFAULT);
    PartSynthesizer worker = new PartSynthesizer(store, new CachedSynthesis(blobs, engine, new Mp3Encoder()),
        queue, workerSignal.apply(store));
    assertEquals(job.id(), queue.parts.get(0).jobId());
    return new Setup(blobs, store, jobs, worker, engine, List.copyOf(queue.parts));
  }

  @Test
  void inOneProcessACancelStopsTheNextEngineCallWithoutReadingTheJobAgain() {
    CancelSignal inProcess = CancelSignal.inProcess();
    Setup s = job(inProcess, store -> inProcess);
    assertEquals(PartSynthesizer.Outcome.SYNTHESIZED, s.worker().process(s.parts().get(0)));
    assertEquals(1, s.recordReads(), "the worker read the job once");
    // the API cancels while the worker's part is between its two engine calls
    s.engine().betweenCalls = () -> s.jobs().cancel(s.jobId());
    int calls = s.engine().calls.get();
    int readsBeforeCancel = s.recordReads();
    assertEquals(PartSynthesizer.Outcome.SKIPPED, s.worker().process(s.parts().get(1)), "the second call did not start");
    assertEquals(calls + 1, s.engine().calls.get(), "the first call only");
    assertEquals(readsBeforeCancel + 1, s.recordReads(), "only the cancel itself read the job");
    s.engine().betweenCalls = () -> { };
    assertEquals(PartSynthesizer.Outcome.SKIPPED, s.worker().process(s.parts().get(2)), "a queued part is dropped");
    assertEquals(calls + 1, s.engine().calls.get(), "without an engine call");
    assertEquals(readsBeforeCancel + 1, s.recordReads(), "nor a read of the job");
  }

  @Test
  void partsArrivingTogetherReadTheJobOnce() throws Exception {
    CancelSignal inProcess = CancelSignal.inProcess();
    Setup s = job(16, inProcess, store -> inProcess);
    s.blobs().slowSuffix = "/job.json"; // the first read takes a while: the other parts arrive meanwhile
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<PartSynthesizer.Outcome>> done = new ArrayList<>();
    for (PartSpec p : s.parts()) {
      done.add(pool.submit(() -> {
        go.await();
        return s.worker().process(p);
      }));
    }
    go.countDown();
    for (var f : done) {
      assertEquals(PartSynthesizer.Outcome.SYNTHESIZED, f.get());
    }
    pool.shutdown();
    assertEquals(1, s.recordReads(), "one read of the job for 16 parts arriving together");
  }

  @Test
  void withoutASharedSignalTheWorkerSeesTheCancelInTheRecordWithinHalfASecond() throws Exception {
    // the API's process and the worker's do not share the in-memory signal: the record tells
    Setup s = job(CancelSignal.inProcess(), StoreCancelSignal::new);
    StoreCancelSignal record = new StoreCancelSignal(s.store());
    assertFalse(record.cancelled(s.jobId()));
    int reads = s.recordReads();
    s.jobs().cancel(s.jobId());
    long cancelledAt = System.nanoTime();
    while (!record.cancelled(s.jobId())) {
      assertTrue(System.nanoTime() - cancelledAt < 1_000_000_000L, "not seen within a second");
      Thread.sleep(10);
    }
    assertTrue(System.nanoTime() - cancelledAt < 700_000_000L, "seen within the half second of a reading");
    assertTrue(s.recordReads() >= reads + 2, "by reading the record again");
    // and the worker built without a signal of its own reads the record: the part is dropped
    PartSynthesizer worker = new PartSynthesizer(s.store(),
        new CachedSynthesis(s.blobs(), s.engine(), new Mp3Encoder()), new RecordingQueue());
    int calls = s.engine().calls.get();
    assertEquals(PartSynthesizer.Outcome.SKIPPED, worker.process(s.parts().get(3)));
    assertEquals(calls, s.engine().calls.get());
  }
}
