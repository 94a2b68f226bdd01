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
 * application/x-json-stream), and errors as x-amzn-ErrorType + {"message": ...}: ValidationException
 * for an unknown voice, EngineNotSupportedException for an engine the voice lacks. Every request is
 * recorded; scripted failures are served before the normal answer.
 *
 * <p>As a Polly that throttles ({@link #withQuotas}): a token bucket per engine refills at the
 * engine's quota (one second's worth of burst) and a speech request finding it empty gets
 * ThrottlingException; each request takes a time proportional to its text ({@link #withLatency});
 * the audio lasts in proportion to the text. Runnable on its own: see {@link PollyStub}.
 */
public final class FakePolly implements AutoCloseable {
  /** A recorded request: method, path, query parameters, JSON body (or null), and when it came (nanoTime). */
  public record Call(String method, String path, Map<String, String> query, JsonNode body, long atNanos) {
  }

  /** A scripted error response. */
  public record Failure(int status, String errorType, String message) {
  }

  private final HttpServer server;
  private final byte[] mp3;
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Failure> speechFailures = new ConcurrentLinkedDeque<>();
  private volatile Failure alwaysFail;
  private volatile List<Map<String, Object>> voices = VOICES;
  private final Map<String, Bucket> buckets = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong throttled = new java.util.concurrent.atomic.AtomicLong();
  private volatile Speaker speaker;
  private volatile double baseMillis;
  private volatile double millisPerChar;

  /** @param mp3 the audio of every speech request, or null for silence lasting in proportion to the text */
  public FakePolly(byte[] mp3) throws IOException {
    this(mp3, 0);
  }

  /** @param port the port to listen on, 0 for any free one */
  public FakePolly(byte[] mp3, int port) throws IOException {
    this.mp3 = mp3;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    server.createContext("/v1/voices", this::voices);
    server.createContext("/v1/speech", this::speech);
    // requests take time (latency): one thread each, as Polly serves them side by side
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(
        com.etoaudiobook.concurrent.DaemonThreads.named("fake-polly")));
    server.start();
  }

  /** Speech requests per second by engine ("neural" → 8.0); an engine without one is not limited. */
  public FakePolly withQuotas(Map<String, Double> perSecond) {
    perSecond.forEach((engine, rate) -> buckets.put(engine, new Bucket(rate)));
    return this;
  }

  /** Each speech request takes {@code baseMillis} plus {@code millisPerChar} per character of its text. */
  public FakePolly withLatency(double baseMillis, double millisPerChar) {
    this.baseMillis = baseMillis;
    this.millisPerChar = millisPerChar;
    return this;
  }

  /** Serves these voices (DescribeVoices shapes, see {@link #LIBRARY}) instead of the three default ones. */
  public FakePolly withVoices(List<Map<String, Object>> voices) {
    this.voices = List.copyOf(voices);
    return this;
  }

  /** The audio of a speech request (MP3 frames), for a stub that speaks instead of keeping silent. */
  public interface Speaker {
    byte[] speak(String voiceId, String engine, String text);
  }

  /** Answers speech requests with {@code speaker}'s audio (unless fixed audio was given). */
  public FakePolly withSpeech(Speaker speaker) {
    this.speaker = speaker;
    return this;
  }

  /** Speech requests answered with ThrottlingException. */
  public long throttled() {
    return throttled.get();
  }

  /** A token bucket refilled continuously at {@code rate} per second, holding at most one second's worth. */
  private static final class Bucket {
    final double rate;
    double tokens;
    long last = System.nanoTime();

    Bucket(double rate) {
      this.rate = rate;
      this.tokens = rate;
    }

    synchronized boolean take() {
      long now = System.nanoTime();
      tokens = Math.min(rate, tokens + (now - last) / 1e9 * rate);
      last = now;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
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
    throttled.set(0);
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

  /** A larger set of Polly's voices (US and British English, every engine), for books with many roles. */
  public static final List<Map<String, Object>> LIBRARY = List.of(
      voice("Joanna", "Female", "en-US", "US English", List.of("generative", "long-form", "neural", "standard"),
          List.of()),
      voice("Matthew", "Male", "en-US", "US English", List.of("generative", "neural", "standard"), List.of()),
      voice("Ruth", "Female", "en-US", "US English", List.of("generative", "long-form", "neural"), List.of()),
      voice("Stephen", "Male", "en-US", "US English", List.of("generative", "neural"), List.of()),
      voice("Ivy", "Female", "en-US", "US English", List.of("neural", "standard"), List.of()),
      voice("Joey", "Male", "en-US", "US English", List.of("neural", "standard"), List.of()),
      voice("Kendra", "Female", "en-US", "US English", List.of("neural", "standard"), List.of()),
      voice("Justin", "Male", "en-US", "US English", List.of("neural", "standard"), List.of()),
      voice("Salli", "Female", "en-US", "US English", List.of("neural", "standard"), List.of()),
      voice("Gregory", "Male", "en-US", "US English", List.of("long-form", "neural"), List.of()),
      voice("Amy", "Female", "en-GB", "British English", List.of("generative", "neural", "standard"), List.of()),
      voice("Brian", "Male", "en-GB", "British English", List.of("neural", "standard"), List.of()));

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
    calls.add(new Call(ex.getRequestMethod(), ex.getRequestURI().getPath(), q, null, System.nanoTime()));
    String engine = q.get("Engine");
    List<Map<String, Object>> forEngine = voices.stream()
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
    calls.add(new Call(ex.getRequestMethod(), ex.getRequestURI().getPath(), query(ex.getRequestURI()), body,
        System.nanoTime()));
    Failure f = speechFailures.poll();
    if (f == null) {
      f = alwaysFail;
    }
    if (f == null) {
      f = refusal(body);
    }
    if (f != null) {
      send(ex, f.status(), "application/json",
          Json.write(Map.of("message", f.message())), Map.of("x-amzn-ErrorType", f.errorType()));
      return;
    }
    String text = body.path("Text").asText();
    sleep(baseMillis + millisPerChar * text.length());
    boolean ssml = "ssml".equals(body.path("TextType").asText());
    String billed = Integer.toString(billedCharacters(text, ssml));
    if ("json".equals(body.path("OutputFormat").asText())) {
      send(ex, 200, "application/x-json-stream", marks(text).getBytes(StandardCharsets.UTF_8),
          Map.of("x-amzn-RequestCharacters", billed));
    } else {
      Speaker s = speaker;
      byte[] audio = mp3 != null ? mp3 : s != null
          ? s.speak(body.path("VoiceId").asText(), body.path("Engine").asText("standard"), text) : silence(text.length());
      send(ex, 200, "audio/mpeg", audio,
          Map.of("x-amzn-RequestCharacters", billed));
    }
  }

  /** What Polly answers instead of speech: an unknown voice, an engine the voice lacks, no quota left. */
  private Failure refusal(JsonNode body) {
    String id = body.path("VoiceId").asText();
    String engine = body.path("Engine").asText("standard");
    Map<String, Object> voice = voices.stream().filter(v -> v.get("Id").equals(id)).findFirst().orElse(null);
    if (voice == null) {
      return new Failure(400, "ValidationException", "1 validation error detected: Value '" + id
          + "' at 'voiceId' failed to satisfy constraint: Member must satisfy enum value set");
    }
    if (!((List<?>) voice.get("SupportedEngines")).contains(engine)) {
      return new Failure(400, "EngineNotSupportedException", "This voice does not support the selected engine: "
          + engine);
    }
    Bucket bucket = buckets.get(engine);
    if (bucket != null && !bucket.take()) {
      throttled.incrementAndGet();
      return new Failure(400, "ThrottlingException", "Rate exceeded");
    }
    return null;
  }

  /** Silence lasting about 50 ms per character, as speech of the text would. */
  private static byte[] silence(int chars) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      com.etoaudiobook.audio.SilenceFrame.write(out, Math.max(4, chars * 2));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void sleep(double millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep((long) millis, (int) ((millis % 1) * 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
