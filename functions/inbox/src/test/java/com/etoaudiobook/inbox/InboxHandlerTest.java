package com.etoaudiobook.inbox;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.etoaudiobook.aws.Services;
import com.etoaudiobook.aws.testing.Fixtures;
import com.etoaudiobook.job.inbox.Inbox;
import com.etoaudiobook.job.RecordingQueue;
import com.etoaudiobook.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbox fed with events/s3-inbox.json. */
class InboxHandlerTest {
  @TempDir
  Path dir;

  @Test
  void aDroppedScriptStartsAJobAndSaysWhereTheAudiobookWillBe() throws Exception {
    RecordingQueue queue = new RecordingQueue();
    Services services = Fixtures.services(dir, queue, Map.of());
    S3Event event = Fixtures.event("s3-inbox.json", S3Event.class);
    String key = event.getRecords().get(0).getS3().getObject().getKey();
    Path demo = Fixtures.root().resolve("../shared/samples/demo-story.md");
    services.blobs().put(key, Files.readAllBytes(demo), "text/markdown");

    new InboxHandler(services).handleRequest(event, null);
    Inbox.Result result = Json.read(services.blobs().get(key + Inbox.RESULT_SUFFIX), Inbox.Result.class);
    assertEquals("accepted", result.status());
    assertNotNull(services.store().job(result.jobId()));
    assertEquals(13, queue.parts.size(), "one part per segment of the demo story and one per chapter title (2)");
    assertTrue(result.audiobook().endsWith(".mp3"));

    // the same notification again: no second job
    new InboxHandler(services).handleRequest(event, null);
    assertEquals(13, queue.parts.size());
  }

  @Test
  void aBadFileIsRefusedOnceWithTheReasonAndNeverThrows() {
    RecordingQueue queue = new RecordingQueue();
    Services services = Fixtures.services(dir, queue, Map.of());
    S3Event event = Fixtures.event("s3-inbox.json", S3Event.class);
    String key = event.getRecords().get(0).getS3().getObject().getKey();
    services.blobs().put(key, new byte[] {0, 1, 2, 3, 0, 0, 0, 9}, "text/markdown");

    new InboxHandler(services).handleRequest(event, null);
    Inbox.Result result = Json.read(services.blobs().get(key + Inbox.RESULT_SUFFIX), Inbox.Result.class);
    assertEquals("refused", result.status());
    assertEquals("binary", result.reason());
    assertTrue(queue.parts.isEmpty());
  }
}
