package com.etoaudiobook.local;

import com.etoaudiobook.api.ratelimit.RateLimiter;
import com.etoaudiobook.api.ratelimit.RateLimits;
import com.etoaudiobook.api.ratelimit.RedisRateLimiter;
import com.etoaudiobook.api.ratelimit.ResilientRateLimiter;
import com.etoaudiobook.aws.testing.OwnRedis;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limiting (against the real Redis, and with Redis stopped), security headers, CORS,
 * clean JSON error details, upload content checks and /metrics, through the local runtime.
 */
class ApiSecurityTest {
  static final String ORIGIN = "https://app.example.com";
  /** The header CloudFront sets with the viewer's address and port; the runtime is told to key on it. */
  static final String VIEWER = "CloudFront-Viewer-Address";

  @TempDir
  static Path dir;
  static LocalRuntime runtime;
  static HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** A Redis of this test's own: it is stopped and its scripts flushed, which the machine's shared one never is. */
  static OwnRedis redis;

  @BeforeAll
  static void start() throws Exception {
    redis = new OwnRedis();
    runtime = LocalRuntime.start(new LocalRuntime.Options(0, dir.resolve("data"), null, 2, 3, 20,
        EspeakEngine.instance()), Map.of(
        "etoaudiobook.rate-limit.enabled", "true",
        "etoaudiobook.rate-limit.client-address-header", "CloudFront-Viewer-Address",
        "etoaudiobook.rate-limit.redis-url", redis.url(),
        "etoaudiobook.rate-limit.circuit-open-ms", "500",
        "etoaudiobook.rate-limit.limits", "voices=5/1m,default=1000/1h",
        "micronaut.server.cors.configurations.web.allowed-origins", ORIGIN + ",http://localhost:5173"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  /** A fresh client address per test run: buckets in Redis outlive the run. */
  static String newClient() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(runtime.url().resolve(path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> send(String method, String path, String contentType, byte[] body, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(runtime.url().resolve(path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertProblem(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"),
        "problem+json: " + r.headers().map());
    JsonNode p = Json.read(r.body(), JsonNode.class);
    assertEquals(status, p.path("status").asInt());
    assertFalse(r.body().contains("Exception") || r.body().contains("at com.") || r.body().contains("Source:"),
        "no internals in " + r.body());
  }

  // ------------------------------------------------------------------------ rate limiting

  @Test
  void aForwardedForHeaderTheClientWroteChangesNothing() throws Exception {
        String viewer = newClient();
    for (int i = 0; i < 5; i++) {
      assertEquals(200, get("api/voices", VIEWER, viewer + ":1", "X-Forwarded-For", newClient()).statusCode());
    }
    // a new first hop per request used to be a new bucket per request
    assertProblem(get("api/voices", VIEWER, viewer + ":2", "X-Forwarded-For", newClient()), 429);
  }

  @Test
  void redisLimitsPerClientAndRouteWithRetryAfter() throws Exception {
        String a = newClient();
    String b = newClient();
    for (int i = 0; i < 5; i++) {
      assertEquals(200, get("api/voices", VIEWER, a + ":4711").statusCode());
    }
    HttpResponse<String> refused = get("api/voices", VIEWER, a + ":4711");
    assertProblem(refused, 429);
    long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retry >= 1 && retry <= 12, "5/min refills one token every 12 s: " + retry);
    // another client, and another route of the same client, have their own buckets
    assertEquals(200, get("api/voices", VIEWER, b + ":4711").statusCode());
    assertEquals(404, get("api/books/" + "0".repeat(32), VIEWER, a + ":4711").statusCode());
    // health checks are never limited
    for (int i = 0; i < 20; i++) {
      assertEquals(200, get("health", VIEWER, a + ":4711").statusCode());
    }
    JsonNode metrics = Json.read(get("metrics").body(), JsonNode.class);
    assertTrue(metrics.path("redis").path("available").asBoolean(), metrics.path("redis").toString());
    assertEquals("redis", metrics.path("redis").path("rateLimitBackend").asText());
  }

  @Test
  void bucketsAreSharedByInstancesAndTakenAtomically() throws Exception {
        RateLimits.Limit limit = new RateLimits.Limit(20, Duration.ofHours(1));
    String client = newClient();
    try (RedisRateLimiter one = new RedisRateLimiter(redis.url(), Duration.ofSeconds(1));
         RedisRateLimiter two = new RedisRateLimiter(redis.url(), Duration.ofSeconds(1))) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<RateLimiter.Decision>> results = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        RedisRateLimiter instance = i % 2 == 0 ? one : two;
        results.add(pool.submit(() -> instance.acquire("test", client, limit)));
      }
      int allowed = 0;
      for (Future<RateLimiter.Decision> f : results) {
        allowed += f.get().allowed() ? 1 : 0;
      }
      pool.shutdown();
      assertEquals(20, allowed, "two instances, 60 concurrent requests, one bucket of 20");
    }
  }

  @Test
  void evalFallsBackWhenTheScriptCacheIsEmpty() throws Exception {
        Process flush = new ProcessBuilder("redis-cli", "-u", redis.url(), "script", "flush").start();
    flush.waitFor();
    // about the script cache, not the timeout: at load 17 a first connection took over 1 s
    try (RedisRateLimiter limiter = new RedisRateLimiter(redis.url(), Duration.ofSeconds(10))) {
      RateLimiter.Decision d = limiter.acquire("test", newClient(), new RateLimits.Limit(2, Duration.ofMinutes(1)));
      assertTrue(d.allowed());
      assertEquals(1, d.remaining());
    }
  }

  @Test
  void withRedisStoppedTheLimitsHoldInMemoryAndRedisIsUsedAgainAfterRestart() throws Exception {
        String a = newClient();
    try {
      redis.stop();
      assertFalse(redis.up());
      long t0 = System.nanoTime();
      for (int i = 0; i < 5; i++) {
        assertEquals(200, get("api/voices", VIEWER, a + ":4711").statusCode());
      }
      HttpResponse<String> refused = get("api/voices", VIEWER, a + ":4711");
      assertProblem(refused, 429);
      assertTrue(refused.headers().firstValue("Retry-After").isPresent());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms < 5000, "short timeouts and the open circuit keep requests fast without Redis: " + ms + " ms");
      JsonNode metrics = Json.read(get("metrics").body(), JsonNode.class);
      assertFalse(metrics.path("redis").path("available").asBoolean());
      assertEquals("memory", metrics.path("redis").path("rateLimitBackend").asText());
      assertEquals(200, get("health").statusCode());
    } finally {
      redis.start();
    }
    assertTrue(redis.up());
    Thread.sleep(700); // the circuit's open period
    String b = newClient();
    assertEquals(200, get("api/voices", VIEWER, b + ":4711").statusCode());
    JsonNode metrics = Json.read(get("metrics").body(), JsonNode.class);
    assertEquals("redis", metrics.path("redis").path("rateLimitBackend").asText(), metrics.path("redis").toString());
    assertTrue(metrics.path("redis").path("available").asBoolean());
  }

  @Test
  void forwardedForIsIgnoredWhenNotTrusted() {
    RateLimits limits = RateLimits.parse("voices=30/1m, synthesize=5/1m,default=100/1h,detect-roles=10/1m");
    assertEquals(30, limits.limit("voices").limit());
    assertEquals(100, limits.limit("anything").limit());
    assertEquals(Duration.ofHours(1), limits.limit("default").window());
    assertEquals("job-status", RateLimits.routeClass("GET", "/api/jobs/abc"));
    assertNull(RateLimits.routeClass("GET", "/health"));
    assertNull(RateLimits.routeClass("OPTIONS", "/api/voices"));
    try {
      RateLimits.parse("voices=lots");
      throw new AssertionError("a malformed RATE_LIMITS must fail loudly");
    } catch (IllegalArgumentException expected) {
      // ok
    }
    try (ResilientRateLimiter memoryOnly = new ResilientRateLimiter(null, Duration.ofSeconds(1))) {
      RateLimits.Limit two = new RateLimits.Limit(2, Duration.ofMinutes(1));
      assertTrue(memoryOnly.acquire("x", "c", two).allowed());
      assertTrue(memoryOnly.acquire("x", "c", two).allowed());
      RateLimiter.Decision d = memoryOnly.acquire("x", "c", two);
      assertFalse(d.allowed());
      assertTrue(d.retryAfterSeconds() >= 29 && d.retryAfterSeconds() <= 30, "" + d.retryAfterSeconds());
    }
  }

  // ------------------------------------------------------------------------ headers and CORS

  @Test
  void everyResponseCarriesSecurityHeaders() throws Exception {
    for (HttpResponse<String> r : List.of(get("health"), get("api/voices"), get("api/nothing-here"),
        send("POST", "api/uploads", "application/json", "{".getBytes()), get("metrics"))) {
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), r.uri().toString());
      assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null));
      assertEquals("strict-origin-when-cross-origin", r.headers().firstValue("Referrer-Policy").orElse(null));
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'")
          && csp.contains("media-src 'self' blob: http://127.0.0.1:* http://localhost:* https:"), csp);
      assertTrue(r.headers().firstValue("X-Request-Id").isPresent());
    }
    HttpResponse<String> r = get("health", "X-Request-Id", "trace-1234567");
    assertEquals("trace-1234567", r.headers().firstValue("X-Request-Id").orElse(null));
  }

  @Test
  void corsAllowsOnlyConfiguredOriginsAndNeverCredentials() throws Exception {
    HttpResponse<String> ok = get("api/voices", "Origin", ORIGIN);
    assertEquals(ORIGIN, ok.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertTrue(ok.headers().firstValue("Vary").orElse("").contains("Origin"));
    assertTrue(ok.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());

    HttpResponse<String> evil = get("api/voices", "Origin", "https://evil.example.net");
    assertTrue(evil.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

    // preflight by Micronaut's CORS (micronaut.server.cors): the allowed methods and headers, for 10 minutes
    HttpResponse<String> preflight = send("OPTIONS", "api/jobs", null, null, "Origin", ORIGIN,
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type, idempotency-key");
    assertEquals(2, preflight.statusCode() / 100, preflight.body());
    assertEquals(ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
    assertEquals("content-type,idempotency-key", preflight.headers().allValues("Access-Control-Allow-Headers")
        .stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip)
        .collect(java.util.stream.Collectors.joining(",")));
    assertEquals("600", preflight.headers().firstValue("Access-Control-Max-Age").orElse(null));
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());

    // a header outside the list: refused (Micronaut answers this one before any filter: no body), so
    // the browser never sends it
    HttpResponse<String> evilHeader = send("OPTIONS", "api/jobs", null, null, "Origin", ORIGIN,
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type, x-evil");
    assertEquals(403, evilHeader.statusCode());
    assertTrue(evilHeader.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

    HttpResponse<String> badPreflight = send("OPTIONS", "api/jobs", null, null, "Origin", "https://evil.example.net",
        "Access-Control-Request-Method", "POST");
    assertProblem(badPreflight, 403);
    assertTrue(badPreflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
  }

  // ------------------------------------------------------------------------ error details

  @Test
  void malformedJsonGetsACleanDetail() throws Exception {
    HttpResponse<String> r = send("POST", "api/uploads", "application/json", "{\"fileName\": ".getBytes());
    assertProblem(r, 400);
    String detail = Json.read(r.body(), JsonNode.class).path("detail").asText();
    assertTrue(detail.startsWith("Malformed JSON: "), detail);
    assertFalse(detail.contains("Source") || detail.contains("REDACTED") || detail.contains("com.")
        || detail.contains("java."), detail);

    HttpResponse<String> wrongType = send("POST", "api/uploads", "application/json",
        "{\"fileName\":\"a.txt\",\"size\":\"lots\"}".getBytes());
    assertProblem(wrongType, 400);
    String d2 = Json.read(wrongType.body(), JsonNode.class).path("detail").asText();
    assertFalse(d2.contains("java.lang") || d2.contains("com.etoaudiobook") || d2.contains("Source"), d2);
  }

  // ------------------------------------------------------------------------ uploads

  /** Creates an upload and PUTs {@code content} to its presigned URL; returns the upload id. */
  static String upload(String fileName, byte[] content) {
    return new Http(runtime.url()).upload(fileName, content);
  }

  @Test
  void uploadsAreCheckedByContent() throws Exception {
    byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
    String id = upload("story.txt", pdf);
    HttpResponse<String> r = send("POST", "api/books", "application/json", Json.write(Map.of("uploadId", id)));
    assertProblem(r, 415);
    assertTrue(r.body().contains("PDF"), r.body());

    byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0};
    assertProblem(send("POST", "api/books", "application/json",
        Json.write(Map.of("uploadId", upload("script.md", elf)))), 415);

    byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
    assertProblem(send("POST", "api/books", "application/json",
        Json.write(Map.of("uploadId", upload("book.pdf", zip)))), 415);

    String good = upload("ok.md", "**Narrator:** Hello there.\n**Luna:** Hi!\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(201, send("POST", "api/books", "application/json", Json.write(Map.of("uploadId", good))).statusCode());
  }

  @Test
  void thePresignedUploadEnforcesTheDeclaredSize() throws Exception {
    HttpResponse<String> created = send("POST", "api/uploads", "application/json",
        Json.write(Map.of("fileName", "small.txt", "size", 10)));
    JsonNode u = Json.read(created.body(), JsonNode.class);
    byte[] bigger = "this is far more than ten bytes".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create(u.path("url").asText()))
        .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofByteArray(bigger)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(put.statusCode() >= 400 && put.statusCode() < 500, "signed Content-Length: " + put.statusCode());
    HttpResponse<String> wrongType = client.send(HttpRequest.newBuilder(URI.create(u.path("url").asText()))
        .header("Content-Type", "application/pdf").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[10])).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(wrongType.statusCode() >= 400 && wrongType.statusCode() < 500, "signed Content-Type: "
        + wrongType.statusCode());
  }

  // ------------------------------------------------------------------------ metrics

  @Test
  void metricsReportProcessAndApplicationFigures() throws Exception {
    for (int i = 0; i < 3; i++) {
      get("health");
    }
    JsonNode m = Json.read(get("metrics").body(), JsonNode.class);
    JsonNode p = m.path("process");
    assertTrue(p.path("rssMb").asDouble() > 10, p.toString());
    assertTrue(p.path("threads").asInt() > 1);
    assertTrue(p.path("openFileDescriptors").asInt() > 3);
    assertTrue(p.path("cpuTimeMs").asLong() > 0);
    assertTrue(p.has("cpuPercent"));
    assertTrue(p.path("gc").size() > 0);
    assertTrue(p.path("heapUsedMb").asLong() > 0);
    JsonNode health = null;
    for (JsonNode s : m.path("metrics")) {
      if (s.path("name").asText().equals("RequestLatency")
          && s.path("dimensions").path("Route").asText().equals("GET /health")) {
        health = s;
      }
    }
    assertNotNull(health, m.path("metrics").toString());
    assertTrue(health.path("count").asLong() >= 3);
    assertEquals("2xx", health.path("dimensions").path("StatusClass").asText());
    assertTrue(health.path("p50").asDouble() <= health.path("p99").asDouble());
    assertTrue(health.path("p99").asDouble() <= health.path("max").asDouble());
    assertTrue(m.has("caches") && m.has("redis"));
  }
}
