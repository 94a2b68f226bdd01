package com.etoaudiobook.aws.testing;

import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A stand-in for Amazon Polly on 127.0.0.1 that speaks its REST-JSON wire protocol with the
 * response shapes of the API reference: GET /v1/voices (paged with NextToken) and POST /v1/speech
 * (an audio/mpeg stream with x-amzn-RequestCharacters, or speech marks as
 * application/x-json-stream), and errors as x-amzn-ErrorType + {"message": ...}. Every request is
 * recorded; scripted failures are served before the normal answer.
 */
public final class FakePolly implements AutoCloseable {
  /** A recorded request: method, path, query parameters and JSON body (or null). */
  public record Call(String method, String path, Map<String, String> query, JsonNode body) {
  }

  /** A scripted error response. */
  public record Failure(int status, String errorType, String message) {
  }

  private final HttpServer server;
  private final byte[] mp3;
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Failure> speechFailures = new ConcurrentLinkedDeque<>();
  private volatile Failure alwaysFail;

  public FakePolly(byte[] mp3) throws IOException {
    this.mp3 = mp3;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/voices", this::voices);
    server.createContext("/v1/speech", this::speech);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public List<Call> speechCalls() {
    return calls().stream().filter(c -> c.path().equals("/v1/speech")).toList();
  }

  public void reset() {
    calls.clear();
    speechFailures.clear();
    alwaysFail = null;
  }

  /** The next speech requests fail like this, one each, then requests succeed again. */
  public void failNext(Failure... failures) {
    speechFailures.addAll(List.of(failures));
  }

  /** Every speech request fails like this until reset. */
  public void failAlways(Failure failure) {
    alwaysFail = failure;
  }

  // Three voices over two pages per engine, as DescribeVoices returns them.
  private static final List<Map<String, Object>> VOICES = List.of(
      voice("Joanna", "Female", "en-US", "US English", List.of("generative", "long-form", "neural", "standard"),
          List.of()),
      voice("Matthew", "Male", "en-US", "US English", List.of("standard"), List.of()),
      voice("Lea", "Female", "fr-FR", "French", List.of("neural", "standard"), List.of("en-GB")));

  private static Map<String, Object> voice(String id, String gender, String lang, String langName,
                                           List<String> engines, List<String> additional) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("Gender", gender);
    v.put("Id", id);
    v.put("LanguageCode", lang);
    v.put("LanguageName", langName);
    v.put("Name", id);
    v.put("SupportedEngines", engines);
    if (!additional.isEmpty()) {
      v.put("AdditionalLanguageCodes", additional);
    }
    return v;
  }

  private void voices(HttpExchange ex) throws IOException {
    Map<String, String> q = query(ex.getRequestURI());
    calls.add(new Call(ex.getRequestMethod(), ex.getRequestURI().getPath(), q, null));
    String engine = q.get("Engine");
    List<Map<String, Object>> forEngine = VOICES.stream()
        .filter(v -> engine == null || ((List<?>) v.get("SupportedEngines")).contains(engine)).toList();
    boolean second = "page-2".equals(q.get("NextToken"));
    Map<String, Object> body = new LinkedHashMap<>();
    if (!second) {
      body.put("NextToken", forEngine.size() > 1 ? "page-2" : null);
      body.put("Voices", forEngine.subList(0, Math.min(1, forEngine.size())));
    } else {
      body.put("Voices", forEngine.subList(1, forEngine.size()));
    }
    if (body.get("NextToken") == null) {
      body.remove("NextToken");
    }
    send(ex, 200, "application/json", Json.write(body), Map.of());
  }

  private void speech(HttpExchange ex) throws IOException {
    JsonNode body = Json.read(ex.getRequestBody().readAllBytes(), JsonNode.class);
    calls.add(new Call(ex.getRequestMethod(), ex.getRequestURI().getPath(), query(ex.getRequestURI()), body));
    Failure f = speechFailures.poll();
    if (f == null) {
      f = alwaysFail;
    }
    if (f != null) {
      send(ex, f.status(), "application/json",
          Json.write(Map.of("message", f.message())), Map.of("x-amzn-ErrorType", f.errorType()));
      return;
    }
    String text = body.path("Text").asText();
    boolean ssml = "ssml".equals(body.path("TextType").asText());
    String billed = Integer.toString(billedCharacters(text, ssml));
    if ("json".equals(body.path("OutputFormat").asText())) {
      send(ex, 200, "application/x-json-stream", marks(text).getBytes(StandardCharsets.UTF_8),
          Map.of("x-amzn-RequestCharacters", billed));
    } else {
      send(ex, 200, "audio/mpeg", mp3, Map.of("x-amzn-RequestCharacters", billed));
    }
  }

  /** Characters Polly bills: the text without SSML tags, entities counting as one character. */
  static int billedCharacters(String text, boolean ssml) {
    if (!ssml) {
      return text.length();
    }
    String noTags = text.replaceAll("<[^>]*>", "");
    return noTags.replaceAll("&[a-z]+;", "x").length();
  }

  /**
   * Speech marks as Polly makes them: one sentence mark for the spoken text and a word mark per
   * whitespace-separated token outside tags, with UTF-8 byte offsets into the text as sent.
   */
  static String marks(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<int[]> words = new ArrayList<>();
    boolean inTag = false;
    int start = -1;
    for (int i = 0; i <= bytes.length; i++) {
      int b = i < bytes.length ? bytes[i] & 0xff : ' ';
      if (inTag) {
        if (b == '>') {
          inTag = false;
        }
        continue;
      }
      boolean separator = b == ' ' || b == '\n' || b == '\t' || b == '<';
      if (separator && start >= 0) {
        words.add(new int[] {start, i});
        start = -1;
      } else if (!separator && start < 0) {
        start = i;
      }
      if (b == '<') {
        inTag = true;
      }
    }
    StringBuilder out = new StringBuilder();
    if (!words.isEmpty()) {
      int s = words.get(0)[0];
      int e = words.get(words.size() - 1)[1];
      out.append(mark(0, "sentence", s, e, bytes)).append('\n');
    }
    long time = 6;
    for (int[] w : words) {
      out.append(mark(time, "word", w[0], w[1], bytes)).append('\n');
      time += 250;
    }
    return out.toString();
  }

  private static String mark(long time, String type, int start, int end, byte[] bytes) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", time);
    m.put("type", type);
    m.put("start", start);
    m.put("end", end);
    m.put("value", new String(bytes, start, end - start, StandardCharsets.UTF_8));
    return Json.writeString(m);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> q = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        q.put(k, v);
      }
    }
    return q;
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body, Map<String, String> headers)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
