package com.etoaudiobook.aws;

import com.etoaudiobook.aws.logging.JsonLogEncoder;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.job.synthesis.PartSynthesizer;
import com.etoaudiobook.job.Telemetry;
import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EMF records as CloudWatch reads them, the in-process aggregates, and log redaction. */
class MetricsTest {
  private static List<JsonNode> emfLines(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    List<JsonNode> out = new ArrayList<>();
    for (String line : buf.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.contains("\"_aws\"")) {
        out.add(Json.read(line, JsonNode.class));
      }
    }
    return out;
  }

  @Test
  void workerTelemetryBecomesEmfRecordsWithLowCardinalityDimensions() {
    PartSpec part = new PartSpec("job-123", 4, 2, 0, "Hello", "Narrator", null, "Joanna", "neural", 1.0, 0, "k");
    List<JsonNode> records = emfLines(() -> {
      Metrics m = Metrics.start("worker").property("requestId", "req-1");
      Telemetry t = m.telemetry("polly");
      t.part(part, PartSynthesizer.Outcome.SYNTHESIZED, 1200, 5);
      t.part(part, PartSynthesizer.Outcome.CACHED, 30, 0);
      t.partFailed(part, new IllegalStateException("boom"), false);
      m.millis("QueueWait", 250, "Queue", "synthesis");
      m.flush();
    });
    assertFalse(records.isEmpty(), "EMF records on stdout (AWS_EMF_ENVIRONMENT=Local)");
    JsonNode synthesized = records.stream().filter(r -> r.has("SynthesisLatency")).findFirst().orElseThrow();
    JsonNode directive = synthesized.path("_aws").path("CloudWatchMetrics").get(0);
    assertEquals("EtoAudioBook", directive.path("Namespace").asText());
    assertEquals("[[\"Function\",\"Engine\"],[\"Function\"]]", directive.path("Dimensions").toString());
    assertEquals("polly:neural", synthesized.path("Engine").asText());
    assertEquals("worker", synthesized.path("Function").asText());
    assertEquals(5, synthesized.path("CharactersBilled").asInt());
    assertEquals("req-1", synthesized.path("requestId").asText());
    assertTrue(synthesized.path("_aws").path("Timestamp").asLong() > 0);
    for (JsonNode r : records) {
      assertFalse(r.toString().contains("job-123"), "ids are never dimensions: " + r);
    }
    assertTrue(records.stream().anyMatch(r -> r.path("Cache").asText().equals("tts") && r.has("CacheHits")));
    assertTrue(records.stream().anyMatch(r -> r.path("Reason").asText().equals("IllegalStateException")));
    assertTrue(records.stream().anyMatch(r -> r.path("Queue").asText().equals("synthesis") && r.has("QueueWait")));

    Aggregates a = Metrics.aggregates();
    assertTrue(a.total("CharactersBilled", Map.of("Engine", "polly:neural")) >= 5);
    Aggregates.CacheRate tts = a.cacheRates().get("tts");
    assertTrue(tts.hits() >= 1 && tts.misses() >= 1, "" + tts);
  }

  @Test
  void aggregatesGivePercentilesOverTheWindow() {
    for (int i = 1; i <= 100; i++) {
      Metrics.start("api").millis("TestLatency", i, "Route", "GET /x");
    }
    Aggregates.Summary s = Metrics.aggregates().summaries().stream()
        .filter(x -> x.name().equals("TestLatency")).findFirst().orElseThrow();
    assertEquals(100, s.count());
    assertEquals(50.5, s.mean(), 1e-9);
    assertEquals(50, s.p50(), 1e-9);
    assertEquals(95, s.p95(), 1e-9);
    assertEquals(99, s.p99(), 1e-9);
    assertEquals(100, s.max(), 1e-9);
    assertEquals(100, s.totalCount());
  }

  @Test
  void logsNeverCarryPresignedUrlsOrSecrets() {
    String url = "https://b.s3.amazonaws.com/jobs/x/out/a.mp3?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=AKIA123%2F20250101&X-Amz-Signature=deadbeef";
    String out = JsonLogEncoder.redact("link " + url + " done; aws_secret_access_key=abc123 password: hunter2");
    assertEquals("link https://b.s3.amazonaws.com/jobs/x/out/a.mp3?<redacted> done; "
        + "aws_secret_access_key=<redacted> password: <redacted>", out);
  }

  @Test
  void processFiguresComeFromProc() {
    assertTrue(ProcessStats.rssMb() > 1);
    assertTrue(ProcessStats.openFileDescriptors() > 2);
    assertTrue(ProcessStats.cpuNanos() > 0);
    assertFalse(ProcessStats.gc().isEmpty());
  }
}
