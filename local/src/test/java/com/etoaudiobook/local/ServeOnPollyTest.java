package com.etoaudiobook.local;

import com.etoaudiobook.audio.Ffmpeg;
import com.etoaudiobook.audio.VoiceLevelStore;
import com.etoaudiobook.aws.PollyEngine;
import com.etoaudiobook.aws.testing.FakePolly;
import com.etoaudiobook.aws.testing.PollyStub;
import com.etoaudiobook.storage.FileVoiceLevelStore;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local runtime on Amazon Polly, here a local server speaking Polly's protocol with its
 * quotas, wired as `serve --engine polly` wires it (default credential chain, POLLY_ENDPOINT).
 */
class ServeOnPollyTest {
  @TempDir
  static Path dir;
  static FakePolly polly;
  static LocalRuntime runtime;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    polly = PollyStub.start(0, PollyStub.QUOTAS);
    // as `serve --engine polly`: the runtime's one bean graph builds the engine (POLLY_ENGINE, POLLY_ENDPOINT)
    runtime = LocalRuntime.start(new LocalRuntime.Options(0, dir.resolve("data"), null, 3, 3, 60, PollyEngine.PROVIDER),
        Map.of("polly.engine", "neural", "polly.endpoint", polly.endpoint().toString()));
    assertTrue(runtime.engine() instanceof PollyEngine, "engine: " + runtime.engine());
    http = new Http(runtime.url());
  }

  @AfterAll
  static void stop() {
    runtime.close();
    polly.close();
  }

  @BeforeEach
  void reset() {
    polly.reset();
  }

  private static String book(String script) {
    String upload = http.upload("book.md", script.getBytes());
    Http.Reply book = http.post("api/books", "{\"uploadId\":\"" + upload + "\"}");
    assertEquals(201, book.status(), book.body());
    return book.json().get("id").asText();
  }

  @Test
  void voicesPreviewsCastingAndJobsUsePolly() throws Exception {
    JsonNode voices = http.get("api/voices").json().get("voices");
    assertEquals(FakePolly.LIBRARY.size(), voices.size(), voices.toString());
    assertEquals("polly", voices.get(0).get("provider").asText());
    Http.Reply preview = http.post("api/preview-voice", "{\"voiceName\":\"Ruth\"}");
    assertEquals(200, preview.status(), preview.body());
    assertTrue(polly.speechCalls().stream().anyMatch(c -> c.body().path("VoiceId").asText().equals("Ruth")));

    String bookId = book(new String(Files.readAllBytes(Samples.file("demo-story.md"))));
    Http.Reply created = http.post("api/jobs", "{\"bookId\":\"" + bookId + "\"}");
    assertEquals(202, created.status(), created.body());
    JsonNode job = http.until("api/jobs/" + created.json().get("id").asText(),
        j -> j.get("state").asText().equals("DONE"), Duration.ofSeconds(60));
    Path mp3 = dir.resolve("polly.mp3");
    http.download(job.get("outputs").get("audiobook").asText(), mp3);
    assertEquals(2, Ffmpeg.chapters(mp3).size());
    assertEquals(0, polly.throttled(), "paced to the quota");
    assertTrue(polly.speechCalls().stream().allMatch(c -> c.body().path("Engine").asText().equals("neural")));
    if (System.getenv("REDIS_URL") == null || System.getenv("REDIS_URL").isBlank()) {
      // the voices' learned levels (of speech: this stub's silence teaches none), kept for the next start
      assertEquals(new FileVoiceLevelStore(dir.resolve("data/voice-levels.properties")).toString(),
          runtime.context().getBean(VoiceLevelStore.class).toString());
    }
  }

  @Test
  void aCastingOnPollyIsPricedByEngine() {
    String bookId = book("# Costs\n\n**Ann:** A line that costs money.\n\n**Bob:** Another line, also paid for.\n");
    Http.Reply estimate = http.post("api/books/" + bookId + "/estimate",
        "{\"casting\":{\"Ann\":{\"voiceId\":\"Joanna\",\"engine\":\"neural\"},"
            + "\"Bob\":{\"voiceId\":\"Matthew\",\"engine\":\"standard\"}}}");
    assertEquals(200, estimate.status(), estimate.body());
    JsonNode e = estimate.json();
    long ann = "A line that costs money.".length();
    long bob = "Another line, also paid for.".length();
    assertEquals(ann, e.get("byEngine").get("neural").asLong());
    assertEquals(bob, e.get("byEngine").get("standard").asLong());
    assertEquals(Math.round((ann * 16.0 + bob * 4.0) / 1_000_000 * 10000) / 10000.0, e.get("usd").asDouble(), 1e-9);
  }

  @Test
  void castingIsCheckedAgainstPollysVoicesAndEnginesWhenTheJobIsMade() {
    String bookId = book("# Check\n\n**Ann:** One line.\n\n**Bob:** Another.\n");
    Http.Reply turbo = http.post("api/jobs", "{\"bookId\":\"" + bookId
        + "\",\"casting\":{\"Bob\":{\"voiceId\":\"Joanna\",\"engine\":\"turbo\"}}}");
    assertEquals(400, turbo.status(), turbo.body());
    assertTrue(turbo.body().contains("Bob") && turbo.body().contains("Joanna") && turbo.body().contains("turbo"),
        turbo.body());
    Http.Reply lacking = http.post("api/jobs", "{\"bookId\":\"" + bookId
        + "\",\"casting\":{\"Ann\":{\"voiceId\":\"Stephen\",\"engine\":\"standard\"}}}");
    assertEquals(400, lacking.status(), lacking.body());
    assertTrue(lacking.body().contains("Ann") && lacking.body().contains("Stephen"), lacking.body());
    // counted by text: a job of another test may still be running
    assertTrue(polly.speechCalls().stream().noneMatch(c -> c.body().path("Text").asText().contains("One line")),
        "nothing was synthesized");
  }

  @Test
  void textPollyRefusesFailsTheJobWithinSecondsAfterOneCall() {
    String bookId = book("# Refused\n\n**Ann:** Polly will refuse this line.\n");
    polly.failAlways(new FakePolly.Failure(400, "InvalidSsmlException", "Invalid SSML request"));
    long t0 = System.nanoTime();
    String jobId = http.post("api/jobs", "{\"bookId\":\"" + bookId + "\"}").json().get("id").asText();
    JsonNode failed = http.until("api/jobs/" + jobId, j -> j.get("state").asText().equals("FAILED"),
        Duration.ofSeconds(10));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertTrue(failed.get("failures").get(0).get("reason").asText().contains("InvalidSsmlException"),
        failed.toString());
    // counted by text: a job of another test may still be settling
    assertEquals(1, polly.speechCalls().stream()
        .filter(c -> c.body().path("Text").asText().contains("Polly will refuse")).count(),
        "one engine call, no redelivery");
    assertTrue(seconds < 10, seconds + " s");
    System.out.printf(java.util.Locale.ROOT, "refused text: job FAILED %.2f s after POST, after 1 engine call%n", seconds);
  }

  @Test
  void afterACancelNoEngineCallStartsForTheJobASecondLater() throws Exception {
    StringBuilder script = new StringBuilder("# Long\n\n");
    for (int i = 0; i < 80; i++) {
      script.append(i % 2 == 0 ? "**Ann:** " : "**Bob:** ").append("Line ").append(i).append(" goes on.\n\n");
    }
    String bookId = book(script.toString());
    String jobId = http.post("api/jobs", "{\"bookId\":\"" + bookId + "\"}").json().get("id").asText();
    while (polly.speechCalls().size() < 10) { // 8 calls per second: 160 calls would take 20 s
      Thread.sleep(20);
    }
    // one JVM: the API's cancel reaches the workers in memory, not by their reading the job every half second
    assertTrue(runtime.bean(com.etoaudiobook.job.CancelSignal.class) instanceof com.etoaudiobook.job.InProcessCancelSignal);
    Http.Reply cancelled = http.delete("api/jobs/" + jobId);
    long returned = System.nanoTime();
    assertEquals(200, cancelled.status(), cancelled.body());
    Thread.sleep(3000);
    long late = polly.speechCalls().stream().filter(c -> c.atNanos() > returned + 1_000_000_000L).count();
    assertEquals(0, late, "engine calls more than a second after the cancel");
    long lastCall = polly.speechCalls().stream().mapToLong(FakePolly.Call::atNanos).max().orElse(returned);
    System.out.printf(java.util.Locale.ROOT, "cancel: last engine call %d ms after the DELETE returned%n",
        (lastCall - returned) / 1_000_000);
    // the book and its casting still make a new job
    Http.Reply again = http.post("api/jobs", "{\"bookId\":\"" + bookId + "\"}");
    assertEquals(202, again.status(), again.body());
    http.delete("api/jobs/" + again.json().get("id").asText());
  }

  @Test
  void anIdempotencyKeyMakesOneJobForOneRequest() {
    String bookId = book("# Once\n\n**Ann:** Said once.\n");
    String body = "{\"bookId\":\"" + bookId + "\"}";
    String key = "retry-" + System.nanoTime();
    Http.Reply first = http.send(post(body, key));
    Http.Reply again = http.send(post(body, key));
    assertEquals(202, first.status(), first.body());
    assertEquals(202, again.status(), again.body());
    assertEquals(first.json().get("id"), again.json().get("id"), "the retry gets the first job");
    Http.Reply other = http.send(post("{\"bookId\":\"" + bookId + "\",\"casting\":{\"Ann\":{\"voiceId\":\"Ruth\"}}}",
        key));
    assertEquals(422, other.status(), other.body());
    Http.Reply fresh = http.send(post(body, key + "-2"));
    assertTrue(!fresh.json().get("id").equals(first.json().get("id")), "another key, another job");
    assertEquals(202, http.send(post(body, null)).status(), "no key: a job each time");
    assertEquals(400, http.send(post(body, "bad key with spaces")).status());
  }

  private static java.net.http.HttpRequest post(String json, String key) {
    var b = java.net.http.HttpRequest.newBuilder(runtime.url().resolve("api/jobs"))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return b.build();
  }

  @Test
  void serveRefusesAnUnknownEngineAndEngineIsAnOptionOfServeOnly() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main main = new Main(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    assertEquals(2, main.run(new String[] {"serve", "--engine", "festival", "--port", "0"}));
    assertTrue(err.toString().contains("espeak or polly"), err.toString());
    assertEquals(2, main.run(new String[] {"parse", "x.md", "--engine", "polly"}));
    assertTrue(err.toString().contains("serve only"), err.toString());
  }
}
