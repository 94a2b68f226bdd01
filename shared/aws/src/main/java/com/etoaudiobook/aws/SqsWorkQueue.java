package com.etoaudiobook.aws;

import com.etoaudiobook.concurrent.DaemonThreads;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.job.WorkQueue;
import com.etoaudiobook.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** The WorkQueue on SQS: one message per part on the synthesis queue, {jobId} on the assembly queue. */
public final class SqsWorkQueue implements WorkQueue {
  private static final int MAX_BATCH = 10;
  /** SQS caps a whole batch at 256 KiB; leave room for the request's own fields. */
  private static final int MAX_BATCH_BYTES = 250 * 1024;
  private static final int ATTEMPTS = 5;
  private static final ExecutorService SENDERS = Executors.newFixedThreadPool(8, DaemonThreads.named("sqs-send"));

  private final Supplier<SqsClient> client;
  private final String synthesisQueueUrl;
  private final String assemblyQueueUrl;

  public SqsWorkQueue(SqsClient sqs, String synthesisQueueUrl, String assemblyQueueUrl) {
    this(supplying(Objects.requireNonNull(sqs)), synthesisQueueUrl, assemblyQueueUrl);
  }

  /**
   * Over a client built on the first send: most of the worker's messages send nothing (only a
   * job's last part asks for assembly, only an overloaded batch hands parts back), so its init
   * builds no SQS client (76 classes and the client's set-up; see docs/BENCHMARKS.md, cold start).
   *
   * @param client gives the same client each time (a singleton's provider)
   */
  public SqsWorkQueue(Supplier<SqsClient> client, String synthesisQueueUrl, String assemblyQueueUrl) {
    this.client = Objects.requireNonNull(client);
    this.synthesisQueueUrl = Objects.requireNonNull(synthesisQueueUrl);
    this.assemblyQueueUrl = Objects.requireNonNull(assemblyQueueUrl);
  }

  private static Supplier<SqsClient> supplying(SqsClient sqs) {
    return () -> sqs;
  }

  @Override
  public void enqueueParts(List<PartSpec> parts) {
    List<List<SendMessageBatchRequestEntry>> batches = new ArrayList<>();
    List<SendMessageBatchRequestEntry> batch = new ArrayList<>(MAX_BATCH);
    int bytes = 0;
    for (PartSpec part : parts) {
      String body = Json.writeString(part);
      int size = body.getBytes(StandardCharsets.UTF_8).length;
      if (batch.size() == MAX_BATCH || (!batch.isEmpty() && bytes + size > MAX_BATCH_BYTES)) {
        batches.add(batch);
        batch = new ArrayList<>(MAX_BATCH);
        bytes = 0;
      }
      // Ids only need to be unique within one request.
      batch.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(batch.size())).messageBody(body).build());
      bytes += size;
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    if (batches.size() <= 1) {
      batches.forEach(this::send);
      return;
    }
    // One request at a time, a 40,000-part book took minutes to queue (a round trip per 10 parts);
    // a few in flight keep a job's start within the API's time.
    List<Future<?>> sent = new ArrayList<>(batches.size());
    batches.forEach(b -> sent.add(SENDERS.submit(() -> send(b))));
    try {
      for (Future<?> f : sent) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while queueing part messages", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void enqueueAssembly(String jobId) {
    enqueueAssembly(jobId, 0);
  }

  @Override
  public void enqueueAssembly(String jobId, int delaySeconds) {
    int delay = Math.max(0, Math.min(900, delaySeconds));
    client.get().sendMessage(r -> r.queueUrl(assemblyQueueUrl).delaySeconds(delay)
        .messageBody(Json.writeString(Map.of("jobId", jobId))));
  }

  /**
   * Makes received part messages visible again after {@code seconds} instead of the queue's
   * visibility timeout (720 s in AWS): a part handed back untried is tried again shortly. Best
   * effort: a message whose change fails comes back after the timeout, as it would anyway.
   */
  public void handBack(List<String> receiptHandles, int seconds) {
    for (int from = 0; from < receiptHandles.size(); from += MAX_BATCH) {
      List<String> slice = receiptHandles.subList(from, Math.min(receiptHandles.size(), from + MAX_BATCH));
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>(slice.size());
      for (int i = 0; i < slice.size(); i++) {
        entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
            .receiptHandle(slice.get(i)).visibilityTimeout(seconds).build());
      }
      client.get().changeMessageVisibilityBatch(r -> r.queueUrl(synthesisQueueUrl).entries(entries));
    }
  }

  /** Sends one batch, resending only the entries SQS reports failed (throttling, internal errors). */
  private void send(List<SendMessageBatchRequestEntry> entries) {
    List<SendMessageBatchRequestEntry> pending = entries;
    for (int attempt = 1; ; attempt++) {
      List<SendMessageBatchRequestEntry> batch = pending;
      SendMessageBatchResponse response =
          client.get().sendMessageBatch(r -> r.queueUrl(synthesisQueueUrl).entries(batch));
      if (!response.hasFailed() || response.failed().isEmpty()) {
        return;
      }
      Map<String, SendMessageBatchRequestEntry> byId = new HashMap<>();
      batch.forEach(e -> byId.put(e.id(), e));
      List<SendMessageBatchRequestEntry> retry = new ArrayList<>();
      for (BatchResultErrorEntry failed : response.failed()) {
        if (Boolean.TRUE.equals(failed.senderFault()) || attempt == ATTEMPTS) {
          // A sender fault (bad body, too large) will fail the same way again.
          throw new IllegalStateException("SQS refused part message " + failed.id() + ": "
              + failed.code() + " " + failed.message());
        }
        retry.add(byId.get(failed.id()));
      }
      pending = retry;
      sleep(100L << attempt);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resending part messages", e);
    }
  }
}
