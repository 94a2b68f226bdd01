package com.etoaudiobook.local;

import com.etoaudiobook.audio.AudioFormats;
import com.etoaudiobook.job.WorkQueue;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.audio.Ffmpeg;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechException;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.job.inbox.Inbox;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.local.embedded.EmbeddedSqs;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local runtime driven over HTTP the way a user (or the web page) drives it. */
class LocalRuntimeTest {
  /** An engine that fails on a marked text while {@code failing} is set: the "worker that throws". */
  static final class FlakyEngine extends EspeakWrapper {
    final AtomicBoolean failing = new AtomicBoolean(true);

    @Override
    public Speech synthesize(SpeechRequest request) {
      if (failing.get() && request.text().contains("Glitch")) {
        throw new SpeechException("engine refused the text (test fault)", true, null);
      }
      return real.synthesize(request);
    }
  }

  @TempDir
  static Path dir;
  static FlakyEngine engine = new FlakyEngine();
  static LocalRuntime runtime;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    runtime = LocalRuntime.start(new LocalRuntime.Options(0, dir.resolve("data"), null, 3, 3, 20, engine));
    http = new Http(runtime.url());
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  static String upload(String name, byte[] content, String type) {
    return http.upload(name, content);
  }

  static JsonNode createBook(String uploadId) {
    Http.Reply book = http.post("api/books", "{\"uploadId\":\"" + uploadId + "\"}");
    assertEquals(201, book.status(), book.body());
    return book.json();
  }

  static JsonNode waitDone(String jobId) {
    return http.until("api/jobs/" + jobId, j -> j.get("state").asText().equals("DONE"), Duration.ofSeconds(90));
  }

  @Test
  void anEpubsCoverIsKeptWithTheBookForTheWebApp() throws Exception {
    JsonNode book = createBook(upload("alice-epub3.epub",
        Files.readAllBytes(DevBooks.file("alice-epub3.epub")), "application/epub+zip"));
    String id = book.get("id").asText();
    assertEquals("/api/books/" + id + "/cover", book.get("cover").asText());
    Http.Reply cover = http.get("api/books/" + id + "/cover");
    assertEquals(200, cover.status(), cover.body());
    assertEquals("image/jpeg", cover.contentType());
    assertTrue(cover.body().length() > 1000, "the image's bytes");
    String plainId = createBook(upload("n.md",
        "**Narrator:** Hello.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/markdown"))
        .get("id").asText();
    Http.Reply none = http.get("api/books/" + plainId + "/cover");
    assertEquals(404, none.status(), none.body());
    // the player learns of the cover with the job's segments, and gets none when there is none
    String jobId = http.post("api/jobs", "{\"bookId\":\"" + plainId + "\"}").json().get("id").asText();
    waitDone(jobId);
    assertFalse(http.get("api/jobs/" + jobId + "/segments").json().has("coverUrl"));
    runtime.bean(JobStore.class).saveCover(plainId, runtime.bean(JobStore.class).cover(id));
    assertEquals("/api/books/" + plainId + "/cover",
        http.get("api/jobs/" + jobId + "/segments").json().get("coverUrl").asText());
  }

  @Test
  void aUserUploadsCastsGeneratesAndDownloadsAPlayableAudiobook() throws Exception {
    byte[] demo = Files.readAllBytes(Samples.file("demo-story.md"));
    JsonNode book = createBook(upload("demo-story.md", demo, "text/markdown"));
    assertEquals(4, book.get("book").get("roles").size());
    assertEquals(11, book.get("stats").get("segments").asInt());
    String bookId = book.get("id").asText();

    Http.Reply created = http.post("api/jobs", "{\"bookId\":\"" + bookId + "\"}");
    assertEquals(202, created.status(), created.body());
    String jobId = created.json().get("id").asText();
    JsonNode job = waitDone(jobId);
    assertEquals(13, job.get("parts").get("done").asInt(), "11 segments and the narrator's 2 chapter titles");

    Path mp3 = dir.resolve("book.mp3");
    http.download(job.get("outputs").get("audiobook").asText(), mp3);
    JsonNode segments = http.get("api/jobs/" + jobId + "/segments").json();
    double duration = segments.get("durationMs").asLong() / 1000.0;
    assertEquals(duration, Ffmpeg.duration(mp3), 0.03);
    assertEquals(duration, Ffmpeg.decodedSamples(mp3) / (double) AudioFormats.SAMPLE_RATE, 0.03);
    assertEquals(2, Ffmpeg.chapters(mp3).size());
    JsonNode first = segments.get("segments").get(0);
    Path seg = dir.resolve("seg.mp3");
    http.download(first.get("audioUrl").asText(), seg);
    assertTrue(Ffmpeg.decodedSamples(seg) > 0);

    // Changing one role's voice re-synthesizes only that role's parts.
    int wrenParts = 0;
    for (JsonNode s : segments.get("segments")) {
      wrenParts += s.get("role").asText().equals("Wren") ? 1 : 0;
    }
    Http.Reply again = http.post("api/jobs", "{\"bookId\":\"" + bookId
        + "\",\"casting\":{\"Wren\":{\"voiceId\":\"en-us+f4\"}}}");
    JsonNode second = waitDone(again.json().get("id").asText());
    assertEquals(13 - wrenParts, second.get("cachedParts").asInt(), "only Wren's parts are new");
    // Titles off: the book's own segments, each one's part from the cache
    JsonNode plain = waitDone(http.post("api/jobs", "{\"bookId\":\"" + bookId
        + "\",\"options\":{\"chapterTitles\":false}}").json().get("id").asText());
    assertEquals(11, plain.get("parts").get("done").asInt());
    assertEquals(11, plain.get("cachedParts").asInt());

    // A duplicate delivery of a finished part changes nothing.
    List<PartSpec> plan = runtime.bean(JobStore.class).plan(jobId);
    byte[] before = runtime.bean(BlobStore.class).get(Keys.partMarks(jobId, 0));
    runtime.bean(WorkQueue.class).enqueueParts(List.of(plan.get(0)));
    runtime.bean(WorkQueue.class).enqueueAssembly(jobId);
    // both duplicates handled: received and deleted, nothing waiting or in flight on either queue
    awaitQueuesDrained();
    assertArrayEquals(before, runtime.bean(BlobStore.class).get(Keys.partMarks(jobId, 0)));
    assertEquals("DONE", http.get("api/jobs/" + jobId).json().get("state").asText());
  }

  /** Waits until the synthesis and assembly queues hold no message, visible or in flight. */
  static void awaitQueuesDrained() throws InterruptedException {
    var sqs = com.etoaudiobook.aws.AwsClients.sqs(runtime.sqs().settings());
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int left = Integer.MAX_VALUE;
    while (left > 0 && System.nanoTime() < deadline) {
      left = 0;
      for (String queue : List.of(EmbeddedSqs.SYNTHESIS, EmbeddedSqs.ASSEMBLY)) {
        var a = sqs.getQueueAttributes(GetQueueAttributesRequest.builder().queueUrl(runtime.sqs().queueUrl(queue))
            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE).build()).attributes();
        left += Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
      }
      if (left > 0) {
        Thread.sleep(50);
      }
    }
    assertEquals(0, left, "the queues drain");
  }

  @Test
  void aPartThatKeepsFailingEndsInTheDeadLetterQueueAndCanBeRetried() throws Exception {
    engine.failing.set(true);
    String script = "# Faults\n\n**Ann:** All is well.\n\n**Bob:** Glitch in the line.\n\n**Ann:** Still well.\n";
    JsonNode book = createBook(upload("faults.md", script.getBytes(), "text/markdown"));
    String jobId = http.post("api/jobs", "{\"bookId\":\"" + book.get("id").asText() + "\"}").json().get("id").asText();
    JsonNode failed = http.until("api/jobs/" + jobId, j -> j.get("parts").get("failed").asInt() == 1,
        Duration.ofSeconds(60));
    assertEquals("FAILED", failed.get("state").asText());
    JsonNode failure = failed.get("failures").get(0);
    assertEquals("Bob", failure.get("role").asText());
    assertTrue(failure.get("reason").asText().contains("test fault"), failure.toString());
    assertEquals(3, failure.get("attempts").asInt());
    String dlq = runtime.sqs().queueUrl(EmbeddedSqs.SYNTHESIS + "-dlq");
    var sqs = com.etoaudiobook.aws.AwsClients.sqs(runtime.sqs().settings());
    // SQS moves the message on its next receive after the last allowed one
    String depth = "0";
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!depth.equals("1") && System.nanoTime() < deadline) {
      Thread.sleep(250);
      depth = sqs.getQueueAttributes(GetQueueAttributesRequest.builder().queueUrl(dlq)
          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES).build())
          .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    }
    assertEquals("1", depth, "the failing part is in the dead-letter queue");

    engine.failing.set(false);
    Http.Reply retry = http.post("api/jobs/" + jobId + "/retry", "");
    assertEquals(202, retry.status(), retry.body());
    JsonNode done = waitDone(jobId);
    assertEquals(0, done.get("parts").get("failed").asInt());
  }

  @Test
  void detectRolesTakesAMultipartFileOnNettyToo() throws Exception {
    byte[] script = Files.readAllBytes(Samples.file("night-shift.md"));
    String boundary = "----eto" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"night-shift.md\"\r\n"
        + "Content-Type: text/markdown\r\n\r\n").getBytes());
    body.writeBytes(script);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
    Http.Reply r = http.send(HttpRequest.newBuilder(runtime.url().resolve("api/detect-roles"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    assertEquals(200, r.status(), r.body());
    JsonNode roles = r.json().get("roles");
    assertEquals(4, roles.size());
    assertEquals("Narration", roles.get(0).get("name").asText());
    assertEquals(9, r.json().get("segments").size());
  }

  @Test
  void cancelStopsFurtherWork() {
    StringBuilder script = new StringBuilder("# Long\n\n");
    for (int i = 0; i < 120; i++) {
      script.append("**").append(i % 2 == 0 ? "Ann" : "Bob").append(":** Line number ").append(i)
          .append(" of a long exchange that goes on.\n\n");
    }
    JsonNode book = createBook(upload("long.md", script.toString().getBytes(), "text/markdown"));
    String jobId = http.post("api/jobs", "{\"bookId\":\"" + book.get("id").asText() + "\"}").json().get("id").asText();
    Http.Reply cancelled = http.delete("api/jobs/" + jobId);
    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("CANCELLED", cancelled.json().get("state").asText());
    sleep(2000); // parts already handed to a worker may still land
    JsonNode settled = http.get("api/jobs/" + jobId).json();
    sleep(2000);
    JsonNode later = http.get("api/jobs/" + jobId).json();
    assertEquals("CANCELLED", later.get("state").asText());
    assertEquals(settled.get("parts").get("done").asInt(), later.get("parts").get("done").asInt(),
        "no work after the cancel has settled: " + later);
    assertTrue(later.get("parts").get("done").asInt() < 120, later.toString());
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aFileDroppedInTheInboxBecomesAnAudiobookAndABadOneIsRefusedOnce() throws Exception {
    runtime.bean(BlobStore.class).put("inbox/night-shift.md", Files.readAllBytes(Samples.file("night-shift.md")),
        "text/markdown");
    runtime.bean(BlobStore.class).put("inbox/broken.txt", new byte[] {0, 1, 2, 0, 0, 5}, "text/plain");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    byte[] good = null;
    byte[] bad = null;
    while (System.nanoTime() < deadline && (good == null || bad == null)) {
      good = runtime.bean(BlobStore.class).get("inbox/night-shift.md" + Inbox.RESULT_SUFFIX);
      bad = runtime.bean(BlobStore.class).get("inbox/broken.txt" + Inbox.RESULT_SUFFIX);
      Thread.sleep(200);
    }
    Inbox.Result ok = Json.read(good, Inbox.Result.class);
    assertEquals("accepted", ok.status(), new String(good));
    JsonNode job = waitDone(ok.jobId());
    assertTrue(runtime.bean(BlobStore.class).exists(ok.audiobook()), ok.audiobook());
    assertEquals(11, job.get("parts").get("total").asInt(), "9 segments and the 2 chapter titles");
    Inbox.Result refused = Json.read(bad, Inbox.Result.class);
    assertEquals("refused", refused.status());
    assertEquals("binary", refused.reason());
    // refused once: later inbox scans (every second) must not write the report again
    Path report = dir.resolve("data").resolve("s3").resolve(LocalRuntime.BUCKET)
        .resolve("inbox/broken.txt" + Inbox.RESULT_SUFFIX);
    java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(report);
    Thread.sleep(2500);
    assertEquals(written, Files.getLastModifiedTime(report), "the refusal report was written again");
    assertEquals(1, runtime.bean(BlobStore.class).list("inbox/broken.txt").stream()
        .filter(k -> k.endsWith(Inbox.RESULT_SUFFIX)).count());
  }
}
