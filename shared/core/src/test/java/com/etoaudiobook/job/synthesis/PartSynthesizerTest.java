package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.job.Job;
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
          try {
            Thread.sleep(300);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          real.abort();
          throw new IOException("upload of " + key + " failed on purpose");
        }

        @Override
        public void abort() {
          real.abort();
        }
      };
    }
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
