package com.etoaudiobook.local;

import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PATCH /api/books/{id} on the local runtime: edits, versions, refusals, and what a new job synthesizes. */
class BookEditApiTest {
  static final class CountingEngine extends EspeakWrapper {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Speech synthesize(SpeechRequest request) {
      calls.incrementAndGet();
      return real.synthesize(request);
    }
  }

  @TempDir
  static Path dir;
  static final CountingEngine engine = new CountingEngine();
  static LocalRuntime runtime;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    runtime = LocalRuntime.start(new LocalRuntime.Options(0, dir.resolve("data"), null, 3, 3, 20, engine));
    http = new Http(runtime.url());
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  static String newBook() throws Exception {
    String upload = http.upload("demo-story.md", Files.readAllBytes(Samples.file("demo-story.md")));
    Http.Reply book = http.post("api/books", "{\"uploadId\":\"" + upload + "\"}");
    assertEquals(201, book.status(), book.body());
    assertEquals(1, book.json().get("version").asInt());
    return book.json().get("id").asText();
  }

  static JsonNode runJob(String bookId) {
    // without spoken chapter titles, part i is segment i of the book
    Http.Reply created = http.post("api/jobs", "{\"bookId\":\"" + bookId + "\",\"options\":{\"chapterTitles\":false}}");
    assertEquals(202, created.status(), created.body());
    return http.until("api/jobs/" + created.json().get("id").asText(),
        j -> j.get("state").asText().equals("DONE"), Duration.ofSeconds(90));
  }

  static List<String> lineRoles(JsonNode view) {
    List<String> roles = new ArrayList<>();
    view.get("book").get("chapters").forEach(c -> c.get("segments").forEach(s -> roles.add(s.get("role").asText())));
    return roles;
  }

  @Test
  void anEditIsVersionedAndTheNextJobSynthesizesOnlyTheLinesWhoseVoiceChanged() throws Exception {
    String id = newBook();
    JsonNode first = runJob(id);
    assertEquals(1, first.get("bookVersion").asInt());

    Http.Reply edited = http.patch("api/books/" + id, """
        {"baseVersion": 1, "operations": [
          {"op": "rename", "role": "The Tide Witch", "to": "Morwen"},
          {"op": "move", "segments": [8], "to": "Stranger"},
          {"op": "narrate", "segments": [5]}]}""");
    assertEquals(200, edited.status(), edited.body());
    JsonNode view = edited.json();
    assertEquals(2, view.get("version").asInt());
    assertEquals(List.of("Narrator", "Keeper Ansel", "Wren", "Narrator", "Morwen", "Narrator", "Narrator", "Morwen",
        "Stranger", "Keeper Ansel", "Narrator"), lineRoles(view));
    assertTrue(view.get("casting").has("Stranger") && view.get("casting").has("Morwen"), view.get("casting").toString());
    assertEquals(view.get("book"), http.get("api/books/" + id).json().get("book"), "GET shows the stored edit");
    assertEquals(2, http.get("api/books/" + id).json().get("version").asInt());

    int before = engine.calls.get();
    JsonNode second = runJob(id);
    int synthesized = engine.calls.get() - before;
    assertEquals(2, second.get("bookVersion").asInt());
    // the lines whose voice changed, from the two plans; every other part comes from the cache
    List<PartSpec> a = runtime.bean(JobStore.class).plan(first.get("id").asText());
    List<PartSpec> b = runtime.bean(JobStore.class).plan(second.get("id").asText());
    assertEquals(a.size(), b.size());
    int changed = 0;
    for (int i = 0; i < a.size(); i++) {
      changed += a.get(i).cacheKey().equals(b.get(i).cacheKey()) ? 0 : 1;
    }
    assertTrue(changed >= 2 && changed < a.size(), "segments 5 and 8 changed voice, not all: " + changed);
    assertTrue(!a.get(5).voiceId().equals(b.get(5).voiceId()) && !a.get(8).voiceId().equals(b.get(8).voiceId()));
    assertEquals(changed, synthesized, "engine calls on the second job");
    assertEquals(a.size() - changed, second.get("cachedParts").asInt());
  }

  @Test
  void staleAndBadEditsAreRefusedAndChangeNothing() throws Exception {
    String id = newBook();
    assertEquals(200, http.patch("api/books/" + id,
        "{\"baseVersion\":1,\"operations\":[{\"op\":\"merge\",\"from\":\"Wren\",\"into\":\"Keeper Ansel\"}]}").status());
    JsonNode stored = http.get("api/books/" + id).json();

    Http.Reply stale = http.patch("api/books/" + id,
        "{\"baseVersion\":1,\"operations\":[{\"op\":\"rename\",\"role\":\"Narrator\",\"to\":\"Teller\"}]}");
    assertEquals(409, stale.status(), stale.body());
    assertTrue(stale.contentType().startsWith("application/problem+json"), stale.contentType());
    assertTrue(stale.body().contains("the book is at version 2, not 1"), stale.body());

    assertRefused(id, "{\"baseVersion\":2,\"operations\":[{\"op\":\"rename\",\"role\":\"Narrator\",\"to\":\"Teller\"},"
        + "{\"op\":\"merge\",\"from\":\"Wren\",\"into\":\"Narrator\"}]}", "operation 2 (merge): unknown role 'Wren'");
    assertRefused(id, "{\"baseVersion\":2,\"operations\":[{\"op\":\"move\",\"segments\":[3,11],\"to\":\"X\"}]}",
        "segment 11 is out of range: the book has segments 0 to 10");
    assertRefused(id, "{\"baseVersion\":2,\"operations\":[{\"op\":\"rename\",\"role\":\"Narrator\",\"to\":\" \"}]}",
        "to is empty: a role needs a name");
    assertRefused(id, "{\"baseVersion\":2,\"operations\":[{\"op\":\"move\",\"segments\":\"all\",\"to\":\"X\"}]}",
        "segments has the wrong type");
    assertRefused(id, "{\"baseVersion\":2,\"operations\":[]}", "operations is empty");
    assertRefused(id, "{\"baseVersion\":\"two\",\"operations\":[]}", "baseVersion must be a whole number");
    assertRefused(id, "[1,2", "not valid JSON");
    assertEquals(stored, http.get("api/books/" + id).json(), "nothing in the book changed");

    assertEquals(404, http.patch("api/books/abcdefabcdefabcdefabcdefabcdefab",
        "{\"operations\":[{\"op\":\"narrate\",\"segments\":[1]}]}").status());
  }

  static void assertRefused(String id, String body, String says) {
    Http.Reply r = http.patch("api/books/" + id, body);
    assertEquals(400, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    assertTrue(r.body().contains(says), r.body());
  }
}
