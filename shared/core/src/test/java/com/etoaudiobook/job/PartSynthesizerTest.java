package com.etoaudiobook.job;

import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.audio.SilenceFrame;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.voice.Casting;
import com.etoaudiobook.voice.Voice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

/** Completion detection of the synthesis worker, on real file storage with a frame-returning engine. */
class PartSynthesizerTest {
  @TempDir
  Path dir;

  /** Answers a few silent MP3 frames; fails the texts it is told to fail. */
  static final class FrameEngine implements SpeechEngine {
    final AtomicInteger calls = new AtomicInteger();
    volatile String failing = "";

    @Override
    public String provider() {
      return "test-frames";
    }

    @Override
    public List<Voice> voices() {
      return List.of(new Voice("v", "V", "en-US", "English", "female", List.of(), 22050, "test-frames"));
    }

    @Override
    public int maxCharacters() {
      return 3000;
    }

    @Override
    public Speech synthesize(SpeechRequest request) {
      calls.incrementAndGet();
      if (request.text().equals(failing)) {
        throw new IllegalStateException("engine failed on purpose");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        SilenceFrame.write(out, 3);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return new Speech(null, out.toByteArray(), 22050, List.of(), request.text().length());
    }
  }

  private record Setup(JobStore store, RecordingQueue queue, FrameEngine engine, PartSynthesizer synthesizer,
                       List<PartSpec> parts) {
  }

  private Setup job(int segments) {
    FileBlobStore blobs = new FileBlobStore(dir);
    JobStore store = new JobStore(blobs);
    RecordingQueue queue = new RecordingQueue();
    FrameEngine engine = new FrameEngine();
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
    Job job = jobs.start("b", book, new Casting(Map.of("Ann", Casting.Assignment.of("v"))), JobOptions.DEFAULT);
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
}
