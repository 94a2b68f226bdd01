package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobState;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.RecordingQueue;
import com.etoaudiobook.job.assembly.AudiobookAssembler;

import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.voice.Casting;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.storage.BlobUpload;
import com.etoaudiobook.storage.HeadLastUpload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The synthesis worker's completion detection and the assembler's failure path, on real file storage and eSpeak NG. */
class PartSynthesizerTest {
  @TempDir
  Path dir;

  /** eSpeak NG, counting its calls and failing the text it is told to fail. */
  static final class FailingEngine extends EspeakBackedEngine {
    final AtomicInteger calls = new AtomicInteger();
    volatile String failing = "";
    /** The call for this text waits at {@link #release} after counting down {@link #held}. */
    volatile String holding = "";
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public Speech synthesize(SpeechRequest request) {
      calls.incrementAndGet();
      if (request.text().equals(holding)) {
        held.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (request.text().equals(failing)) {
        throw new IllegalStateException("engine failed on purpose");
      }
      return real.synthesize(request);
    }
  }

  private record Setup(JobStore store, RecordingQueue queue, FailingEngine engine, PartSynthesizer synthesizer,
                       List<PartSpec> parts) {
  }

  private Setup job(int segments) {
    return job(segments, new FileBlobStore(dir));
  }

  private Setup job(int segments, BlobStore blobs) {
    JobStore store = new JobStore(blobs);
    RecordingQueue queue = new RecordingQueue();
    FailingEngine engine = new FailingEngine();
    List<Segment> list = new ArrayList<>();
    int chars = 0;
    for (int i = 0; i < segments; i++) {
      String text = "Line number " + i + ".";
      list.add(new Segment(i, 0, 0, "Ann", null, text, chars, chars + text.length()));
      chars += text.length() + 2;
    }
    Book book = new Book("T", null, "en", List.of(new Chapter(0, "One", list)),
        List.of(new Role("Ann", segments, chars, "Line number 0.", List.of(), null)),
        new Book.Source("t.md", "markdown", "UTF-8"), List.of());
    JobService jobs = new JobService(store, queue, engine.provider(), engine.maxCharacters());
    store.saveBook("b", book);
    Job job = jobs.start("b", book, new Casting(Map.of("Ann", Casting.Assignment.of("en-us"))), JobOptions.DEFAULT);
    PartSynthesizer synthesizer = new PartSynthesizer(store, new CachedSynthesis(blobs, engine, new Mp3Encoder()),
        queue);
    return new Setup(store, queue, engine, synthesizer, List.copyOf(queue.parts));
  }

  @Test
  void partsLandingTogetherAskForAssemblyOnce() throws Exception {
    Setup s = job(64);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (PartSpec p : s.parts()) {
      done.add(pool.submit(() -> {
        go.await();
        return s.synthesizer().processPart(p, 1);
      }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertEquals(64, s.store().doneParts(s.parts().get(0).jobId()).size());
    assertEquals(List.of(s.parts().get(0).jobId()), s.queue().assemblies);
    assertEquals(64, s.engine().calls.get());
  }

  @Test
  void whileAPartIsInFlightHereTheOthersLeaveTheProbeToIt() throws Exception {
    com.etoaudiobook.job.ReadCountingStore blobs = new com.etoaudiobook.job.ReadCountingStore(new FileBlobStore(dir));
    Setup s = job(4, blobs);
    // part 0 still waits in the queue (delivered out of order); part 1 waits on the engine here
    s.engine().holding = s.parts().get(1).text();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<PartSynthesizer.Outcome> one = pool.submit(() -> s.synthesizer().processPart(s.parts().get(1), 1).outcome());
    assertTrue(s.engine().held.await(30, java.util.concurrent.TimeUnit.SECONDS));
    s.synthesizer().processPart(s.parts().get(2), 1);
    s.synthesizer().processPart(s.parts().get(3), 1);
    assertEquals(0, blobs.probes(), "parts 2 and 3 did not look for part 0: part 1's landing will");
    s.engine().release.countDown();
    assertEquals(PartSynthesizer.Outcome.SYNTHESIZED, one.get());
    pool.shutdown();
    assertEquals(1, blobs.probes(), "part 1, the last in flight here, looked for part 0 once");
    assertEquals(List.of(), s.queue().assemblies, "part 0 is not stored yet");
    s.synthesizer().processPart(s.parts().get(0), 1);
    assertEquals(List.of(s.parts().get(0).jobId()), s.queue().assemblies, "the last part to land asks for assembly");
    assertEquals(1, blobs.probes());
  }

  @Test
  void aPartThatFailsInFlightDoesNotHideTheEndOfTheJob() {
    Setup s = job(3);
    s.engine().failing = s.parts().get(1).text();
    s.synthesizer().processPart(s.parts().get(0), 1);
    assertThrows(IllegalStateException.class, () -> s.synthesizer().processPart(s.parts().get(1), 1));
    s.synthesizer().processPart(s.parts().get(2), 1);
    assertEquals(List.of(), s.queue().assemblies, "part 1 is not stored yet");
    // its redelivery succeeds and is the last part: it must see the others and ask for assembly
    s.engine().failing = "";
    s.synthesizer().processPart(s.parts().get(1), 2);
    assertEquals(List.of(s.parts().get(1).jobId()), s.queue().assemblies);
    // a duplicate of the last part changes nothing and does not ask again
    assertEquals(PartSynthesizer.Outcome.ALREADY_DONE, s.synthesizer().processPart(s.parts().get(1), 2).outcome());
    assertEquals(1, s.queue().assemblies.size());
  }

  @Test
  void anAssemblyThatFailsHalfWayPublishesNothing() {
    Setup s = job(6);
    s.parts().forEach(p -> s.synthesizer().processPart(p, 1));
    String jobId = s.parts().get(0).jobId();
    // the fourth part's audio (its cache entry) vanishes after its record said "done": assembly fails on reading it
    s.store().blobs().delete(Keys.cacheEntry(s.parts().get(3).cacheKey()));
    AudiobookAssembler assembler = new AudiobookAssembler(s.store());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> assembler.assemble(jobId));
    assertTrue(e.getMessage().contains("part 3"), e.getMessage());
    assertEquals(List.of(), s.store().blobs().list(Keys.out(jobId, "")), "no audiobook, captions, manifest or segment");
    assertEquals(List.of(), s.store().blobs().list("jobs/" + jobId + "/").stream()
        .filter(k -> k.contains(".tmp-")).toList(), "no temporary files left");

    // once the part is back (here: synthesized again), the same job assembles whole
    s.store().blobs().delete(Keys.partMarks(jobId, 3));
    s.synthesizer().processPart(s.parts().get(3), 2);
    Map<String, String> outputs = assembler.assemble(jobId);
    for (String name : List.of("audiobook", "chapters", "captions", "manifest")) {
      assertTrue(s.store().blobs().exists(outputs.get(name)), name);
    }
  }

  /**
   * File storage whose upload of one object fails at its last request (close, or the put of a small
   * file), as an S3 upload's CompleteMultipartUpload can. The failing close first waits a little, so
   * the files written beside it have been closed by then, as they are when the book is the slow one.
   */
  static final class FailingPublish implements BlobStore {
    final FileBlobStore files;
    final String failing;

    FailingPublish(FileBlobStore files, String failing) {
      this.files = files;
      this.failing = failing;
    }

    /** The failing close first waits, so the files written beside it have been closed by then. */
    private static IOException failedOnPurpose(String key) {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new IOException("upload of " + key + " failed on purpose");
    }

    private boolean fails(String key) {
      return key.contains("/out/") && key.endsWith("/" + failing);
    }

    @Override
    public byte[] get(String key) {
      return files.get(key);
    }

    @Override
    public void put(String key, byte[] data, String contentType) {
      if (fails(key)) {
        throw new UncheckedIOException(new IOException("put of " + key + " failed on purpose"));
      }
      files.put(key, data, contentType);
    }

    @Override
    public boolean exists(String key) {
      return files.exists(key);
    }

    @Override
    public List<String> list(String prefix) {
      return files.list(prefix);
    }

    @Override
    public void delete(String key) {
      files.delete(key);
    }

    @Override
    public InputStream open(String key) {
      return files.open(key);
    }

    @Override
    public BlobUpload create(String key, String contentType) {
      BlobUpload real = files.create(key, contentType);
      if (!fails(key)) {
        return real;
      }
      return new BlobUpload() {
        @Override
        public void write(int b) throws IOException {
          real.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          real.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          real.abort();
          throw failedOnPurpose(key);
        }

        @Override
        public void abort() {
          real.abort();
        }
      };
    }

    @Override
    public HeadLastUpload createHeadLast(String key, String contentType) {
      HeadLastUpload real = files.createHeadLast(key, contentType);
      if (!fails(key)) {
        return real;
      }
      return new HeadLastUpload() {
        @Override
        public void write(int b) throws IOException {
          real.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          real.write(b, off, len);
        }

        @Override
        public void close(byte[] head) throws IOException {
          real.abort();
          throw failedOnPurpose(key);
        }

        @Override
        public void abort() {
          real.abort();
        }
      };
    }
  }

  /**
   * Two runs of a job whose parts are all done (a redelivered message, a second trigger): the second
   * reads the job while it is RUNNING, and the first publishes it before the second has read every
   * part. The second must leave the DONE job as it is: moved back to ASSEMBLING, the player's
   * segments answered 409 until it ended.
   */
  @Test
  void aSecondRunThatStartedBeforeTheFirstPublishedNeverMovesTheDoneJobBack() {
    FileBlobStore files = new FileBlobStore(dir);
    List<String> statesAfterFirstRun = new ArrayList<>();
    AtomicInteger firstRuns = new AtomicInteger();
    String[] jobId = new String[1];
    BlobStore secondRunsStore = new BlobStore() {
      @Override public byte[] get(String key) { return files.get(key); }
      @Override public boolean exists(String key) { return files.exists(key); }
      @Override public List<String> list(String prefix) { return files.list(prefix); }
      @Override public void delete(String key) { files.delete(key); }
      @Override public InputStream open(String key) { return files.open(key); }
      @Override public BlobUpload create(String key, String type) { return files.create(key, type); }

      @Override
      public void put(String key, byte[] data, String type) {
        if (firstRuns.get() > 0 && key.equals(Keys.job(jobId[0]))) {
          statesAfterFirstRun.add(Json.read(data, Job.class).state().name());
        }
        files.put(key, data, type);
      }

      @Override
      public HeadLastUpload createHeadLast(String key, String type) {
        // the second run has read the job (RUNNING) and starts writing: the first runs whole now
        if (firstRuns.getAndIncrement() == 0) {
          new AudiobookAssembler(new JobStore(files)).assemble(jobId[0]);
          assertEquals(JobState.DONE, new JobStore(files).job(jobId[0]).state(), "the first run published");
        }
        return files.createHeadLast(key, type);
      }
    };
    Setup s = job(4, secondRunsStore);
    s.parts().forEach(p -> s.synthesizer().processPart(p, 1));
    jobId[0] = s.parts().get(0).jobId();
    assertEquals(JobState.RUNNING, s.store().job(jobId[0]).state());

    Map<String, String> outputs = new AudiobookAssembler(s.store()).assemble(jobId[0]);

    assertEquals(1, firstRuns.get(), "the first run ran inside the second, once");
    assertEquals(List.of(), statesAfterFirstRun.stream().filter(st -> !st.equals("DONE")).toList(),
        "after the first run published, the job is only ever saved DONE");
    Job done = s.store().job(jobId[0]);
    assertEquals(JobState.DONE, done.state());
    assertEquals(outputs, done.outputs());
    assertTrue(files.exists(outputs.get("audiobook")));
  }

  /** Whichever of the run's files fails to be published, none of the others is left for a failed job. */
  @ParameterizedTest
  @ValueSource(strings = {"T.mp3", "captions.vtt", "chapters.json", "manifest.json"})
  void anAssemblyWhoseUploadFailsAtTheEndPublishesNothing(String failing) {
    FileBlobStore files = new FileBlobStore(dir);
    Setup s = job(4, new FailingPublish(files, failing));
    s.parts().forEach(p -> s.synthesizer().processPart(p, 1));
    String jobId = s.parts().get(0).jobId();
    Exception e = assertThrows(Exception.class, () -> new AudiobookAssembler(s.store()).assemble(jobId));
    assertTrue(String.valueOf(e.getMessage()).contains("failed on purpose")
        || String.valueOf(e.getCause()).contains("failed on purpose"), String.valueOf(e));
    assertEquals(List.of(), files.list(Keys.out(jobId, "")), "no audiobook, chapters, captions, manifest or segment");
    assertEquals(List.of(), files.list("jobs/" + jobId + "/").stream()
        .filter(k -> k.contains(".tmp-")).toList(), "no temporary files left");
  }
}
