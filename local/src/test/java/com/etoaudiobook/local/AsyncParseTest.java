package com.etoaudiobook.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads over PARSE_ASYNC_BYTES are parsed by the inbox, not within the request: POST answers 202
 * with the book PARSING, GET answers 202 until the book is read, then the book; a file that cannot
 * be a book ends FAILED with its reason (422). Here the limit is 500 bytes so the demo story goes that way.
 */
class AsyncParseTest {
  @TempDir
  static Path dir;
  static LocalRuntime runtime;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    runtime = LocalRuntime.start(new LocalRuntime.Options(0, dir.resolve("data"), null, 1, 3, 20, new EspeakWrapper()),
        Map.of("parse.async-bytes", 500));
    http = new Http(runtime.url());
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @Test
  void aLargeUploadIsParsedAwayFromTheRequestAndTheBookArrives() throws Exception {
    byte[] story = Files.readAllBytes(Samples.file("demo-story.md"));
    assertTrue(story.length > 500);
    String upload = http.upload("demo-story.md", story);
    Http.Reply created = http.post("api/books", "{\"uploadId\":\"" + upload + "\"}");
    assertEquals(202, created.status(), created.body());
    assertEquals("PARSING", created.json().get("state").asText());
    String id = created.json().get("id").asText();

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Http.Reply book = http.get("api/books/" + id);
    while (book.status() == 202 && System.nanoTime() < deadline) {
      assertEquals("PARSING", book.json().get("state").asText());
      Thread.sleep(200);
      book = http.get("api/books/" + id);
    }
    assertEquals(200, book.status(), book.body());
    assertEquals("The Lighthouse Keeper's Bargain", book.json().get("book").get("title").asText());
    assertEquals(2, book.json().get("stats").get("chapters").asInt());

    // the parsed book is a book like any other: a job starts on it
    Http.Reply job = http.post("api/jobs", "{\"bookId\":\"" + id + "\"}");
    assertEquals(202, job.status(), job.body());
  }

  @Test
  void aLargeFileThatIsNoBookEndsFailedWithItsReason() throws Exception {
    // text to every up-front check, but nothing to read aloud: only the parser can tell
    byte[] blank = " \n".repeat(2000).getBytes(StandardCharsets.UTF_8);
    String upload = http.upload("notes.txt", blank);
    Http.Reply created = http.post("api/books", "{\"uploadId\":\"" + upload + "\"}");
    assertEquals(202, created.status(), created.body());
    String id = created.json().get("id").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Http.Reply book = http.get("api/books/" + id);
    while (book.status() == 202 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      book = http.get("api/books/" + id);
    }
    assertEquals(422, book.status(), book.body());
    assertTrue(book.json().get("detail").asText().length() > 10, book.body());
  }
}
