package com.etoaudiobook.worker;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.JobService;
import io.micronaut.context.ApplicationContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.etoaudiobook.aws.AwsClients;
import com.etoaudiobook.aws.AwsSettings;
import com.etoaudiobook.aws.PollyEngine;
import com.etoaudiobook.aws.quota.LocalRateLimiter;
import com.etoaudiobook.aws.quota.SynthesisRateLimiter;
import com.etoaudiobook.aws.testing.FakePolly;
import com.etoaudiobook.aws.testing.Fixtures;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.job.JobState;
import com.etoaudiobook.job.synthesis.PartFailure;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.job.RecordingQueue;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.voice.Casting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker on Polly (a local server speaking its protocol): what fails for good, what goes back, what stops. */
class SynthesisWorkerOnPollyTest {
  static final String JOB = "5d2c8e1f0a9b4c7d8e6f1a2b3c4d5e6f";
  static FakePolly polly;
  @TempDir
  Path dir;
  RecordingQueue queue;

  @BeforeAll
  static void start() throws Exception {
    polly = new FakePolly(null);
  }

  @AfterAll
  static void stop() {
    polly.close();
  }

  @BeforeEach
  void reset() {
    polly.reset();
    queue = new RecordingQueue();
  }

  /** The functions' beans on Polly with {@code limiter}, and a running job of {@code parts} parts. */
  private ApplicationContext services(SynthesisRateLimiter limiter, int parts) {
    AwsSettings aws = new AwsSettings("us-east-1", null, null, polly.endpoint(), false, "local", "local");
    PollyEngine engine = new PollyEngine(AwsClients.polly(aws, 2, Duration.ofMillis(1), Duration.ofMillis(5)),
        "neural", List.of(), limiter);
    ApplicationContext beans = Fixtures.context(dir, queue, Map.of("MAX_RECEIVE_COUNT", "3", "SPEECH_PROVIDER", "polly"),
        engine);
    beans.getBean(JobStore.class).saveJob(new Job(JOB, "b", "T", JobState.RUNNING,
        new Casting(Map.of("Narrator", Casting.Assignment.of("Joanna"))), JobOptions.DEFAULT, parts, 0, 0, 0, null,
        0, null));
    return beans;
  }

  private static SQSEvent batch(int parts, int receiveCount) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
      m.setMessageId("m-" + i);
      m.setReceiptHandle("r-" + i);
      m.setBody(Json.writeString(new PartSpec(JOB, i, i, 0, "Line " + i + " of the test.", "Narrator", null,
          "Joanna", null, 1.0, 0, String.format("%064d", i))));
      m.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
      records.add(m);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private static List<String> failed(SQSBatchResponse r) {
    return r.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
  }

  @Test
  void textPollyRefusesFailsTheJobAfterOneCall() {
    ApplicationContext beans = services(SynthesisRateLimiter.NONE, 1);
    polly.failAlways(new FakePolly.Failure(400, "TextLengthExceededException", "Maximum text length exceeded"));
    SQSBatchResponse r = new SynthesisWorkerHandler(beans).handleRequest(batch(1, 1), null);
    assertEquals(List.of(), failed(r), "not delivered again");
    assertEquals(1, polly.speechCalls().size());
    PartFailure f = beans.getBean(JobStore.class).failures(JOB).get(0);
    assertTrue(f.dead() && f.reason().contains("TextLengthExceededException"), f.toString());
    assertEquals(JobState.FAILED, beans.getBean(JobService.class).progress(JOB).job().state(), "the job shows it now");
  }

  @Test
  void serverErrorsComeBackAndAreDeadOnlyOnTheLastDelivery() {
    ApplicationContext beans = services(SynthesisRateLimiter.NONE, 1);
    polly.failAlways(new FakePolly.Failure(500, "ServiceFailureException", "internal failure"));
    SynthesisWorkerHandler handler = new SynthesisWorkerHandler(beans);
    assertEquals(List.of("m-0"), failed(handler.handleRequest(batch(1, 1), null)));
    assertFalse(beans.getBean(JobStore.class).failures(JOB).get(0).dead());
    assertEquals(List.of("m-0"), failed(handler.handleRequest(batch(1, 3), null)));
    assertTrue(beans.getBean(JobStore.class).failures(JOB).get(0).dead(), "the third delivery of three is the last");
  }

  @Test
  void throttlingHandsThePartBackAndNeverMakesItDead() {
    ApplicationContext beans = services(SynthesisRateLimiter.NONE, 1);
    polly.failAlways(new FakePolly.Failure(400, "ThrottlingException", "Rate exceeded"));
    SynthesisWorkerHandler handler = new SynthesisWorkerHandler(beans);
    assertEquals(List.of("m-0"), failed(handler.handleRequest(batch(1, 1), null)), "handed back");
    assertTrue(beans.getBean(JobStore.class).failures(JOB).isEmpty(), "waiting for capacity is not a failure");
    // on its last delivery a handed-back part is queued afresh instead of going to the DLQ
    assertEquals(List.of(), failed(handler.handleRequest(batch(1, 3), null)));
    assertEquals(1, queue.parts.size());
    assertTrue(beans.getBean(JobStore.class).failures(JOB).isEmpty());
  }

  @Test
  void anInvocationWithLittleTimeLeftHandsItsPartsBackUntried() {
    ApplicationContext beans = services(SynthesisRateLimiter.NONE, 3);
    SQSBatchResponse r = new SynthesisWorkerHandler(beans).handleRequest(batch(3, 1), context(5_000));
    assertEquals(List.of("m-0", "m-1", "m-2"), failed(r));
    assertTrue(polly.speechCalls().isEmpty(), "no call that could outlast the invocation");
  }

  @Test
  void afterACancelNoCallStartsASecondLater() throws Exception {
    // one call per second: six parts of two calls each would take twelve seconds
    ApplicationContext beans = services(new LocalRateLimiter(Map.of("neural", 1.0)), 6);
    var handled = CompletableFuture.supplyAsync(
        () -> new SynthesisWorkerHandler(beans).handleRequest(batch(6, 1), null));
    while (polly.speechCalls().size() < 2) {
      Thread.sleep(10);
    }
    beans.getBean(JobService.class).cancel(JOB);
    long cancelledAt = System.nanoTime();
    assertEquals(List.of(), failed(handled.get()), "cancelled parts are settled, not retried");
    long late = polly.speechCalls().stream().filter(c -> c.atNanos() > cancelledAt + 1_000_000_000L).count();
    assertEquals(0, late, "calls starting over a second after the cancel");
    assertTrue(polly.speechCalls().size() < 12, polly.speechCalls().size() + " calls");
  }

  /** A Lambda context with {@code millis} left. */
  private static Context context(long millis) {
    return new Context() {
      public String getAwsRequestId() {
        return "test";
      }

      public String getLogGroupName() {
        return null;
      }

      public String getLogStreamName() {
        return null;
      }

      public String getFunctionName() {
        return "worker";
      }

      public String getFunctionVersion() {
        return "1";
      }

      public String getInvokedFunctionArn() {
        return null;
      }

      public CognitoIdentity getIdentity() {
        return null;
      }

      public ClientContext getClientContext() {
        return null;
      }

      public int getRemainingTimeInMillis() {
        return (int) millis;
      }

      public int getMemoryLimitInMB() {
        return 1024;
      }

      public LambdaLogger getLogger() {
        return null;
      }
    };
  }
}
