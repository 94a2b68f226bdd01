package com.etoaudiobook.local;

import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechException;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.storage.FileBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** eSpeak NG speaking a conversion's parts ahead of the workers, on the real engine. */
class SpeechAheadTest {
  @TempDir
  Path dir;

  /** The real engine, recording which thread asked for which text. */
  static final class Recording extends EspeakWrapper {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile String failing;

    @Override
    public Speech synthesize(SpeechRequest request) {
      calls.add(Thread.currentThread().getName() + ":" + request.text());
      if (request.text().equals(failing)) {
        throw new SpeechException("broken on purpose", false, null);
      }
      return super.synthesize(request);
    }

    long byThread(String prefix) {
      return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }
  }

  private static List<PartSpec> parts(String... texts) {
    List<PartSpec> parts = new ArrayList<>();
    for (String text : texts) {
      parts.add(new PartSpec("job", parts.size(), parts.size(), 0, text, "Narrator", null, "en-gb-x-rp", null,
          1.0, 0, "key-" + text));
    }
    return parts;
  }

  @Test
  void eachPartIsSpokenOnceAheadAndIsTheSpeechTheWorkerWouldHaveMade() throws Exception {
    Recording engine = new Recording();
    SpeechAhead ahead = new SpeechAhead(engine);
    List<PartSpec> parts = parts("One.", "Two words.", "Three more words.", "Four words in all.", "Five words, and then six.");
    Runnable stop = ahead.speak(parts, new FileBlobStore(dir), 2);
    try {
      // the engine's thread speaks the first two, then waits for a worker to finish one
      waitFor(() -> engine.byThread("speech-ahead") == 2);
      Thread.sleep(300);
      assertEquals(2, engine.byThread("speech-ahead"), "at most 2 parts ahead: " + engine.calls);
      for (PartSpec part : parts) {
        // on a loaded machine the engine's thread may not have reached this part yet; the worker
        // would then speak it itself (the next test), which this one is not about
        waitFor(() -> engine.calls.stream().anyMatch(c -> c.startsWith("speech-ahead") && c.endsWith(":" + part.text())));
        Speech got = asWorker(ahead, part);
        // this part's speech (each text has its own number of words); eSpeak NG's output varies by
        // about a percent with the call before it
        Speech direct = engine.real.synthesize(SpeechAhead.request(part));
        assertEquals(direct.marks().size(), got.marks().size(), part.text());
        assertEquals(direct.pcm().length, got.pcm().length, direct.pcm().length / 20.0, part.text());
      }
      assertEquals(parts.size(), engine.byThread("speech-ahead"), "every part by the engine's thread: " + engine.calls);
      assertEquals(0, engine.byThread(Thread.currentThread().getName() + ":"), "the worker spoke none itself: " + engine.calls);
    } finally {
      stop.run();
    }
  }

  @Test
  void aPartItsWorkerFinishedFirstIsNotSpokenAgainAhead() throws Exception {
    Recording engine = new Recording();
    SpeechAhead ahead = new SpeechAhead(engine);
    List<PartSpec> parts = parts("First.", "Second one.");
    // the worker got to the first part before the engine's thread started, and finished it
    asWorker(ahead, parts.get(0));
    Runnable stop = ahead.speak(parts, new FileBlobStore(dir), 2);
    try {
      waitFor(() -> engine.byThread("speech-ahead") == 1);
      Thread.sleep(300);
      assertEquals(List.of(Thread.currentThread().getName() + ":First.", engine.calls.get(1)), engine.calls);
      assertTrue(engine.calls.get(1).endsWith(":Second one."), engine.calls.toString());
      // a later retry of the finished part is spoken by its worker
      assertTrue(asWorker(ahead, parts.get(0)).pcm().length > 0);
      assertEquals(2, engine.byThread(Thread.currentThread().getName() + ":First."), engine.calls.toString());
    } finally {
      stop.run();
    }
  }

  @Test
  void aRepeatedTextTakesACopyOfItsFirstSpeechAndAFailureIsLeftToTheWorkersRetry() throws Exception {
    Recording engine = new Recording();
    engine.failing = "Broken.";
    SpeechAhead ahead = new SpeechAhead(engine);
    List<PartSpec> parts = parts("Broken.", "Again.", "Again.");
    Runnable stop = ahead.speak(parts, new FileBlobStore(dir), 3);
    try {
      waitFor(() -> engine.byThread("speech-ahead") == 2);
      Thread.sleep(300);
      // "Again." twice has one cache key: spoken once ahead
      assertEquals(2, engine.byThread("speech-ahead"), engine.calls.toString());
      PartSpec broken = parts.get(0);
      ahead.working(broken);
      assertThrows(SpeechException.class, () -> ahead.synthesize(SpeechAhead.request(broken)));
      engine.failing = null;
      Speech retried = ahead.synthesize(SpeechAhead.request(broken)); // the worker's second attempt
      ahead.finished(broken);
      assertTrue(retried.pcm().length > 0);
      assertEquals(1, engine.byThread(Thread.currentThread().getName() + ":Broken."), "the retry spoke it on the worker: " + engine.calls);
      List<short[]> again = new ArrayList<>();
      for (PartSpec part : parts.subList(1, 3)) {
        again.add(asWorker(ahead, part).pcm());
      }
      // the repeat's worker (its cache entry not stored yet) takes the first one's samples, in a copy
      // of its own, instead of speaking them again whenever it gets there
      assertEquals(0, engine.byThread(Thread.currentThread().getName() + ":Again."), engine.calls.toString());
      assertTrue(java.util.Arrays.equals(again.get(0), again.get(1)), "the same samples");
      assertTrue(again.get(0) != again.get(1), "each worker's own array");
    } finally {
      stop.run();
    }
  }

  @Test
  void aWorkerWaitsForAPartTheSpeakingThreadHasNotReachedSoTheEngineSpeaksInThePlansOrder() throws Exception {
    Recording engine = new Recording();
    SpeechAhead ahead = new SpeechAhead(engine);
    List<PartSpec> parts = parts("The first part.", "The second part.", "The third part.");
    SpeechAhead.Plan plan = new SpeechAhead.Plan();
    plan.add(parts.get(0));
    Runnable stop = ahead.speak(plan, new FileBlobStore(dir), 10);
    java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      waitFor(() -> engine.byThread("speech-ahead") == 1);
      // two workers got to the parts after it before the speaking thread did (they are not planned yet)
      List<java.util.concurrent.Future<Speech>> later = new ArrayList<>();
      for (PartSpec part : parts.subList(1, 3)) {
        later.add(workers.submit(() -> asWorker(ahead, part)));
      }
      Thread.sleep(300);
      assertEquals(1, engine.calls.size(), "the workers wait, speaking nothing: " + engine.calls);
      plan.add(parts.get(1));
      plan.add(parts.get(2));
      plan.end();
      for (java.util.concurrent.Future<Speech> f : later) {
        assertTrue(f.get(30, java.util.concurrent.TimeUnit.SECONDS).pcm().length > 0);
      }
      assertEquals(List.of("speech-ahead-1:The first part.", "speech-ahead-1:The second part.",
          "speech-ahead-1:The third part."), engine.calls.stream().map(c -> c.replaceFirst("^speech-ahead-\\d+", "speech-ahead-1")).toList(),
          "every part by the speaking thread, in the plan's order");
    } finally {
      workers.shutdownNow();
      stop.run();
    }
  }

  @Test
  void aWorkerWaitingForAPartThePlanNeverHadSpeaksItOnceThePlanEnds() throws Exception {
    Recording engine = new Recording();
    SpeechAhead ahead = new SpeechAhead(engine);
    List<PartSpec> parts = parts("Planned.", "Never planned.");
    SpeechAhead.Plan plan = new SpeechAhead.Plan();
    plan.add(parts.get(0));
    Runnable stop = ahead.speak(plan, new FileBlobStore(dir), 10);
    try {
      java.util.concurrent.CompletableFuture<Speech> asked =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> asWorker(ahead, parts.get(1)));
      waitFor(() -> engine.byThread("speech-ahead") == 1);
      Thread.sleep(200);
      assertTrue(!asked.isDone(), "waits while the plan may still bring it: " + engine.calls);
      plan.end(); // the plan failed: no speaking thread will get to it
      assertTrue(asked.get(30, java.util.concurrent.TimeUnit.SECONDS).pcm().length > 0);
      assertTrue(engine.calls.get(1).endsWith(":Never planned.") && !engine.calls.get(1).startsWith("speech-ahead"),
          engine.calls.toString());
    } finally {
      stop.run();
    }
  }

  @Test
  void theSpeakingThreadHoldsNoMoreSpeechThanItsBudget() throws Exception {
    Recording engine = new Recording();
    // room for 10 parts, but speech for less than two of them: a book of long parts
    SpeechAhead ahead = new SpeechAhead(engine, 30_000);
    List<PartSpec> parts = parts("The first of four sentences, long enough to pass the budget alone.",
        "A second sentence.", "A third one.", "And the fourth.");
    Runnable stop = ahead.speak(parts, new FileBlobStore(dir), 10);
    try {
      waitFor(() -> engine.byThread("speech-ahead") == 1);
      Thread.sleep(300);
      assertEquals(1, engine.byThread("speech-ahead"), "waits for a worker once past the budget: " + engine.calls);
      asWorker(ahead, parts.get(0));
      // each part finished frees its speech from the budget, and the thread goes on
      for (PartSpec part : parts.subList(1, parts.size())) {
        waitFor(() -> engine.calls.stream().anyMatch(c -> c.startsWith("speech-ahead") && c.endsWith(":" + part.text())));
        asWorker(ahead, part);
      }
      assertEquals(parts.size(), engine.byThread("speech-ahead"), "each part spoken once, ahead: " + engine.calls);
      assertEquals(parts.size(), engine.calls.size(), "each part spoken once, ahead: " + engine.calls);
    } finally {
      stop.run();
    }
  }

  /** What a part's worker does: names the part, asks for its speech, and is done with it. */
  private static Speech asWorker(SpeechAhead ahead, PartSpec part) {
    ahead.working(part);
    try {
      return ahead.synthesize(SpeechAhead.request(part));
    } finally {
      ahead.finished(part);
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, "not reached in 30 s");
      Thread.sleep(10);
    }
  }
}
