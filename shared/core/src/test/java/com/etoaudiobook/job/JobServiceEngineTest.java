package com.etoaudiobook.job;

import com.etoaudiobook.audio.LoudnessTarget;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.voice.Casting;
import com.etoaudiobook.voice.Voice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JobService over an engine asks it for its provider and limit only when it plans a job. */
class JobServiceEngineTest {
  @TempDir
  Path dir;

  @Test
  void theEngineIsAskedForOnlyWhenAJobIsPlannedAndItsProviderAndLimitAreUsed() {
    JobStore store = new JobStore(new FileBlobStore(dir));
    AtomicInteger asked = new AtomicInteger();
    SpeechEngine stub = new SpeechEngine() {
      @Override
      public String provider() {
        return "stub";
      }

      @Override
      public List<Voice> voices() {
        return List.of();
      }

      @Override
      public int maxCharacters() {
        return 20;
      }

      @Override
      public Speech synthesize(SpeechRequest request) {
        throw new UnsupportedOperationException();
      }
    };
    CancelSignal cancels = new StoreCancelSignal(store);
    JobService lazy = new JobService(store, new RecordingQueue(), () -> {
      asked.incrementAndGet();
      return stub;
    }, LoudnessTarget.DEFAULT, cancels);
    assertEquals(0, asked.get(), "no engine while the service is built");

    Segment s = new Segment(0, 0, 0, "Ann", null, "Hello there, said Ann. Again and again and again.", 0, 49);
    Book book = new Book("T", null, "en", List.of(new Chapter(0, "One", List.of(s))),
        List.of(new Role("Ann", 1, 49, "Hello there.", List.of(), null)), new Book.Source("t.md", "markdown", "UTF-8"),
        List.of());
    Casting casting = new Casting(Map.of("Ann", Casting.Assignment.of("en-us")));
    List<PartSpec> parts = lazy.plan("j", book, casting, null);
    List<PartSpec> fixed = new JobService(store, new RecordingQueue(), "stub", 20, LoudnessTarget.DEFAULT, cancels)
        .plan("j", book, casting, null);
    assertEquals(fixed, parts, "the engine's provider in the keys, its limit in the split");
    assertNotEquals(new JobService(store, new RecordingQueue(), "espeak", 20).plan("j", book, casting, null).get(0)
        .cacheKey(), parts.get(0).cacheKey());
    assertTrue(parts.size() > 2, "split at the engine's 20 characters: " + parts.size());
  }
}
