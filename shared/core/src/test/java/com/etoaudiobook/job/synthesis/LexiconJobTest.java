package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.RecordingQueue;


import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.lexicon.Lexicon;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.voice.Casting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Changing a lexicon entry re-synthesizes only the parts whose text has that word (real eSpeak NG calls, counted). */
class LexiconJobTest {
  @TempDir
  Path dir;

  private static final List<String> LINES = List.of(
      "Ahab stood on the deck.", "The sea was grey.", "Starbuck watched Ahab.", "Nobody spoke.");

  @Test
  void changingAnEntryResynthesizesOnlyThePartsWithItsWord() {
    FileBlobStore blobs = new FileBlobStore(dir);
    JobStore store = new JobStore(blobs);
    RecordingQueue queue = new RecordingQueue();
    PartSynthesizerTest.FailingEngine engine = new PartSynthesizerTest.FailingEngine();
    JobService jobs = new JobService(store, queue, engine.provider(), engine.maxCharacters());
    PartSynthesizer synthesizer = new PartSynthesizer(store, new CachedSynthesis(blobs, engine, new Mp3Encoder()), queue);
    Book book = book();
    Casting casting = new Casting(Map.of("Ann", Casting.Assignment.of("en-us")));

    Lexicon first = new Lexicon(List.of(Lexicon.Entry.respelled("Ahab", "AY-hab"),
        Lexicon.Entry.respelled("Starbuck", "STAR-buck")));
    run(jobs, synthesizer, queue, book, casting, first);
    assertEquals(4, engine.calls.get(), "a first run synthesizes every part");

    // a part travels (as its queue message) with the entries its text uses, in order of use, and only those
    List<PartSpec> sent = List.copyOf(queue.parts);
    PartSpec third = Json.read(Json.write(sent.get(2)), PartSpec.class);
    assertEquals(List.of("Starbuck", "Ahab"), third.lexicon().entries().stream().map(Lexicon.Entry::word).toList());
    assertNull(sent.get(1).lexicon());

    run(jobs, synthesizer, queue, book, casting, first);
    assertEquals(4, engine.calls.get(), "the same lexicon again: all from the cache");

    Lexicon changed = first.with(new Lexicon(List.of(Lexicon.Entry.respelled("Ahab", "AH-hab"))));
    run(jobs, synthesizer, queue, book, casting, changed);
    assertEquals(6, engine.calls.get(), "only the two parts saying Ahab");

    Lexicon added = changed.with(new Lexicon(List.of(Lexicon.Entry.respelled("grey", "gray"))));
    run(jobs, synthesizer, queue, book, casting, added);
    assertEquals(7, engine.calls.get(), "a new entry: only the part with its word");
  }

  private static void run(JobService jobs, PartSynthesizer synthesizer, RecordingQueue queue, Book book,
                          Casting casting, Lexicon lexicon) {
    queue.parts.clear();
    jobs.start("b", book, casting, JobOptions.DEFAULT, lexicon);
    for (PartSpec p : List.copyOf(queue.parts)) {
      synthesizer.processPart(Json.read(Json.write(p), PartSpec.class), 1);
    }
  }

  private static Book book() {
    List<Segment> list = new ArrayList<>();
    int chars = 0;
    for (int i = 0; i < LINES.size(); i++) {
      String text = LINES.get(i);
      list.add(new Segment(i, 0, i, "Ann", null, text, chars, chars + text.length()));
      chars += text.length() + 2;
    }
    return new Book("T", null, "en", List.of(new Chapter(0, "One", list)),
        List.of(new Role("Ann", LINES.size(), chars, LINES.get(0), List.of(), null)),
        new Book.Source("t.md", "markdown", "UTF-8"), List.of());
  }
}
