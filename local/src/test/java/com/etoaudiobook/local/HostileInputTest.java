package com.etoaudiobook.local;

import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.job.inbox.Inbox;
import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile-input corpus (HostileCorpus) against the running local runtime, with /health probed
 * every 20 ms throughout: every answer is a 4xx problem or a clean 2xx, never a 5xx or a hang,
 * every answer carries the security headers, and the process serves afterwards. Also raw malformed
 * HTTP, and files in inbox/ that used to stop the watcher.
 */
class HostileInputTest {
  static final long SEED = 20261130L;

  @TempDir
  static Path dir;
  static LocalRuntime runtime;
  static Http http;
  static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    runtime = LocalRuntime.start(new LocalRuntime.Options(0, dir.resolve("data"), null, 1, 3, 20,
        EspeakEngine.instance()));
    http = new Http(runtime.url());
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  /** GET /health in a loop on its own thread, keeping every latency. */
  static final class HealthProbe implements AutoCloseable {
    final List<Double> millis = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread = new Thread(this::loop, "health-probe");

    HealthProbe() {
      thread.setDaemon(true);
      thread.start();
    }

    private void loop() {
      HttpRequest get = HttpRequest.newBuilder(runtime.url().resolve("health")).timeout(Duration.ofSeconds(10)).build();
      while (running.get()) {
        long t0 = System.nanoTime();
        try {
          int status = client.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
          if (status != 200) {
            failures.add("status " + status);
          }
        } catch (Exception e) {
          failures.add(e.toString());
        }
        synchronized (millis) {
          millis.add((System.nanoTime() - t0) / 1e6);
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    double percentile(double p) {
      synchronized (millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
      }
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(15_000);
    }
  }

  static HttpResponse<String> send(HostileCorpus.Case k) throws Exception {
    byte[] body = k.body().apply(http);
    HttpRequest.Builder b = HttpRequest.newBuilder(runtime.url().resolve(k.path())).timeout(Duration.ofSeconds(45))
        .method(k.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (k.contentType() != null) {
      b.header("Content-Type", k.contentType());
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What is wrong with an answer, or null: a 4xx problem or a clean 2xx, headers on both. */
  static String judge(HostileCorpus.Case k, HttpResponse<String> r) {
    int s = r.statusCode();
    if (k.expected() == HostileCorpus.ANY_4XX) {
      if (s < 400 || s >= 500) {
        return "expected a 4xx, got " + s + ": " + clip(r.body());
      }
    } else if (k.expected() != 0 && s != k.expected()) {
      return "expected " + k.expected() + ", got " + s + ": " + clip(r.body());
    }
    if (s >= 500 || s < 200 || (s >= 300 && s < 400)) {
      return "status " + s + ": " + clip(r.body());
    }
    if (!"nosniff".equals(r.headers().firstValue("X-Content-Type-Options").orElse(null))) {
      return "no security headers on " + s;
    }
    if (s >= 400) {
      if (!r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json")) {
        return s + " without a problem body";
      }
      String detail = Json.read(r.body(), JsonNode.class).path("detail").asText("");
      for (String leak : List.of("Exception", "\tat ", "Source:", "java.", "com.etoaudiobook", "io.micronaut")) {
        if (detail.contains(leak)) {
          return "leaks '" + leak + "': " + clip(detail);
        }
      }
    }
    return null;
  }

  static String clip(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  @Test
  void theCorpusGetsOnly4xxOrCleanAnswersWhileHealthStaysFast() throws Exception {
    List<HostileCorpus.Case> cases = new ArrayList<>(HostileCorpus.handMade());
    cases.addAll(HostileCorpus.generated(SEED, 40));
    assertTrue(cases.size() >= 200, "corpus size " + cases.size());
    List<String> wrong = new ArrayList<>();
    int[] byClass = new int[6];
    long slowest = 0;
    String slowestName = "";
    long t0 = System.nanoTime();
    try (HealthProbe probe = new HealthProbe()) {
      for (HostileCorpus.Case k : cases) {
        long start = System.nanoTime();
        String problem;
        try {
          HttpResponse<String> r = send(k);
          byClass[r.statusCode() / 100]++;
          problem = judge(k, r);
        } catch (java.net.http.HttpTimeoutException e) {
          problem = "no answer within 45 s";
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms > slowest) {
          slowest = ms;
          slowestName = k.name();
        }
        if (problem != null) {
          wrong.add(k.name() + ": " + problem);
        }
      }
      probe.close();
      System.out.printf("hostile corpus: %d cases in %.1f s; 2xx %d, 4xx %d, 5xx %d; slowest %d ms (%s); "
              + "/health %d probes p50 %.1f ms p99 %.1f ms max %.1f ms, %d failed%n", cases.size(),
          (System.nanoTime() - t0) / 1e9, byClass[2], byClass[4], byClass[5], slowest, slowestName,
          probe.millis.size(), probe.percentile(0.5), probe.percentile(0.99), probe.percentile(1.0),
          probe.failures.size());
      assertTrue(wrong.isEmpty(), wrong.size() + " wrong answers:\n" + String.join("\n", wrong));
      assertTrue(probe.failures.isEmpty(), "/health failed during the corpus: " + probe.failures);
      // A parse on an event loop stalls /health for as long as the parse: seconds, not a few hundred ms.
      assertTrue(probe.percentile(1.0) < 1500, "/health stalled " + probe.percentile(1.0) + " ms");
    }
    assertEquals(200, http.get("health").status());
    assertEquals(200, http.get("api/voices").status());
  }

  /** One raw request over a socket: the status line the server answers with, or "closed". */
  static String raw(byte[] request) throws Exception {
    try (Socket s = new Socket(runtime.url().getHost(), runtime.url().getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder head = new StringBuilder();
      byte[] buffer = new byte[4096];
      // the status line and headers; the connection may stay open after them
      while (head.indexOf("\r\n\r\n") < 0) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
      return head.length() == 0 ? "closed" : head.toString();
    }
  }

  @Test
  void malformedHttpGets4xxWithSecurityHeaders() throws Exception {
    List<String> requests = List.of(
        "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n",
        "POST /api/uploads HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "POST /api/uploads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n{",
        "GET /health HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n");
    for (String request : requests) {
      String answer = raw(request.getBytes(StandardCharsets.ISO_8859_1));
      String first = answer.lines().findFirst().orElse("");
      assertTrue(answer.equals("closed") || first.matches("HTTP/1\\.[01] 4\\d\\d.*"), clip(request) + " → " + first);
      if (!answer.equals("closed")) {
        assertTrue(answer.toLowerCase().contains("x-content-type-options: nosniff"), first + " lacks headers:\n" + answer);
      }
    }
    assertEquals(200, http.get("health").status());
  }

  @Test
  void theInboxWatcherOutlivesFilesThatUsedToStopIt() throws Exception {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("inbox/a.docx", HostileCorpus.docx(HostileCorpus.paragraphs("Hello there, said Anna.")));
    files.put("inbox/dashes.md", HostileCorpus.utf8("# T\n\nHi.\n\n" + "-".repeat(2000) + "\n"));
    files.put("inbox/bomb.epub", HostileCorpus.epub(30, 1 << 20));
    files.put("inbox/many.md", HostileCorpus.manyLines(60_000)); // over the 50,000-segment limit
    files.put("inbox/binary.md", new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
    files.put("inbox/late.md", HostileCorpus.utf8("**Wren:** Is the lamp lit?\n\n**Keeper:** Not yet.\n"));
    for (var f : files.entrySet()) {
      runtime.bean(BlobStore.class).put(f.getKey(), f.getValue(), "application/octet-stream");
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    Map<String, Inbox.Result> results = new java.util.LinkedHashMap<>();
    while (results.size() < files.size() && System.nanoTime() < deadline) {
      for (String key : files.keySet()) {
        byte[] r = runtime.bean(BlobStore.class).get(key + Inbox.RESULT_SUFFIX);
        Inbox.Result result = r == null ? null : Json.read(r, Inbox.Result.class);
        if (result != null) {
          results.put(key, result);
        }
      }
      Thread.sleep(200);
    }
    assertEquals(files.keySet(), results.keySet(), "a result for every file: " + results);
    assertEquals("accepted", results.get("inbox/a.docx").status(), results.get("inbox/a.docx").toString());
    assertEquals("accepted", results.get("inbox/dashes.md").status(), results.get("inbox/dashes.md").toString());
    assertEquals("accepted", results.get("inbox/late.md").status(), "the watcher went on after the others");
    assertEquals("too-large", results.get("inbox/many.md").reason(), results.get("inbox/many.md").toString());
    assertEquals("refused", results.get("inbox/binary.md").status(), results.get("inbox/binary.md").toString());
    assertFalse(Arrays.asList("failed").contains(results.get("inbox/bomb.epub").status()),
        "the EPUB is refused or read, not our failure: " + results.get("inbox/bomb.epub"));
    assertEquals(200, http.get("health").status());
  }
}
