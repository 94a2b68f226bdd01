package com.etoaudiobook.assembler;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.etoaudiobook.job.synthesis.PartSynthesizer;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.assembly.AudiobookAssembler;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.book.BookParser;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.voice.AutoCaster;
import io.micronaut.context.ApplicationContext;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.etoaudiobook.audio.Ffmpeg;
import com.etoaudiobook.aws.testing.Fixtures;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.job.JobState;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.job.RecordingQueue;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.storage.FileBlobStore;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assembler fed with events/sqs-assembly.json; running it twice is harmless. */
class AssemblerHandlerTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @Event(value = "sqs-assembly.json", type = SQSEvent.class)
  void assemblesOnceAndASecondRunChangesNothing(SQSEvent event) throws Exception {
    RecordingQueue queue = new RecordingQueue();
    ApplicationContext beans = Fixtures.context(dir, queue, Map.of());
    String jobId = Json.MAPPER.readTree(event.getRecords().get(0).getBody()).get("jobId").asText();

    // a job whose parts are done: plan a small book under the event's job id and synthesize it
    Book book = beans.getBean(BookParser.class).parse("s.md", "# T\n\n## One\n\n**A:** Hello there.\n\n**B:** Hi.\n\n## Two\n\n**A:** Bye."
        .getBytes());
    beans.getBean(JobStore.class).saveBook("b", book);
    var casting = beans.getBean(AutoCaster.class).cast(book, Map.of());
    List<PartSpec> plan = beans.getBean(JobService.class).plan(jobId, book, casting, JobOptions.DEFAULT);
    beans.getBean(JobStore.class).savePlan(jobId, plan);
    beans.getBean(JobStore.class).saveJob(new Job(jobId, "b", book.title(), JobState.RUNNING, casting, JobOptions.DEFAULT,
        plan.size(), 0, 0, 0, null, 0, null));
    plan.forEach(p -> beans.getBean(PartSynthesizer.class).process(p));

    AssemblerHandler handler = new AssemblerHandler(beans);
    SQSBatchResponse response = handler.handleRequest(event, null);
    assertTrue(response.getBatchItemFailures().isEmpty());
    Job done = beans.getBean(JobStore.class).job(jobId);
    assertEquals(JobState.DONE, done.state());
    Path mp3 = ((FileBlobStore) beans.getBean(BlobStore.class)).path(done.outputs().get("audiobook"));
    assertEquals(2, Ffmpeg.chapters(mp3).size());
    byte[] first = Files.readAllBytes(mp3);

    SQSBatchResponse again = handler.handleRequest(event, null);
    assertTrue(again.getBatchItemFailures().isEmpty());
    assertArrayEquals(first, Files.readAllBytes(mp3), "a duplicate trigger leaves the audiobook as it was");
  }

  @ParameterizedTest
  @Event(value = "sqs-assembly.json", type = SQSEvent.class)
  void aJobWithMissingPartsIsLookedAtLater(SQSEvent event) {
    RecordingQueue queue = new RecordingQueue();
    ApplicationContext beans = Fixtures.context(dir, queue, Map.of());
    String jobId = event.getRecords().get(0).getBody().replaceAll(".*\"jobId\"\\s*:\\s*\"([0-9a-f]+)\".*", "$1");
    Book book = beans.getBean(BookParser.class).parse("s.md", "**A:** Hello there.".getBytes());
    beans.getBean(JobStore.class).saveBook("b", book);
    var casting = beans.getBean(AutoCaster.class).cast(book, Map.of());
    List<PartSpec> plan = beans.getBean(JobService.class).plan(jobId, book, casting, JobOptions.DEFAULT);
    beans.getBean(JobStore.class).savePlan(jobId, plan);
    beans.getBean(JobStore.class).saveJob(new Job(jobId, "b", book.title(), JobState.RUNNING, casting, JobOptions.DEFAULT,
        plan.size(), 0, 0, 0, null, 0, null));

    SQSBatchResponse response = new AssemblerHandler(beans).handleRequest(event, null);
    // not done yet: not a failure (which would come back after the queue's 15 minutes), a look later
    assertTrue(response.getBatchItemFailures().isEmpty());
    assertEquals(List.of(Map.entry(jobId, AudiobookAssembler.FIRST_LOOK_SECONDS)), queue.laterAssemblies);
    assertEquals(List.of(), beans.getBean(JobStore.class).blobs().list(Keys.out(jobId, "")));
  }

  @ParameterizedTest
  @Event(value = "sqs-assembly.json", type = SQSEvent.class)
  void aJobThatDoesNotExistIsDroppedButABrokenOneIsRetried(SQSEvent event) {
    ApplicationContext beans = Fixtures.context(dir, new RecordingQueue(), Map.of());
    SQSBatchResponse unknown = new AssemblerHandler(beans).handleRequest(event, null);
    assertTrue(unknown.getBatchItemFailures().isEmpty(), "no job: retrying cannot help");

    // a job that exists, its part done, but whose book is unreadable must come back, not be dropped
    String jobId = event.getRecords().get(0).getBody().replaceAll(".*\"jobId\"\\s*:\\s*\"([0-9a-f]+)\".*", "$1");
    beans.getBean(JobStore.class).saveJob(new Job(jobId, "missing-book", "T", JobState.RUNNING, null, JobOptions.DEFAULT,
        1, 0, 0, 0, null, 0, null));
    beans.getBean(BlobStore.class).put(Keys.partMarks(jobId, 0),
        Json.write(new com.etoaudiobook.job.synthesis.PartResult(1, 100, 5, false, List.of())), "application/json");
    SQSBatchResponse broken = new AssemblerHandler(beans).handleRequest(event, null);
    assertEquals(1, broken.getBatchItemFailures().size(), "a failure other than an unknown job is retried");
  }
}
