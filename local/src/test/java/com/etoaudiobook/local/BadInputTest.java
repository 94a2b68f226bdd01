package com.etoaudiobook.local;

import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.job.FileNames;
import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus of bad requests against the running API: every answer must be a 4xx with an
 * application/problem+json body that shows no internals, never a 5xx, and the process must
 * still be healthy afterwards.
 */
class BadInputTest {
  @TempDir
  static Path dir;
  static LocalRuntime runtime;
  static HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final String UNKNOWN_ID = "0123456789abcdef0123456789abcdef";

  /** One bad request: what is sent, and the 4xx expected (0 = any 4xx). */
  record Case(String name, String method, String path, String contentType, Supplier<byte[]> body, int expected) {
  }

  @BeforeAll
  static void start() throws Exception {
    runtime = LocalRuntime.start(new LocalRuntime.Options(0, dir.resolve("data"), null, 2, 3, 20,
        EspeakEngine.instance()));
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] json(Object o) {
    return Json.write(o);
  }

  static HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(runtime.url().resolve(path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Uploads {@code content} through a presigned URL; returns the upload id. */
  static String upload(String fileName, byte[] content) {
    return new Http(runtime.url()).upload(fileName, content);
  }

  /** A ZIP whose one entry inflates to {@code megabytes} MB of zeros: a few hundred KB packed. */
  static byte[] zipBomb(String entryName, int megabytes, String firstEntry, String firstContent) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        if (firstEntry != null) {
          zip.putNextEntry(new ZipEntry(firstEntry));
          zip.write(utf8(firstContent));
          zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry(entryName));
        byte[] zeros = new byte[1024 * 1024];
        for (int i = 0; i < megabytes; i++) {
          zip.write(zeros);
        }
        zip.closeEntry();
      }
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] multipart(String boundary, String fileName, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
    out.writeBytes(content);
    out.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
    return out.toByteArray();
  }

  static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  static List<Case> corpus() {
    String mp = "multipart/form-data; boundary=XyZ";
    byte[] random = new byte[4096];
    new java.util.Random(7).nextBytes(random);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    List<Case> c = new ArrayList<>();
    // binary and wrong encodings
    c.add(new Case("binary JSON body", "POST", "api/uploads", "application/json", () -> random, 400));
    c.add(new Case("Latin-1 bytes in a UTF-8 JSON body", "POST", "api/uploads", "application/json",
        () -> "{\"fileName\":\"caf\u00e9.txt\",\"size\":5}".getBytes(StandardCharsets.ISO_8859_1), 400));
    c.add(new Case("UTF-16 JSON with a lone surrogate", "POST", "api/jobs", "application/json",
        () -> new byte[] {(byte) 0xff, (byte) 0xfe, '{', 0, '"', 0, (byte) 0x00, (byte) 0xd8, '"', 0}, 400));
    c.add(new Case("NUL bytes in JSON", "POST", "api/books", "application/json",
        () -> utf8("{\"uploadId\":\"\u0000\u0000\"}"), 400));
    // huge and deep
    c.add(new Case("4 MB JSON body", "POST", "api/uploads", "application/json",
        () -> utf8("{\"fileName\":\"" + "a".repeat(4 * 1024 * 1024) + "\"}"), 413));
    c.add(new Case("JSON nested 5000 deep", "POST", "api/jobs", "application/json", () -> utf8(nested(5000)), 400));
    c.add(new Case("object nested 3000 deep", "POST", "api/synthesize", "application/json",
        () -> utf8("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)), 400));
    c.add(new Case("6000 characters to synthesize", "POST", "api/synthesize", "application/json",
        () -> json(Map.of("segments", List.of(Map.of("role", "Narrator", "text", "x".repeat(6000))),
            "voiceMapping", Map.of("Narrator", "en"))), 413));
    c.add(new Case("preview text over the limit", "POST", "api/preview-voice", "application/json",
        () -> json(Map.of("voiceName", "en", "text", "y".repeat(10_000))), 413));
    // path traversal and control characters in file names
    c.add(new Case("path traversal, no type", "POST", "api/uploads", "application/json",
        () -> json(Map.of("fileName", "../../etc/passwd", "size", 10)), 415));
    c.add(new Case("control characters and .exe", "POST", "api/uploads", "application/json",
        () -> json(Map.of("fileName", "a\u0000b\r\nc.exe", "size", 10)), 415));
    c.add(new Case("uploadId with traversal", "POST", "api/books", "application/json",
        () -> json(Map.of("uploadId", "../../etc/passwd")), 400));
    c.add(new Case("detect-roles with a traversal name", "POST", "api/detect-roles", mp,
        () -> multipart("XyZ", "../../../etc/shadow", utf8("root:x:0:0")), 415));
    // script tags
    c.add(new Case("script tag as a role with no voice", "POST", "api/synthesize", "application/json",
        () -> json(Map.of("segments", List.of(Map.of("role", "<script>alert(1)</script>", "text", "hi")),
            "voiceMapping", Map.of())), 400));
    c.add(new Case("script tag as a voice", "POST", "api/preview-voice", "application/json",
        () -> json(Map.of("voiceName", "<script>alert(1)</script>")), 400));
    c.add(new Case("an engine the voice does not have", "POST", "api/preview-voice", "application/json",
        () -> json(Map.of("voiceName", "en-us", "engine", "generative")), 400));
    // archive bombs wherever archives are accepted
    c.add(new Case("EPUB zip bomb", "POST", "api/books", "application/json",
        () -> json(Map.of("uploadId", upload("bomb.epub", zipBomb("OEBPS/ch1.xhtml", 200, "mimetype",
            "application/epub+zip")))), 400));
    c.add(new Case("DOCX zip bomb", "POST", "api/books", "application/json",
        () -> json(Map.of("uploadId", upload("bomb.docx", zipBomb("word/document.xml", 200, "[Content_Types].xml",
            "<Types/>")))), 400));
    c.add(new Case("PNG named .md", "POST", "api/books", "application/json",
        () -> json(Map.of("uploadId", upload("story.md", png))), 415));
    c.add(new Case("PNG named .md to detect-roles", "POST", "api/detect-roles", mp,
        () -> multipart("XyZ", "story.md", png), 415));
    c.add(new Case("truncated EPUB", "POST", "api/books", "application/json",
        () -> json(Map.of("uploadId", upload("broken.epub", Arrays.copyOf(zipBomb("a.xhtml", 1, "mimetype",
            "application/epub+zip"), 300)))), 400));
    // unknown ids
    c.add(new Case("unknown book", "GET", "api/books/" + UNKNOWN_ID, null, () -> null, 404));
    c.add(new Case("malformed book id", "GET", "api/books/not-an-id", null, () -> null, 404));
    c.add(new Case("unknown job", "GET", "api/jobs/" + UNKNOWN_ID, null, () -> null, 404));
    c.add(new Case("segments of an unknown job", "GET", "api/jobs/" + UNKNOWN_ID + "/segments", null, () -> null, 404));
    c.add(new Case("retry an unknown job", "POST", "api/jobs/" + UNKNOWN_ID + "/retry", null, () -> null, 404));
    c.add(new Case("cancel an unknown job", "DELETE", "api/jobs/" + UNKNOWN_ID, null, () -> null, 404));
    c.add(new Case("job for an unknown book", "POST", "api/jobs", "application/json",
        () -> json(Map.of("bookId", UNKNOWN_ID)), 404));
    c.add(new Case("book from an unknown upload", "POST", "api/books", "application/json",
        () -> json(Map.of("uploadId", UNKNOWN_ID)), 404));
    c.add(new Case("unknown route", "GET", "api/does-not-exist", null, () -> null, 404));
    c.add(new Case("encoded traversal in a path", "GET", "api/books/..%2F..%2Fetc%2Fpasswd", null, () -> null, 404));
    // wrong methods
    c.add(new Case("PUT voices", "PUT", "api/voices", "application/json", () -> utf8("{}"), 405));
    c.add(new Case("GET uploads", "GET", "api/uploads", null, () -> null, 405));
    c.add(new Case("PATCH a job", "PATCH", "api/jobs/" + UNKNOWN_ID, "application/json", () -> utf8("{}"), 405));
    c.add(new Case("DELETE a book", "DELETE", "api/books/" + UNKNOWN_ID, null, () -> null, 405));
    // wrong content types
    c.add(new Case("text/plain to uploads", "POST", "api/uploads", "text/plain",
        () -> utf8("fileName=a.txt"), 415));
    c.add(new Case("JSON to detect-roles", "POST", "api/detect-roles", "application/json",
        () -> utf8("{\"file\":\"x\"}"), 415));
    c.add(new Case("XML to jobs", "POST", "api/jobs", "application/xml", () -> utf8("<job/>"), 415));
    c.add(new Case("multipart without boundary", "POST", "api/detect-roles", "multipart/form-data",
        () -> utf8("--x\r\n\r\n"), 400));
    c.add(new Case("multipart that never ends", "POST", "api/detect-roles", mp,
        () -> utf8("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.md\"\r\n\r\nunterminated"), 400));
    // empty bodies and wrong shapes
    c.add(new Case("empty upload request", "POST", "api/uploads", "application/json", () -> new byte[0], 400));
    c.add(new Case("empty job request", "POST", "api/jobs", "application/json", () -> new byte[0], 400));
    c.add(new Case("empty multipart", "POST", "api/detect-roles", mp, () -> new byte[0], 400));
    c.add(new Case("empty preview", "POST", "api/preview-voice", "application/json", () -> utf8("{}"), 400));
    c.add(new Case("array instead of object", "POST", "api/jobs", "application/json", () -> utf8("[1,2,3]"), 400));
    c.add(new Case("operator object as id", "POST", "api/jobs", "application/json",
        () -> utf8("{\"bookId\":{\"$ne\":null}}"), 400));
    c.add(new Case("empty segments", "POST", "api/synthesize", "application/json",
        () -> json(Map.of("segments", List.of(), "voiceMapping", Map.of())), 400));
    // sizes
    c.add(new Case("negative size", "POST", "api/uploads", "application/json",
        () -> json(Map.of("fileName", "a.txt", "size", -1)), 400));
    c.add(new Case("zero size", "POST", "api/uploads", "application/json",
        () -> json(Map.of("fileName", "a.txt", "size", 0)), 400));
    c.add(new Case("size over the cap", "POST", "api/uploads", "application/json",
        () -> json(Map.of("fileName", "a.txt", "size", 1L << 50)), 413));
    c.add(new Case("size beyond a long", "POST", "api/uploads", "application/json",
        () -> utf8("{\"fileName\":\"a.txt\",\"size\":1e400}"), 400));
    c.add(new Case("size as text", "POST", "api/uploads", "application/json",
        () -> utf8("{\"fileName\":\"a.txt\",\"size\":\"ten\"}"), 400));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> everyBadRequestGetsA4xxProblem() {
    List<Case> cases = corpus();
    assertTrue(cases.size() >= 30, "corpus size " + cases.size());
    return cases.stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
      HttpResponse<String> r = send(k.method(), k.path(), k.contentType(), k.body().get());
      int status = r.statusCode();
      assertTrue(status >= 400 && status < 500, k.name() + ": " + status + " " + r.body());
      if (k.expected() != 0) {
        assertEquals(k.expected(), status, k.name() + ": " + r.body());
      }
      assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"),
          k.name() + ": content-type " + r.headers().firstValue("content-type").orElse("(none)"));
      JsonNode p = Json.read(r.body(), JsonNode.class);
      assertEquals(status, p.path("status").asInt(), r.body());
      String detail = p.path("detail").asText("");
      for (String leak : List.of("Exception", "\tat ", "Source:", "REDACTED", "java.", "com.etoaudiobook",
          "com.fasterxml", "io.micronaut")) {
        assertFalse(detail.contains(leak), k.name() + " leaks '" + leak + "': " + detail);
      }
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
    }));
  }

  @Test
  void fileNamesAndKeysAreSanitized() throws Exception {
    for (String evil : List.of("../../etc/passwd.txt", "..\\..\\win.ini.txt", "a\u0000b\r\nc.txt", "/abs/x.md",
        ".hidden.md", "\u202etxt.md", "x".repeat(500) + ".txt")) {
      HttpResponse<String> r = send("POST", "api/uploads", "application/json", json(Map.of("fileName", evil,
          "size", 10)));
      assertEquals(201, r.statusCode(), evil + ": " + r.body());
      String key = Json.read(r.body(), JsonNode.class).path("key").asText();
      String name = key.substring(key.lastIndexOf('/') + 1);
      assertTrue(key.matches("uploads/[0-9a-f]+/[A-Za-z0-9._-]+"), key);
      assertFalse(name.startsWith(".") || name.contains(".."), key);
      assertTrue(name.length() <= 80, key);
    }
    assertEquals("audiobook", FileNames.safe(".."));
    // the download name's header: ContentDispositionTest (shared/aws)
  }

  @Test
  void theProcessIsHealthyAfterTheCorpus() throws Exception {
    for (Case k : corpus()) {
      if (!k.path().startsWith("api/books") || k.method().equals("GET")) {
        send(k.method(), k.path(), k.contentType(), k.body().get());
      }
    }
    HttpResponse<String> health = send("GET", "health", null, null);
    assertEquals(200, health.statusCode());
    JsonNode metrics = Json.read(send("GET", "metrics", null, null).body(), JsonNode.class);
    long serverErrors = 0;
    for (JsonNode s : metrics.path("metrics")) {
      if (s.path("name").asText().equals("Requests") && s.path("dimensions").path("StatusClass").asText().equals("5xx")) {
        serverErrors += s.path("totalCount").asLong();
      }
    }
    assertEquals(0, serverErrors, "no 5xx was recorded");
    assertEquals(200, send("GET", "api/voices", null, null).statusCode());
  }
}
