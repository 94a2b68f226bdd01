package com.etoaudiobook.inbox;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.storage.BlobStore;
import io.micronaut.context.ApplicationContext;
import com.etoaudiobook.aws.testing.Fixtures;
import com.etoaudiobook.job.inbox.Inbox;
import com.etoaudiobook.job.RecordingQueue;
import com.etoaudiobook.json.Json;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import org.junit.jupiter.params.ParameterizedTest;
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

  @ParameterizedTest
  @Event(value = "s3-inbox.json", type = S3Event.class)
  void aDroppedScriptStartsAJobAndSaysWhereTheAudiobookWillBe(S3Event event) throws Exception {
    RecordingQueue queue = new RecordingQueue();
    ApplicationContext beans = Fixtures.context(dir, queue, Map.of());
    String key = event.getRecords().get(0).getS3().getObject().getKey();
    Path demo = Fixtures.root().resolve("../shared/samples/demo-story.md");
    beans.getBean(BlobStore.class).put(key, Files.readAllBytes(demo), "text/markdown");

    new InboxHandler(beans).handleRequest(event, null);
    Inbox.Result result = Json.read(beans.getBean(BlobStore.class).get(key + Inbox.RESULT_SUFFIX), Inbox.Result.class);
    assertEquals("accepted", result.status());
    assertNotNull(beans.getBean(JobStore.class).job(result.jobId()));
    assertEquals(13, queue.parts.size(), "one part per segment of the demo story and one per chapter title (2)");
    assertTrue(result.audiobook().endsWith(".mp3"));

    // the same notification again: no second job
    new InboxHandler(beans).handleRequest(event, null);
    assertEquals(13, queue.parts.size());
  }

  @ParameterizedTest
  @Event(value = "s3-inbox.json", type = S3Event.class)
  void aBadFileIsRefusedOnceWithTheReasonAndNeverThrows(S3Event event) {
    RecordingQueue queue = new RecordingQueue();
    ApplicationContext beans = Fixtures.context(dir, queue, Map.of());
    String key = event.getRecords().get(0).getS3().getObject().getKey();
    beans.getBean(BlobStore.class).put(key, new byte[] {0, 1, 2, 3, 0, 0, 0, 9}, "text/markdown");

    new InboxHandler(beans).handleRequest(event, null);
    Inbox.Result result = Json.read(beans.getBean(BlobStore.class).get(key + Inbox.RESULT_SUFFIX), Inbox.Result.class);
    assertEquals("refused", result.status());
    assertEquals("binary", result.reason());
    assertTrue(queue.parts.isEmpty());
  }
}
