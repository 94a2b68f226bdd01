package com.etoaudiobook.worker;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.storage.BlobStore;
import io.micronaut.context.ApplicationContext;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.etoaudiobook.aws.testing.Fixtures;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.job.JobState;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.synthesis.PartFailure;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.job.RecordingQueue;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.voice.Casting;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker fed with events/sqs-synthesis.json, as Lambda would feed it. */
class SynthesisWorkerHandlerTest {
  @TempDir
  Path dir;
  RecordingQueue queue;
  ApplicationContext beans;
  SQSEvent event;
  PartSpec part;

  /** The job the event's part belongs to. */
  void setUp(SQSEvent sqsEvent) {
    queue = new RecordingQueue();
    beans = Fixtures.context(dir, queue, Map.of("MAX_RECEIVE_COUNT", "3"));
    event = sqsEvent;
    part = Json.read(event.getRecords().get(0).getBody(), PartSpec.class);
    // the job the event's part belongs to: one segment, one part
    Segment s = new Segment(0, 0, 0, part.role(), null, part.text(), 0, part.text().length());
    Book book = new Book("T", null, "en", List.of(new Chapter(0, "One", List.of(s))),
        List.of(new Role(part.role(), 1, part.text().length(), part.text(), List.of(), null)),
        new Book.Source("t.md", "markdown", "UTF-8"), List.of());
    beans.getBean(JobStore.class).saveBook("b", book);
    beans.getBean(JobStore.class).savePlan(part.jobId(), List.of(part));
    beans.getBean(JobStore.class).saveJob(new Job(part.jobId(), "b", "T", JobState.RUNNING,
        new Casting(Map.of(part.role(), Casting.Assignment.of(part.voiceId()))), JobOptions.DEFAULT, 1,
        0, 0, 0, null, 0, null));
  }

  @ParameterizedTest
  @Event(value = "sqs-synthesis.json", type = SQSEvent.class)
  void synthesizesThePartAndAsksForAssemblyWhenItIsTheLast(SQSEvent sqsEvent) {
    setUp(sqsEvent);
    SQSBatchResponse response = new SynthesisWorkerHandler(beans).handleRequest(event, null);
    assertTrue(response.getBatchItemFailures().isEmpty());
    assertNotNull(beans.getBean(BlobStore.class).get(Keys.cacheEntry(part.cacheKey())), "the audio, in the cache");
    assertNotNull(beans.getBean(JobStore.class).partResult(part.jobId(), 0));
    assertEquals(List.of(part.jobId()), queue.assemblies);
  }

  @ParameterizedTest
  @Event(value = "sqs-synthesis.json", type = SQSEvent.class)
  void aDuplicateDeliveryChangesNothing(SQSEvent sqsEvent) {
    setUp(sqsEvent);
    SynthesisWorkerHandler handler = new SynthesisWorkerHandler(beans);
    handler.handleRequest(event, null);
    byte[] first = beans.getBean(BlobStore.class).get(Keys.partMarks(part.jobId(), 0));
    handler.handleRequest(event, null);
    assertArrayEquals(first, beans.getBean(BlobStore.class).get(Keys.partMarks(part.jobId(), 0)), "the first record stands");
    assertEquals(1, beans.getBean(BlobStore.class).list(Keys.partsPrefix(part.jobId())).size(), "one record, no copy of the audio");
  }

  @ParameterizedTest
  @Event(value = "sqs-synthesis.json", type = SQSEvent.class)
  void aPartTheEngineRefusesFailsForGoodOnItsFirstDelivery(SQSEvent sqsEvent) {
    setUp(sqsEvent);
    SQSEvent.SQSMessage good = event.getRecords().get(0);
    SQSEvent.SQSMessage bad = new SQSEvent.SQSMessage();
    PartSpec broken = new PartSpec(part.jobId(), 1, 0, 0, "Hello.", part.role(), null, "no-such-voice", null, 1.0, 0,
        "0".repeat(64));
    bad.setMessageId("bad-1");
    bad.setBody(Json.writeString(broken));
    bad.setAttributes(Map.of("ApproximateReceiveCount", "1"));
    SQSEvent.SQSMessage garbage = new SQSEvent.SQSMessage();
    garbage.setMessageId("garbage-1");
    garbage.setBody("{not json");
    SQSEvent batch = new SQSEvent();
    batch.setRecords(List.of(good, bad, garbage));

    SQSBatchResponse response = new SynthesisWorkerHandler(beans).handleRequest(batch, null);
    // an unknown voice will be unknown on every delivery: settled now, not delivered again
    assertEquals(List.of(), response.getBatchItemFailures());
    List<PartFailure> failures = beans.getBean(JobStore.class).failures(part.jobId());
    assertEquals(1, failures.size());
    assertTrue(failures.get(0).dead(), "dead on the first of three deliveries");
    assertEquals(1, failures.get(0).attempts());
    assertTrue(failures.get(0).reason().contains("no-such-voice"), failures.get(0).reason());
  }
}
