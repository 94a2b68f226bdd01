package com.etoaudiobook.local;

import com.etoaudiobook.audio.Ffmpeg;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The original EtoAudioBook clients' requests, replayed as they sent them: a JSON body, and either no
 * Accept (fetch, Java's HttpClient) or axios' "application/json, text/plain, *&#47;*"; they read
 * {@code {"audio"}} and {@code {"audioSegments": [{role, text, audio}]}} with base64 MP3s. Every answer
 * must decode as MP3 (ffmpeg, the reference decoder). Asking for audio/mpeg gets the bytes themselves.
 */
class OriginalClientsTest {
  static final String AXIOS_ACCEPT = "application/json, text/plain, */*";
  static final String PREVIEW = "{\"voiceName\":\"en-us\",\"languageCode\":\"en-US\",\"text\":\"Hello from the original client.\"}";
  static final String SYNTHESIZE = """
      {"segments":[{"role":"Narrator","text":"The lamp was lit at dusk."},
                   {"speaker":"Wren","text":"Is the tide coming in?"}],
       "voiceMapping":{"Narrator":{"voiceName":"en-us","languageCode":"en-US"},
                       "Wren":{"voiceName":"en-gb-x-rp","languageCode":"en-GB"}}}
      """;

  @TempDir
  static Path dir;
  static LocalRuntime runtime;
  static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    runtime = LocalRuntime.start(new LocalRuntime.Options(0, dir.resolve("data"), null, 2, 3, 20,
        EspeakEngine.instance()));
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  static HttpResponse<byte[]> post(String path, String json, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(runtime.url().resolve(path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (accept != null) {
      b.header("Accept", accept);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Decodes the MP3 with ffmpeg (failing on any decoder error); returns its length in seconds. */
  static double decodedSeconds(byte[] mp3, String name) throws Exception {
    Path file = dir.resolve(name + ".mp3");
    Files.write(file, mp3);
    assertTrue(Ffmpeg.decodedSamples(file) > 0, name + " decodes to no samples");
    return Ffmpeg.duration(file);
  }

  static JsonNode json(HttpResponse<byte[]> r) {
    assertEquals(200, r.statusCode(), new String(r.body()));
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        r.headers().toString());
    return Json.read(r.body(), JsonNode.class);
  }

  @Test
  void previewAnswersTheOriginalJsonWithABase64Mp3() throws Exception {
    for (String accept : new String[] {null, AXIOS_ACCEPT, "*/*", "application/json"}) {
      JsonNode body = json(post("api/preview-voice", PREVIEW, accept));
      assertEquals(1, body.size(), "only {audio}: " + body);
      double seconds = decodedSeconds(Base64.getDecoder().decode(body.get("audio").asText()), "preview");
      assertTrue(seconds > 0.8, "a spoken sentence, not a click: " + seconds + " s (Accept " + accept + ")");
    }
  }

  @Test
  void previewGivesTheMp3ItselfToAClientThatAsksForAudio() throws Exception {
    HttpResponse<byte[]> r = post("api/preview-voice", PREVIEW, "audio/mpeg");
    assertEquals(200, r.statusCode(), new String(r.body()));
    assertEquals("audio/mpeg", r.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(decodedSeconds(r.body(), "preview-raw") > 0.8);
  }

  @Test
  void synthesizeTakesTheOriginalVoiceMappingAndAnswersAudioSegments() throws Exception {
    JsonNode segments = json(post("api/synthesize", SYNTHESIZE, AXIOS_ACCEPT)).get("audioSegments");
    assertEquals(2, segments.size(), segments.toString());
    assertEquals("Narrator", segments.get(0).get("role").asText());
    assertEquals("The lamp was lit at dusk.", segments.get(0).get("text").asText());
    assertEquals("Wren", segments.get(1).get("role").asText(), "a segment's speaker is its role");
    double each = 0;
    for (int i = 0; i < 2; i++) {
      double s = decodedSeconds(Base64.getDecoder().decode(segments.get(i).get("audio").asText()), "segment" + i);
      assertTrue(s > 0.5, "segment " + i + " is " + s + " s");
      each += s;
    }
    // the same request for audio/mpeg: one file, both segments and the segment pause between them
    HttpResponse<byte[]> raw = post("api/synthesize", SYNTHESIZE, "audio/mpeg");
    assertEquals(200, raw.statusCode(), new String(raw.body()));
    assertEquals("audio/mpeg", raw.headers().firstValue("Content-Type").orElseThrow());
    double joined = decodedSeconds(raw.body(), "joined");
    double pause = com.etoaudiobook.job.assembly.Pauses.DEFAULT.segmentMs() / 1000.0;
    assertEquals(each + pause, joined, 0.1, "two segments and one pause");
  }

  @Test
  void aVoiceAsAPlainIdStillWorksAndAMissingOneIsNamed() throws Exception {
    String plain = "{\"segments\":[{\"role\":\"A\",\"text\":\"Hi.\"}],\"voiceMapping\":{\"A\":\"en-us\"}}";
    assertEquals(1, json(post("api/synthesize", plain, null)).get("audioSegments").size());
    HttpResponse<byte[]> missing = post("api/synthesize",
        "{\"segments\":[{\"role\":\"B\",\"text\":\"Hi.\"}],\"voiceMapping\":{\"A\":{\"voiceName\":\"en-us\"}}}", null);
    assertEquals(400, missing.statusCode());
    assertTrue(new String(missing.body()).contains("no voice for role 'B'"), new String(missing.body()));
  }
}
