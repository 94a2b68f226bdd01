package com.etoaudiobook.local;

import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.aws.VoiceCatalog;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.voice.Voice;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Voice list caching (ETag/304), free second previews, cost estimates and a rerun that bills nothing. */
class VoicesPreviewCostTest {
  /** eSpeak NG that counts its calls and bills like a cloud engine (one per character), so billing shows. */
  static final class CountingEngine extends EspeakWrapper {
    final AtomicInteger synthesizeCalls = new AtomicInteger();
    final AtomicInteger voiceCalls = new AtomicInteger();

    @Override
    public List<Voice> voices() {
      voiceCalls.incrementAndGet();
      return real.voices();
    }

    @Override
    public Speech synthesize(SpeechRequest request) {
      synthesizeCalls.incrementAndGet();
      Speech s = real.synthesize(request);
      return new Speech(s.pcm(), s.mp3(), s.sampleRate(), s.marks(), request.text().length());
    }
  }

  @TempDir
  static Path dir;
  static CountingEngine engine = new CountingEngine();
  static LocalRuntime runtime;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    runtime = LocalRuntime.start(new LocalRuntime.Options(0, dir.resolve("data"), null, 2, 3, 20, engine));
    http = new Http(runtime.url());
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  static HttpResponse<byte[]> send(HttpRequest request) throws Exception {
    return http.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aConditionalVoiceListRequestGets304() throws Exception {
    URI uri = runtime.url().resolve("api/voices?language=en");
    HttpResponse<byte[]> first = send(HttpRequest.newBuilder(uri).build());
    assertEquals(200, first.statusCode());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertTrue(first.headers().firstValue("Cache-Control").orElseThrow().contains("max-age"));
    HttpResponse<byte[]> again = send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build());
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
    HttpResponse<byte[]> other = send(HttpRequest.newBuilder(runtime.url().resolve("api/voices?language=fr"))
        .header("If-None-Match", etag).build());
    assertEquals(200, other.statusCode(), "another list has another ETag");
    assertEquals(1, engine.voiceCalls.get(), "the engine was asked once; the catalog cached the rest");
    assertTrue(runtime.bean(VoiceCatalog.class).stats().caffeineHits() >= 3);
  }

  @Test
  void aSecondPreviewIsServedFromTheCacheWithoutTheEngine() throws Exception {
    String body = "{\"voiceName\":\"en-us+f3\",\"text\":\"Preview number " + System.nanoTime() + ".\"}";
    HttpRequest request = HttpRequest.newBuilder(runtime.url().resolve("api/preview-voice"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    int before = engine.synthesizeCalls.get();
    HttpResponse<byte[]> first = send(request);
    assertEquals(200, first.statusCode(), new String(first.body()));
    assertEquals("miss", first.headers().firstValue("X-Cache").orElseThrow());
    assertEquals(before + 1, engine.synthesizeCalls.get());
    HttpResponse<byte[]> second = send(request);
    assertEquals(200, second.statusCode());
    assertEquals("hit", second.headers().firstValue("X-Cache").orElseThrow());
    assertEquals(before + 1, engine.synthesizeCalls.get(), "the second preview did not reach the engine");
    assertEquals(first.body().length, second.body().length);
    HttpResponse<byte[]> tooLong = send(HttpRequest.newBuilder(runtime.url().resolve("api/preview-voice"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"voiceName\":\"en-us+f3\",\"text\":\"" + "a".repeat(301) + "\"}"))
        .build());
    assertEquals(413, tooLong.statusCode());
  }

  @Test
  void aCastingIsPricedBeforeTheJobAndARerunFromTheCacheBillsNothing() {
    String script = "# Costs\n\n**Ann:** A line that costs money.\n\n**Bob:** Another line, also paid for.\n";
    String uploadId = upload("costs.md", script.getBytes());
    Http.Reply created = http.post("api/books", "{\"uploadId\":\"" + uploadId + "\"}");
    assertEquals(201, created.status(), created.body());
    JsonNode book = created.json();
    String bookId = book.get("id").asText();
    long characters = book.get("stats").get("characters").asLong();
    assertNotNull(book.get("cost"));

    // an engine the voice does not have is refused, as a job would refuse it
    Http.Reply neural = http.post("api/books/" + bookId + "/estimate",
        "{\"casting\":{\"Ann\":{\"voiceId\":\"en-us+f3\",\"engine\":\"neural\"},\"Bob\":{\"voiceId\":\"en+m3\"}}}");
    assertEquals(400, neural.status(), neural.body());
    assertTrue(neural.body().contains("Ann") && neural.body().contains("neural"), neural.body());

    Http.Reply estimate = http.post("api/books/" + bookId + "/estimate",
        "{\"casting\":{\"Ann\":{\"voiceId\":\"en-us+f3\"},\"Bob\":{\"voiceId\":\"en+m3\"}}}");
    assertEquals(200, estimate.status(), estimate.body());
    JsonNode e = estimate.json();
    long ann = "A line that costs money.".length();
    long bob = "Another line, also paid for.".length();
    assertEquals(ann + bob, e.get("characters").asLong());
    assertEquals(characters, e.get("characters").asLong());
    assertEquals(ann + bob, e.get("byEngine").get("espeak").asLong());
    assertEquals(0.0, e.get("usd").asDouble(), 1e-9, "eSpeak NG costs nothing");
    assertEquals(404, http.post("api/books/" + "0".repeat(32) + "/estimate", "{}").status());
    assertEquals(400, http.post("api/books/" + bookId + "/estimate",
        "{\"casting\":{\"Ann\":{\"voiceId\":\"\"}}}").status());

    String job = "{\"bookId\":\"" + bookId + "\",\"casting\":{\"Ann\":{\"voiceId\":\"en-us+f3\"},"
        + "\"Bob\":{\"voiceId\":\"en+m3\"}}}";
    JsonNode first = waitDone(http.post("api/jobs", job).json().get("id").asText());
    assertEquals(ann + bob, first.get("billedCharacters").asLong());
    assertEquals(0, first.get("cachedParts").asInt());
    int calls = engine.synthesizeCalls.get();
    JsonNode rerun = waitDone(http.post("api/jobs", job).json().get("id").asText());
    assertEquals(0, rerun.get("billedCharacters").asLong(), "a rerun from the synthesis cache bills nothing");
    assertEquals(rerun.get("parts").get("total").asInt(), rerun.get("cachedParts").asInt());
    assertEquals(calls, engine.synthesizeCalls.get());
  }

  static String upload(String name, byte[] content) {
    return http.upload(name, content);
  }

  static JsonNode waitDone(String jobId) {
    return http.until("api/jobs/" + jobId, j -> j.get("state").asText().equals("DONE"), Duration.ofSeconds(90));
  }
}
