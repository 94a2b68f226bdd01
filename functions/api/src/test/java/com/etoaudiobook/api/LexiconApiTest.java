package com.etoaudiobook.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.etoaudiobook.job.JobStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.etoaudiobook.aws.testing.Fixtures;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.job.Ids;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.job.RecordingQueue;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.lexicon.Lexicon;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PUT/GET /api/books/{id}/lexicon, its validation, jobs that use it, and a preview with an entry applied. */
class LexiconApiTest {
  @TempDir
  static Path dir;
  static ApplicationContext context;
  static APIGatewayV2HTTPEventFunction function;
  static ApplicationContext beans;
  static RecordingQueue queue = new RecordingQueue();
  static String bookId;

  @BeforeAll
  static void start() {
    beans = Fixtures.context(dir, queue, Map.of());
    context = beans;
    function = new APIGatewayV2HTTPEventFunction(context);
    bookId = Ids.newId();
    List<String> lines = List.of("Ahab stood on the deck.", "The sea was grey.");
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      segments.add(new Segment(i, 0, i, "Narrator", null, lines.get(i), i * 30, i * 30 + lines.get(i).length()));
    }
    beans.getBean(JobStore.class).saveBook(bookId, new Book("T", null, "en", List.of(new Chapter(0, "One", segments)),
        List.of(new Role("Narrator", 2, 40, lines.get(0), List.of(), null)), new Book.Source("t.md", "markdown", "UTF-8"),
        List.of()));
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  static APIGatewayV2HTTPResponse call(String method, String path, String json) {
    return call(method, path, json, "*/*");
  }

  static APIGatewayV2HTTPResponse call(String method, String path, String json, String accept) {
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("api-health.json");
    e.setRawPath(path);
    e.setRouteKey("ANY /api/{proxy+}");
    e.getRequestContext().getHttp().setPath(path);
    e.getRequestContext().getHttp().setMethod(method);
    if (json != null) {
      Map<String, String> headers = new HashMap<>(e.getHeaders());
      headers.put("content-type", "application/json");
      headers.put("accept", accept);
      e.setHeaders(headers);
      e.setBody(json);
    }
    return function.handleRequest(e, null);
  }

  @Test
  void storedWithTheBookValidatedAndUsedByJobs() {
    String path = "/api/books/" + bookId + "/lexicon";
    APIGatewayV2HTTPResponse empty = call("GET", path, null);
    assertEquals(200, empty.getStatusCode(), empty.getBody());
    assertEquals(0, Json.read(empty.getBody(), JsonNode.class).get("entries").size());

    APIGatewayV2HTTPResponse put = call("PUT", path,
        "{\"entries\":[{\"word\":\"Ahab\",\"respelling\":\"AY-hab\"},{\"word\":\"Pequod\",\"ipa\":\"ˈpɛkwɒd\"}]}");
    assertEquals(200, put.getStatusCode(), put.getBody());
    JsonNode got = Json.read(call("GET", path, null).getBody(), JsonNode.class);
    assertEquals("AY-hab", got.get("entries").get(0).get("respelling").asText());
    assertEquals("ˈpɛkwɒd", got.get("entries").get(1).get("ipa").asText());

    // refusals: 400 problem+json naming the entry, and the stored lexicon is unchanged
    assertProblem(call("PUT", path, "{\"entries\":[{\"word\":\" \",\"respelling\":\"x\"}]}"), 400, "entries[0]: a lexicon entry has an empty word");
    assertProblem(call("PUT", path, "{\"entries\":[{\"word\":\"" + "w".repeat(101) + "\",\"respelling\":\"x\"}]}"), 400, "longer than 100");
    assertProblem(call("PUT", path, "{\"entries\":[{\"word\":\"Ahab\"}]}"), 400, "exactly one pronunciation");
    assertProblem(call("PUT", path, "{\"entries\":[{\"word\":\"Ahab\",\"respelling\":\"<break/>\"}]}"), 400, "not allowed");
    StringBuilder many = new StringBuilder("{\"entries\":[");
    for (int i = 0; i <= Lexicon.MAX_ENTRIES; i++) {
      many.append(i == 0 ? "" : ",").append("{\"word\":\"w").append(i).append("\",\"respelling\":\"x\"}");
    }
    assertProblem(call("PUT", path, many + "]}"), 400, "at most 1000 entries");
    assertProblem(call("PUT", path, "{}"), 400, "entries is required");
    assertProblem(call("PUT", "/api/books/" + Ids.newId() + "/lexicon", "{\"entries\":[]}"), 404, "No book");
    assertEquals(2, Json.read(call("GET", path, null).getBody(), JsonNode.class).get("entries").size());

    queue.parts.clear();
    // the chapter's spoken title left out: the two lines are the parts
    APIGatewayV2HTTPResponse job = call("POST", "/api/jobs", "{\"bookId\":\"" + bookId
        + "\",\"options\":{\"chapterTitles\":false}}");
    assertEquals(202, job.getStatusCode(), job.getBody());
    List<PartSpec> parts = List.copyOf(queue.parts);
    assertEquals(2, parts.size());
    assertEquals(List.of(Lexicon.Entry.respelled("Ahab", "AY-hab")), parts.get(0).lexicon().entries());
    assertNull(parts.get(1).lexicon(), "no entry applies to the second line");
  }

  @Test
  void thePreviewAppliesAnEntryBeingTried() {
    String plain = "{\"voiceName\":\"en-us\",\"text\":\"Giovanelli waits.\"}";
    String tried = "{\"voiceName\":\"en-us\",\"text\":\"Giovanelli waits.\","
        + "\"lexicon\":[{\"word\":\"Giovanelli\",\"respelling\":\"zoo-BOO-ka-LOO-ka-MAR-ee-oh\"}]}";
    APIGatewayV2HTTPResponse a = call("POST", "/api/preview-voice", plain);
    APIGatewayV2HTTPResponse b = call("POST", "/api/preview-voice", tried);
    assertEquals(200, a.getStatusCode(), a.getBody());
    assertEquals(200, b.getStatusCode(), b.getBody());
    // Accept */* (the original clients'): {"audio": base64 MP3}
    byte[] mp3a = Base64.getDecoder().decode(Json.read(a.getBody(), JsonNode.class).get("audio").asText());
    byte[] mp3b = Base64.getDecoder().decode(Json.read(b.getBody(), JsonNode.class).get("audio").asText());
    assertFalse(java.util.Arrays.equals(mp3a, mp3b), "the entry is heard");
    APIGatewayV2HTTPResponse raw = call("POST", "/api/preview-voice", tried, "audio/mpeg");
    assertEquals(200, raw.getStatusCode(), raw.getBody());
    assertTrue(raw.getIsBase64Encoded(), "API Gateway carries the MP3 bytes as base64");
    assertTrue(java.util.Arrays.equals(mp3b, Base64.getDecoder().decode(raw.getBody())), "the same MP3 either way");
    assertTrue(mp3b.length > mp3a.length, "six syllables take longer than four: " + mp3a.length + " vs " + mp3b.length);
    assertProblem(call("POST", "/api/preview-voice",
        "{\"voiceName\":\"en-us\",\"lexicon\":[{\"word\":\"\",\"respelling\":\"x\"}]}"), 400, "empty word");
  }

  @Test
  void synthesizeAppliesTheEntriesItIsGiven() {
    String segments = "\"segments\":[{\"role\":\"Ann\",\"text\":\"Giovanelli waits.\"},"
        + "{\"role\":\"Ann\",\"text\":\"Nobody comes.\"}],\"voiceMapping\":{\"Ann\":\"en-us\"}";
    APIGatewayV2HTTPResponse a = call("POST", "/api/synthesize", "{" + segments + "}");
    APIGatewayV2HTTPResponse b = call("POST", "/api/synthesize", "{" + segments
        + ",\"lexicon\":[{\"word\":\"Giovanelli\",\"respelling\":\"zoo-BOO-ka-LOO-ka-MAR-ee-oh\"}]}");
    assertEquals(200, a.getStatusCode(), a.getBody());
    assertEquals(200, b.getStatusCode(), b.getBody());
    JsonNode plain = Json.read(a.getBody(), JsonNode.class).get("audioSegments");
    JsonNode tried = Json.read(b.getBody(), JsonNode.class).get("audioSegments");
    byte[] first = Base64.getDecoder().decode(plain.get(0).get("audio").asText());
    byte[] firstTried = Base64.getDecoder().decode(tried.get(0).get("audio").asText());
    assertTrue(firstTried.length > first.length, "the entry is heard: " + first.length + " vs " + firstTried.length);
    assertEquals(plain.get(1).get("audio").asText(), tried.get(1).get("audio").asText(),
        "a line without the word is the same audio");
    assertProblem(call("POST", "/api/synthesize", "{" + segments
        + ",\"lexicon\":[{\"word\":\"\",\"respelling\":\"x\"}]}"), 400, "empty word");
  }

  private static void assertProblem(APIGatewayV2HTTPResponse r, int status, String detail) {
    assertEquals(status, r.getStatusCode(), r.getBody());
    assertTrue(ApiFunctionTest.header(r, "Content-Type").startsWith("application/problem+json"));
    assertTrue(r.getBody().contains(detail), r.getBody());
  }
}
