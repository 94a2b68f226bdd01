package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.job.JobState;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.RecordingQueue;
import com.etoaudiobook.job.assembly.AudiobookAssembler;
import com.etoaudiobook.job.assembly.PartsFeed;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.voice.Casting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An assembly that starts while the job's parts are still being made, on real file storage and eSpeak NG. */
class EarlyAssemblyTest {
  @TempDir
  Path dir;

  private record Setup(JobStore store, PartSynthesizer synthesizer, List<PartSpec> parts, String jobId) {
  }

  /** Two chapters of {@code segments} lines each, one part per line. */
  private Setup job(int segments) {
    FileBlobStore blobs = new FileBlobStore(dir);
    JobStore store = new JobStore(blobs);
    RecordingQueue queue = new RecordingQueue();
    PartSynthesizerTest.FailingEngine engine = new PartSynthesizerTest.FailingEngine();
    List<Chapter> chapters = new ArrayList<>();
    int chars = 0;
    int index = 0;
    for (int c = 0; c < 2; c++) {
      List<Segment> list = new ArrayList<>();
      for (int i = 0; i < segments; i++, index++) {
        String text = "Line " + index + " of chapter " + (c + 1) + (i % 3 == 0 ? ", said with a longer tail." : ".");
        list.add(new Segment(index, c, 0, "Ann", null, text, chars, chars + text.length()));
        chars += text.length() + 2;
      }
      chapters.add(new Chapter(c, "Chapter " + (c + 1), list));
    }
    Book book = new Book("Early", "A. Writer", "en", chapters,
        List.of(new Role("Ann", index, chars, "Line 0 of chapter 1.", List.of(), null)),
        new Book.Source("t.md", "markdown", "UTF-8"), List.of());
    store.saveBook("b", book);
    Job job = new JobService(store, queue, engine.provider(), engine.maxCharacters())
        .start("b", book, new Casting(Map.of("Ann", Casting.Assignment.of("en-us"))), JobOptions.DEFAULT);
    PartSynthesizer synthesizer = new PartSynthesizer(store, new CachedSynthesis(blobs, engine, new Mp3Encoder()), queue);
    return new Setup(store, synthesizer, List.copyOf(queue.parts), job.id());
  }

  /** Every object of the job's outputs (book, segment files, chapters, captions, manifest) → its SHA-256. */
  private static Map<String, String> outputs(Setup s) throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (String key : s.store().blobs().list(Keys.out(s.jobId(), ""))) {
      out.put(key, HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.store().blobs().get(key))));
    }
    return out;
  }

  @Test
  void aRunStartedWhilePartsLandWritesWhatARunAfterThemWrites() throws Exception {
    Setup s = job(20);
    int half = s.parts().size() / 2;
    s.parts().subList(0, half).forEach(p -> s.synthesizer().processPart(p, 1));
    AudiobookAssembler assembler = new AudiobookAssembler(s.store());
    CompletableFuture<AudiobookAssembler.Result> early = CompletableFuture.supplyAsync(
        () -> assembler.assemble(s.jobId(), System.nanoTime() + TimeUnit.MINUTES.toNanos(2)));
    Thread.sleep(300);
    assertFalse(early.isDone(), "the run waits for the parts still to come");
    assertTrue(s.store().assemblyLease(s.jobId()) > System.currentTimeMillis(), "the waiting run holds the job");
    // the rest land out of order, as SQS delivers them
    List<PartSpec> rest = new ArrayList<>(s.parts().subList(half, s.parts().size()));
    java.util.Collections.reverse(rest);
    for (PartSpec p : rest) {
      s.synthesizer().processPart(p, 1);
    }
    AudiobookAssembler.Result result = early.get(1, TimeUnit.MINUTES);
    assertEquals(-1, result.retryInSeconds());
    assertEquals(4, result.outputs().size());
    Job done = s.store().job(s.jobId());
    assertEquals(JobState.DONE, done.state());
    assertEquals(0, s.store().assemblyLease(s.jobId()), "a finished run lets go of the job");
    Map<String, String> first = outputs(s);
    assertEquals(4 + s.parts().size(), first.size(), "book, chapters, captions, manifest and a file per segment");

    // the same job assembled again from scratch, every part done at the start: the same bytes
    for (String key : first.keySet()) {
      s.store().blobs().delete(key);
    }
    s.store().saveJob(done.with(JobState.RUNNING));
    assertEquals(result.outputs(), assembler.assemble(s.jobId()));
    assertEquals(first, outputs(s));
    assertEquals(done.billedCharacters(), s.store().job(s.jobId()).billedCharacters());
  }

  @Test
  void theLastPartsTriggerLeavesTheJobToTheEarlyRunHoldingIt() {
    Setup s = job(3);
    s.parts().forEach(p -> s.synthesizer().processPart(p, 1));
    s.store().leaseAssembly(s.jobId(), System.currentTimeMillis() + 60_000);
    AudiobookAssembler assembler = new AudiobookAssembler(s.store());
    AudiobookAssembler.Result held = assembler.assemble(s.jobId(), System.nanoTime() + TimeUnit.MINUTES.toNanos(2));
    assertTrue(held.retryInSeconds() > 0, "looks again later: " + held.retryInSeconds());
    assertEquals(List.of(), s.store().blobs().list(Keys.out(s.jobId(), "")), "no second whole run");
    // the holder died: once its lease runs out, the final trigger's look assembles the job
    s.store().leaseAssembly(s.jobId(), System.currentTimeMillis() - 1);
    AudiobookAssembler.Result done = assembler.assemble(s.jobId(), System.nanoTime() + TimeUnit.MINUTES.toNanos(2));
    assertEquals(4, done.outputs().size());
    assertEquals(JobState.DONE, s.store().job(s.jobId()).state());
  }

  /** The local runtime killed while an early run held the job: started again, nothing waits for that run's lease. */
  @Test
  void aResumedJobIsNotHeldByTheLeaseOfARunThatDiedWithItsProcess() {
    Setup s = job(3);
    s.parts().subList(0, 2).forEach(p -> s.synthesizer().processPart(p, 1));
    s.store().leaseAssembly(s.jobId(), System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(5));
    RecordingQueue queue = new RecordingQueue();
    PartSynthesizerTest.FailingEngine engine = new PartSynthesizerTest.FailingEngine();
    int requeued = new JobService(s.store(), queue, engine.provider(), engine.maxCharacters()).resume(s.jobId());
    assertEquals(s.parts().size() - 2, requeued);
    assertEquals(0, s.store().assemblyLease(s.jobId()), "the dead run's lease is let go");
    assertEquals(List.of(Map.entry(s.jobId(), AudiobookAssembler.FIRST_LOOK_SECONDS)), queue.laterAssemblies,
        "a look at an early run, as a start queues");
    queue.parts.forEach(p -> s.synthesizer().processPart(p, 1));
    AudiobookAssembler.Result r = new AudiobookAssembler(s.store())
        .assemble(s.jobId(), System.nanoTime() + TimeUnit.MINUTES.toNanos(2));
    assertEquals(-1, r.retryInSeconds(), "the last part's trigger assembles at once");
    assertEquals(JobState.DONE, s.store().job(s.jobId()).state());
  }

  @Test
  void aRunBeforeAnyPartIsDoneLooksAgainLater() {
    Setup s = job(3);
    AudiobookAssembler.Result r = new AudiobookAssembler(s.store()).assemble(s.jobId(), Long.MAX_VALUE);
    assertEquals(AudiobookAssembler.FIRST_LOOK_SECONDS, r.retryInSeconds());
    assertEquals(List.of(), s.store().blobs().list(Keys.out(s.jobId(), "")));
  }

  @Test
  void aRunWaitingForADeadPartStopsAndPublishesNoBook() throws Exception {
    Setup s = job(4);
    PartSpec dead = s.parts().get(5);
    s.parts().stream().filter(p -> p != dead).forEach(p -> s.synthesizer().processPart(p, 1));
    s.synthesizer().recordFailure(dead, new IllegalStateException("refused"), 5, true);
    long t0 = System.nanoTime();
    AudiobookAssembler.Result r = new AudiobookAssembler(s.store())
        .assemble(s.jobId(), System.nanoTime() + TimeUnit.MINUTES.toNanos(2));
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30), "it stops waiting: the part will not come");
    assertEquals(Map.of(), r.outputs());
    assertEquals(-1, r.retryInSeconds(), "the part's retry, once it lands, asks for the assembly");
    List<String> left = s.store().blobs().list(Keys.out(s.jobId(), ""));
    assertTrue(left.stream().allMatch(k -> k.contains("/segments/")), "no book, captions, chapters or manifest: " + left);
    assertEquals(JobState.RUNNING, s.store().job(s.jobId()).state());
  }

  @Test
  void aRunAlongsideTheSynthesisReadsEachPartItIsToldOfAndWritesWhatARunAfterThemWrites() throws Exception {
    Setup s = job(20);
    AudiobookAssembler assembler = new AudiobookAssembler(s.store());
    PartsFeed feed = new PartsFeed();
    CompletableFuture<Map<String, String>> alongside = CompletableFuture.supplyAsync(
        () -> assembler.assembleAlongside(s.jobId(), feed, true));
    // the parts land out of order; the run is told of each (it never lists the store for them)
    List<PartSpec> parts = new ArrayList<>(s.parts());
    java.util.Collections.reverse(parts.subList(parts.size() / 2, parts.size()));
    PartSpec last = parts.remove(parts.size() - 1);
    for (PartSpec p : parts) {
      s.synthesizer().processPart(p, 1);
      feed.landed(p.index());
    }
    s.synthesizer().processPart(last, 1);
    Thread.sleep(300);
    assertFalse(alongside.isDone(), "a part stored but not told of is not read: " + last.index());
    feed.landed(last.index());
    Map<String, String> outputs = alongside.get(1, TimeUnit.MINUTES);
    assertEquals(4, outputs.size());
    assertEquals(JobState.DONE, s.store().job(s.jobId()).state());
    Map<String, String> first = outputs(s);
    assertEquals(4 + s.parts().size(), first.size(), "book, chapters, captions, manifest and a file per segment");

    // the same job assembled again after every part was done: the same bytes
    for (String key : first.keySet()) {
      s.store().blobs().delete(key);
    }
    s.store().saveJob(s.store().job(s.jobId()).with(JobState.RUNNING));
    assertEquals(outputs, assembler.assemble(s.jobId()));
    assertEquals(first, outputs(s));
  }

  @Test
  void aRunWithoutSegmentFilesWritesTheSameBookAndAManifestThatNamesNoFile() throws Exception {
    Setup s = job(12);
    s.parts().forEach(p -> s.synthesizer().processPart(p, 1));
    AudiobookAssembler assembler = new AudiobookAssembler(s.store());
    Map<String, String> outputs = assembler.assemble(s.jobId());
    Map<String, String> with = outputs(s);
    com.fasterxml.jackson.databind.JsonNode manifestWith = manifest(s, outputs);
    for (String key : with.keySet()) {
      s.store().blobs().delete(key);
    }
    s.store().saveJob(s.store().job(s.jobId()).with(JobState.RUNNING));
    PartsFeed feed = new PartsFeed();
    s.parts().forEach(p -> feed.landed(p.index()));
    assertEquals(outputs, assembler.assembleAlongside(s.jobId(), feed, false));

    Map<String, String> without = outputs(s);
    assertTrue(with.keySet().stream().anyMatch(k -> k.contains("/segments/")), "the functions' run writes them");
    assertEquals(4, without.size(), "book, chapters, captions and manifest only: " + without.keySet());
    for (String name : List.of("audiobook", "chapters", "captions")) {
      assertEquals(with.get(outputs.get(name)), without.get(outputs.get(name)), name + ": the same bytes");
    }
    com.fasterxml.jackson.databind.JsonNode manifest = manifest(s, outputs);
    assertEquals(manifestWith.get("segments").size(), manifest.get("segments").size());
    for (int i = 0; i < manifest.get("segments").size(); i++) {
      com.fasterxml.jackson.databind.JsonNode a = manifestWith.get("segments").get(i);
      com.fasterxml.jackson.databind.JsonNode b = manifest.get("segments").get(i);
      assertTrue(a.has("audio") && !b.has("audio"), "a segment's file is named only where it is written: " + b);
      ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("audio");
      assertEquals(a, b, "the rest of the segment's entry (its times and marks) is the same");
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode manifest(Setup s, Map<String, String> outputs)
      throws Exception {
    return com.etoaudiobook.json.Json.MAPPER.readTree(s.store().blobs().get(outputs.get("manifest")));
  }

  @Test
  void aRunAlongsideWhoseFeedStopsPublishesNoBook() throws Exception {
    Setup s = job(4);
    PartsFeed feed = new PartsFeed();
    CompletableFuture<Map<String, String>> alongside = CompletableFuture.supplyAsync(
        () -> new AudiobookAssembler(s.store()).assembleAlongside(s.jobId(), feed, true));
    PartSpec failed = s.parts().get(5);
    s.parts().stream().filter(p -> p != failed).forEach(p -> {
      s.synthesizer().processPart(p, 1);
      feed.landed(p.index());
    });
    feed.stop("part 5 failed");
    java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> alongside.get(1, TimeUnit.MINUTES));
    assertTrue(e.getCause() instanceof IllegalStateException && e.getCause().getMessage().contains("part 5 failed"),
        String.valueOf(e.getCause()));
    List<String> left = s.store().blobs().list(Keys.out(s.jobId(), ""));
    assertTrue(left.stream().allMatch(k -> k.contains("/segments/")), "no book, captions, chapters or manifest: " + left);
    assertEquals(JobState.RUNNING, s.store().job(s.jobId()).state());
  }
}
