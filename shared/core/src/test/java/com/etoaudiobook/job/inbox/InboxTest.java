package com.etoaudiobook.job.inbox;

import com.etoaudiobook.book.BookParser;
import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.book.ScriptParser;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.RecordingQueue;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.lexicon.BookLexicons;
import com.etoaudiobook.lexicon.Lexicon;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.voice.AutoCaster;
import com.etoaudiobook.voice.Voice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dropped books: their pronunciations (the folder's lexicon, then the book's own) and their parse deadline. */
class InboxTest {
  @TempDir
  Path dir;

  private static final String SCRIPT = "# One\n\n**Narrator:** Ahab stood on the deck.\n\n"
      + "**Narrator:** Starbuck watched the grey sea.\n";

  private record Setup(FileBlobStore blobs, JobStore store, RecordingQueue queue, Inbox inbox) {
  }

  private Setup setup() {
    FileBlobStore blobs = new FileBlobStore(dir);
    JobStore store = new JobStore(blobs);
    RecordingQueue queue = new RecordingQueue();
    JobService jobs = new JobService(store, queue, "espeak", 3000);
    List<Voice> voices = List.of(new Voice("en+m3", "m3", "en", "English", "male", List.of("espeak"), 22050, "espeak"));
    Inbox inbox = new Inbox(store, new ScriptParser(), () -> new AutoCaster(voices, List.of()), jobs, 1 << 20);
    return new Setup(blobs, store, queue, inbox);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theBookHonoursItsFoldersLexiconAndItsOwnWhichWins() {
    Setup s = setup();
    s.blobs().put("inbox/moby/lexicon.txt", utf8("Ahab = AY-hab\ngrey = gray\n"), "text/plain");
    s.blobs().put("inbox/moby/ch1.lexicon.txt", utf8("Ahab = AH-hab\n"), "text/plain");
    s.blobs().put("inbox/moby/ch1.md", utf8(SCRIPT), "text/markdown");

    Inbox.Result result = s.inbox().accept("inbox/moby/ch1.md");
    assertEquals("accepted", result.status(), result.message());
    List<PartSpec> parts = s.queue().parts.stream().filter(p -> p.text().contains("Ahab")).toList();
    assertEquals(1, parts.size());
    assertEquals("AH-hab", parts.get(0).lexicon().entries().get(0).respelling(), "the book's own entry wins");
    PartSpec grey = s.queue().parts.stream().filter(p -> p.text().contains("grey")).findFirst().orElseThrow();
    assertEquals("gray", grey.lexicon().entries().get(0).respelling(), "the folder's entry applies");
    Lexicon stored = BookLexicons.read(s.blobs(), result.bookId());
    assertEquals(2, stored.entries().size(), "the book keeps its pronunciations for later jobs");
    PartSpec plain = s.queue().parts.stream().filter(p -> !p.text().contains("Ahab") && !p.text().contains("grey"))
        .findFirst().orElse(null);
    if (plain != null) {
      assertNull(plain.lexicon());
    }
  }

  @Test
  void aFileThatParsesPastTheDeadlineIsRefusedAndTheInboxGoesOn() {
    Setup s = setup();
    BookParser endless = (name, data) -> {
      while (true) {
        Cancellation.check(); // as the readers' loops do
        Thread.onSpinWait();
      }
    };
    Inbox slow = new Inbox(s.store(), endless, () -> new AutoCaster(List.of(), List.of()),
        new JobService(s.store(), s.queue(), "espeak", 3000), 1 << 20, Duration.ofMillis(200));
    s.blobs().put("inbox/endless.md", utf8(SCRIPT), "text/markdown");
    long start = System.nanoTime();
    Inbox.Result result = slow.accept("inbox/endless.md");
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertEquals("refused", result.status());
    assertEquals("stopped", result.reason());
    assertTrue(ms < 5_000, "stopped at its deadline, not left running: " + ms + " ms");
    assertFalse(Thread.currentThread().isInterrupted(), "the deadline's interrupt does not leak to the caller");
    s.blobs().put("inbox/next.md", utf8(SCRIPT), "text/markdown");
    assertEquals("accepted", s.inbox().accept("inbox/next.md").status(), "the next file is read as usual");
  }

  @Test
  void lexiconFilesAreNotBooksAndABadOneRefusesTheBookNamingTheLine() {
    assertFalse(Inbox.isInput("inbox/lexicon.txt"));
    assertFalse(Inbox.isInput("inbox/a/names.PLS"));
    assertFalse(Inbox.isInput("inbox/story.lexicon.txt"));
    assertTrue(Inbox.isInput("inbox/story.txt"));

    Setup s = setup();
    s.blobs().put("inbox/lexicon.txt", utf8("Ahab = AY-hab\n= nothing\n"), "text/plain");
    s.blobs().put("inbox/story.md", utf8(SCRIPT), "text/markdown");
    Inbox.Result result = s.inbox().accept("inbox/story.md");
    assertEquals("refused", result.status());
    assertEquals("lexicon", result.reason());
    assertTrue(result.message().startsWith("lexicon.txt: "), result.message());
    assertTrue(result.message().contains("2"), "names the line: " + result.message());
    assertTrue(s.queue().parts.isEmpty());
  }
}
