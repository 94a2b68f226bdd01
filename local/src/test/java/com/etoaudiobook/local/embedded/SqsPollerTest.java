package com.etoaudiobook.local.embedded;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SqsPoller against a real ElasticMQ: the event source mapping's contract, message by message. */
class SqsPollerTest {
  static EmbeddedSqs embedded;
  static SqsClient sqs;

  @BeforeAll
  static void start() {
    embedded = EmbeddedSqs.start(0, List.of());
    sqs = com.etoaudiobook.aws.AwsClients.sqs(embedded.settings());
  }

  @AfterAll
  static void stop() {
    sqs.close();
    embedded.close();
  }

  /** What the handler saw: one entry per message per delivery. */
  record Seen(String id, String body, int receiveCount) {
  }

  @Test
  void reportedFailureIsRedeliveredAndTheRestDeleted() {
    String url = embedded.createQueue(new EmbeddedSqs.QueueSpec("partial", Duration.ofSeconds(30), 5));
    List<Seen> seen = new CopyOnWriteArrayList<>();
    List<SQSEvent.SQSMessage> records = new CopyOnWriteArrayList<>();
    Function<SQSEvent, SQSBatchResponse> handler = event -> {
      List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
      for (SQSEvent.SQSMessage m : event.getRecords()) {
        records.add(m);
        int count = Integer.parseInt(m.getAttributes().get("ApproximateReceiveCount"));
        seen.add(new Seen(m.getMessageId(), m.getBody(), count));
        if (m.getBody().equals("m2") && count == 1) {
          failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
        }
      }
      return new SQSBatchResponse(failures);
    };
    sendBatch(url, "m0", "m1", "m2", "m3", "m4");
    try (SqsPoller poller = SqsPoller.builder(sqs, url, handler).batchSize(10).maximumConcurrency(1)
        .waitTime(Duration.ofSeconds(1)).failureBackoff(Duration.ZERO).build().start()) {
      await(() -> seen.stream().anyMatch(s -> s.body().equals("m2") && s.receiveCount() == 2));
      await(() -> messagesIn(url) == 0);
    }
    assertEquals(6, seen.size(), seen::toString);
    for (String body : List.of("m0", "m1", "m3", "m4")) {
      assertEquals(List.of(1), seen.stream().filter(s -> s.body().equals(body)).map(Seen::receiveCount).toList(), body);
    }
    List<Seen> m2 = seen.stream().filter(s -> s.body().equals("m2")).toList();
    assertEquals(List.of(1, 2), m2.stream().map(Seen::receiveCount).toList());
    assertEquals(m2.get(0).id(), m2.get(1).id());

    // the record is shaped as Lambda shapes it
    SQSEvent.SQSMessage r = records.get(0);
    assertEquals("aws:sqs", r.getEventSource());
    assertEquals("arn:aws:sqs:us-east-1:000000000000:partial", r.getEventSourceArn());
    assertEquals("us-east-1", r.getAwsRegion());
    assertNotNull(r.getReceiptHandle());
    assertEquals(md5(r.getBody()), r.getMd5OfBody());
    for (String key : List.of("ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp")) {
      assertNotNull(r.getAttributes().get(key), key + " in " + r.getAttributes());
    }
    assertEquals("voice-test", r.getMessageAttributes().get("source").getStringValue());
    assertEquals("String", r.getMessageAttributes().get("source").getDataType());
  }

  @Test
  void aMessageThatAlwaysFailsEndsInTheDeadLetterQueue() {
    EmbeddedSqs.QueueSpec spec = new EmbeddedSqs.QueueSpec("poison", Duration.ofSeconds(30), 2);
    String url = embedded.createQueue(spec);
    String dlq = embedded.queueUrl(spec.dlqName());
    List<Integer> counts = new CopyOnWriteArrayList<>();
    Function<SQSEvent, SQSBatchResponse> handler = event -> {
      List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
      for (SQSEvent.SQSMessage m : event.getRecords()) {
        counts.add(Integer.parseInt(m.getAttributes().get("ApproximateReceiveCount")));
        failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
      }
      return new SQSBatchResponse(failures);
    };
    sqs.sendMessage(r -> r.queueUrl(url).messageBody("poison pill"));
    List<Message> dead = new ArrayList<>();
    try (SqsPoller poller = SqsPoller.builder(sqs, url, handler).waitTime(Duration.ofSeconds(1))
        .failureBackoff(Duration.ZERO).build().start()) {
      await(() -> {
        dead.addAll(sqs.receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(1)).messages());
        return !dead.isEmpty();
      });
    }
    assertEquals("poison pill", dead.get(0).body());
    assertEquals(List.of(1, 2), counts, "handled maxReceiveCount times, then redriven");
    assertEquals(0, messagesIn(url));
  }

  @Test
  void batchSizeIsRespected() {
    String url = embedded.createQueue(new EmbeddedSqs.QueueSpec("batches", Duration.ofSeconds(30), 5));
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    AtomicInteger handled = new AtomicInteger();
    sendBatch(url, "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9");
    sendBatch(url, "b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9");
    try (SqsPoller poller = SqsPoller.builder(sqs, url, event -> {
      sizes.add(event.getRecords().size());
      handled.addAndGet(event.getRecords().size());
      return null; // as in Lambda, no response means the whole batch succeeded
    }).batchSize(3).maximumConcurrency(1).waitTime(Duration.ofSeconds(1)).build().start()) {
      await(() -> handled.get() == 20);
      await(() -> messagesIn(url) == 0);
    }
    assertTrue(sizes.stream().allMatch(n -> n >= 1 && n <= 3), sizes::toString);
    assertEquals(3, Collections.max(sizes), sizes::toString);
  }

  @Test
  void maximumConcurrencyIsRespected() {
    String url = embedded.createQueue(new EmbeddedSqs.QueueSpec("concurrency", Duration.ofSeconds(30), 5));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    AtomicInteger handled = new AtomicInteger();
    for (int i = 0; i < 2; i++) {
      sendBatch(url, "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");
    }
    try (SqsPoller poller = SqsPoller.builder(sqs, url, event -> {
      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running.decrementAndGet();
      handled.addAndGet(event.getRecords().size());
      return new SQSBatchResponse(List.of());
    }).batchSize(1).maximumConcurrency(3).waitTime(Duration.ofSeconds(1)).build().start()) {
      await(() -> handled.get() == 20);
    }
    assertTrue(peak.get() <= 3, "peak " + peak.get());
    assertTrue(peak.get() >= 2, "never ran concurrently: peak " + peak.get());
  }

  @Test
  void manySingleMessageInvocationsRunTogetherAndEachMessageIsHandledOnceAndDeleted() {
    String url = embedded.createQueue(new EmbeddedSqs.QueueSpec("fan-out", Duration.ofSeconds(30), 5));
    List<String> bodies = new CopyOnWriteArrayList<>();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    for (int b = 0; b < 6; b++) {
      String[] batch = new String[10];
      for (int i = 0; i < 10; i++) {
        batch[i] = "m" + (b * 10 + i);
      }
      sendBatch(url, batch);
    }
    try (SqsPoller poller = SqsPoller.builder(sqs, url, event -> {
      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      event.getRecords().forEach(r -> bodies.add(r.getBody()));
      running.decrementAndGet();
      return null;
    }).batchSize(1).maximumConcurrency(16).waitTime(Duration.ofSeconds(1)).build().start()) {
      await(() -> bodies.size() >= 60);
      await(() -> messagesIn(url) == 0);
    }
    assertEquals(60, bodies.size(), "each message handled once");
    assertEquals(60, new java.util.HashSet<>(bodies).size());
    assertTrue(peak.get() <= 16, "peak " + peak.get());
    // one receive brings up to 10 messages, each its own invocation: the slots fill at once
    assertTrue(peak.get() >= 10, "peak " + peak.get());
  }

  @Test
  void aThrowingHandlerGetsTheWholeBatchAgain() {
    String url = embedded.createQueue(new EmbeddedSqs.QueueSpec("throwing", Duration.ofSeconds(30), 5));
    AtomicBoolean thrown = new AtomicBoolean();
    List<String> firstBatch = new CopyOnWriteArrayList<>();
    Map<String, Integer> lastCount = new ConcurrentHashMap<>();
    sendBatch(url, "t0", "t1", "t2");
    try (SqsPoller poller = SqsPoller.builder(sqs, url, event -> {
      if (thrown.compareAndSet(false, true)) {
        event.getRecords().forEach(m -> firstBatch.add(m.getMessageId()));
        throw new IllegalStateException("engine down");
      }
      event.getRecords().forEach(m ->
          lastCount.put(m.getMessageId(), Integer.parseInt(m.getAttributes().get("ApproximateReceiveCount"))));
      return new SQSBatchResponse(List.of());
    }).maximumConcurrency(1).waitTime(Duration.ofSeconds(1)).failureBackoff(Duration.ZERO).build().start()) {
      await(() -> lastCount.size() == 3);
      await(() -> messagesIn(url) == 0);
    }
    assertFalse(firstBatch.isEmpty());
    for (String id : firstBatch) {
      assertEquals(2, lastCount.get(id), "redelivered after the throw: " + id);
    }
  }

  @Test
  void stopWaitsForTheBatchInFlight() {
    String url = embedded.createQueue(new EmbeddedSqs.QueueSpec("stopping", Duration.ofSeconds(30), 5));
    AtomicBoolean finished = new AtomicBoolean();
    sqs.sendMessage(r -> r.queueUrl(url).messageBody("slow"));
    SqsPoller poller = SqsPoller.builder(sqs, url, event -> {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      finished.set(true);
      return null;
    }).waitTime(Duration.ofSeconds(1)).build().start();
    await(() -> poller.inFlight() == 1);
    assertTrue(poller.stop(Duration.ofSeconds(30)));
    assertTrue(finished.get());
    assertEquals(0, poller.inFlight());
    assertEquals(0, messagesIn(url), "settled (deleted) before stop returned");
  }

  private static void sendBatch(String url, String... bodies) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < bodies.length; i++) {
      entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(bodies[i])
          .messageAttributes(Map.of("source", MessageAttributeValue.builder().dataType("String").stringValue("voice-test").build()))
          .build());
    }
    assertTrue(sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries)).failed().isEmpty());
  }

  /** Visible plus in-flight messages. */
  private static int messagesIn(String url) {
    Map<String, String> a = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
        .attributesAsStrings();
    return Integer.parseInt(a.get("ApproximateNumberOfMessages")) + Integer.parseInt(a.get("ApproximateNumberOfMessagesNotVisible"));
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static String md5(String s) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
          .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
