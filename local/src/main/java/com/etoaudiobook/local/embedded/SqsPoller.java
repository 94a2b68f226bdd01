package com.etoaudiobook.local.embedded;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.etoaudiobook.concurrent.DaemonThreads;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Lambda's SQS event source mapping, emulated: long-polls a queue, hands batches of up to
 * {@code batchSize} messages to a handler as an {@link SQSEvent} built field for field as Lambda
 * builds it ({@link LambdaSqsEvents}), with at most {@code maximumConcurrency} invocations at
 * once, and then deletes every message except those the handler reports in
 * {@link SQSBatchResponse#getBatchItemFailures()} (ReportBatchItemFailures). When the handler throws, nothing is deleted: the whole batch is
 * received again later, and the queue's redrive policy moves a message that keeps failing to its
 * dead-letter queue after maxReceiveCount receives, exactly as in AWS.
 *
 * <p>Like Lambda's pollers, it receives up to 10 messages per request, as many as the free
 * invocation slots can take, and deletes handled messages in batches of up to 10: per message,
 * SQS requests then cost a fraction of one request each, whatever the batch size.
 *
 * <p>One difference, on purpose: Lambda leaves a failed message invisible for the rest of the
 * queue's visibility timeout before retrying it. Locally that wait only slows development down, so
 * failed messages are made visible again after {@code failureBackoff} (2 s by default) with
 * ChangeMessageVisibility. Set it to null to keep Lambda's behaviour.
 */
public final class SqsPoller implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SqsPoller.class.getName());

  private final SqsClient sqs;
  private final String queueUrl;
  /** The event Lambda would build of the received messages, and its reading of the answer. */
  private final LambdaSqsEvents events;
  private final Function<SQSEvent, SQSBatchResponse> handler;
  private final int batchSize;
  private final int maximumConcurrency;
  private final Duration visibilityTimeout;
  private final Duration waitTime;
  private final Duration failureBackoff;
  private final String region;
  /** Runs invocations; the receiver and the deleter run on it too. */
  private final ExecutorService workers;
  /** Free invocation slots: MaximumConcurrency in all. */
  private final Semaphore slots;
  /** Handled messages waiting to be deleted; the deleter sends them 10 at a time. */
  private final LinkedBlockingQueue<String> handled = new LinkedBlockingQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean running;
  private volatile boolean deleting;

  private SqsPoller(Builder b) {
    this.sqs = b.sqs;
    this.queueUrl = b.queueUrl;
    this.handler = b.handler;
    this.batchSize = b.batchSize;
    this.maximumConcurrency = b.maximumConcurrency;
    this.visibilityTimeout = b.visibilityTimeout;
    this.waitTime = b.waitTime;
    this.failureBackoff = b.failureBackoff;
    this.region = b.region;
    String queueName = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    this.events = new LambdaSqsEvents("arn:aws:sqs:" + region + ":" + EmbeddedSqs.ACCOUNT + ":" + queueName, region);
    this.slots = new Semaphore(maximumConcurrency);
    this.workers = Executors.newFixedThreadPool(maximumConcurrency + 2, DaemonThreads.named("sqs-poller-" + queueName));
  }

  public static Builder builder(SqsClient sqs, String queueUrl, Function<SQSEvent, SQSBatchResponse> handler) {
    return new Builder(sqs, queueUrl, handler);
  }

  /** Starts the receiver and the deleter; invocations start as messages arrive. */
  public synchronized SqsPoller start() {
    if (running) {
      return this;
    }
    running = true;
    deleting = true;
    workers.execute(this::receive);
    workers.execute(this::deleteHandled);
    return this;
  }

  /** Stops polling and waits for batches in flight to be handled and settled. */
  public void stop() {
    stop(Duration.ofMinutes(15)); // Lambda's longest invocation
  }

  /** Returns false when batches were still in flight after the timeout. */
  public boolean stop(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    running = false;
    try {
      // every slot back means no invocation is running: then the last deletes can go
      boolean idle = slots.tryAcquire(maximumConcurrency, timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (idle) {
        slots.release(maximumConcurrency);
      }
      deleting = false;
      workers.shutdown();
      return workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS) && idle;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Handler invocations running now. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Waits for a free slot, asks for as many messages as the free slots can take (at most 10), and
   * starts one invocation per batch. Messages are never received without a slot to run them, so
   * none waits invisible behind a busy handler.
   */
  private void receive() {
    while (running) {
      int free;
      try {
        if (!slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
          continue;
        }
      } catch (InterruptedException e) {
        return;
      }
      if (!running) {
        // stop() may be waiting for every slot to shut the pool down: receive nothing more
        slots.release();
        return;
      }
      free = 1 + slots.drainPermits();
      List<Message> messages;
      try {
        messages = sqs.receiveMessage(receiveRequest(Math.min(10, free * batchSize))).messages();
      } catch (RuntimeException e) {
        // an SdkException, or the client closed under us: the slots go back either way
        slots.release(free);
        if (!running) {
          return;
        }
        LOG.log(System.Logger.Level.WARNING, "receive from " + queueUrl + " failed; retrying", e);
        sleep(Duration.ofSeconds(1));
        continue;
      }
      // Messages received while stopping are handled anyway: they are already invisible to others.
      int used = 0;
      for (int from = 0; from < messages.size(); from += batchSize) {
        List<Message> batch = messages.subList(from, Math.min(messages.size(), from + batchSize));
        used++;
        workers.execute(() -> {
          try {
            invoke(batch);
          } finally {
            slots.release();
          }
        });
      }
      slots.release(free - used);
    }
  }

  /** Sends handled messages' deletes, up to 10 per request, until stopped and drained. */
  private void deleteHandled() {
    while (deleting || !handled.isEmpty()) {
      List<String> receipts = new ArrayList<>(10);
      try {
        String first = handled.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        receipts.add(first);
      } catch (InterruptedException e) {
        return;
      }
      handled.drainTo(receipts, 9);
      List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>(receipts.size());
      for (int i = 0; i < receipts.size(); i++) {
        deletes.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(receipts.get(i))
            .build());
      }
      try {
        DeleteMessageBatchResponse response = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(deletes));
        if (response.hasFailed() && !response.failed().isEmpty()) {
          LOG.log(System.Logger.Level.WARNING, "could not delete " + response.failed().size()
              + " handled messages from " + queueUrl + "; they will be delivered again: " + response.failed());
        }
      } catch (RuntimeException e) {
        // Undeleted messages are redelivered: at-least-once, as with Lambda.
        LOG.log(System.Logger.Level.WARNING, "deleting handled messages from " + queueUrl + " failed", e);
      }
    }
  }

  private ReceiveMessageRequest receiveRequest(int maxMessages) {
    ReceiveMessageRequest.Builder r = ReceiveMessageRequest.builder()
        .queueUrl(queueUrl)
        .maxNumberOfMessages(maxMessages)
        .waitTimeSeconds((int) waitTime.toSeconds())
        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
        .messageAttributeNames("All");
    if (visibilityTimeout != null) {
      r.visibilityTimeout((int) visibilityTimeout.toSeconds());
    }
    return r.build();
  }

  private void invoke(List<Message> messages) {
    Set<String> ids = new HashSet<>();
    messages.forEach(m -> ids.add(m.messageId()));
    Set<String> failed;
    inFlight.incrementAndGet();
    try {
      failed = LambdaSqsEvents.failures(handler.apply(events.event(messages)), ids);
    } catch (Throwable e) {
      // A function error: Lambda deletes nothing and the whole batch comes back.
      LOG.log(System.Logger.Level.WARNING, "handler failed on a batch of " + messages.size() + " from " + queueUrl, e);
      failed = ids;
      if (e instanceof VirtualMachineError) {
        throw (VirtualMachineError) e;
      }
    } finally {
      inFlight.decrementAndGet();
    }
    try {
      settle(messages, failed);
    } catch (SdkException e) {
      // Undeleted messages are redelivered: at-least-once, as with Lambda.
      LOG.log(System.Logger.Level.WARNING, "settling a batch from " + queueUrl + " failed", e);
    }
  }

  private void settle(List<Message> messages, Set<String> failed) {
    List<ChangeMessageVisibilityBatchRequestEntry> retries = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      if (failed.contains(m.messageId())) {
        if (failureBackoff != null) {
          retries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
              .receiptHandle(m.receiptHandle()).visibilityTimeout((int) failureBackoff.toSeconds()).build());
        }
      } else {
        handled.add(m.receiptHandle());
      }
    }
    if (!retries.isEmpty()) {
      sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(retries));
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Settings with Lambda's names and limits. */
  public static final class Builder {
    private final SqsClient sqs;
    private final String queueUrl;
    private final Function<SQSEvent, SQSBatchResponse> handler;
    private int batchSize = 10;
    private int maximumConcurrency = 2;
    private Duration visibilityTimeout;
    private Duration waitTime = Duration.ofSeconds(2);
    private Duration failureBackoff = Duration.ofSeconds(2);
    private String region = EmbeddedSqs.REGION;

    private Builder(SqsClient sqs, String queueUrl, Function<SQSEvent, SQSBatchResponse> handler) {
      this.sqs = Objects.requireNonNull(sqs);
      this.queueUrl = Objects.requireNonNull(queueUrl);
      this.handler = Objects.requireNonNull(handler);
    }

    /** Messages per invocation, 1..10 (SQS returns at most 10 per receive). */
    public Builder batchSize(int n) {
      if (n < 1 || n > 10) {
        throw new IllegalArgumentException("batch size 1..10: " + n);
      }
      batchSize = n;
      return this;
    }

    /** Concurrent handler invocations (Lambda's ScalingConfig.MaximumConcurrency). */
    public Builder maximumConcurrency(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maximum concurrency: " + n);
      }
      maximumConcurrency = n;
      return this;
    }

    /** Visibility timeout for received messages; null (default) keeps the queue's own. */
    public Builder visibilityTimeout(Duration d) {
      visibilityTimeout = d;
      return this;
    }

    /** Long-poll wait, 1..5 s: longer polls delay stop(). */
    public Builder waitTime(Duration d) {
      if (d.toSeconds() < 1 || d.toSeconds() > 5) {
        throw new IllegalArgumentException("wait time 1..5 s: " + d);
      }
      waitTime = d;
      return this;
    }

    /** How long a failed message stays invisible (whole seconds); null waits out the visibility timeout. */
    public Builder failureBackoff(Duration d) {
      failureBackoff = d;
      return this;
    }

    public Builder region(String r) {
      region = Objects.requireNonNull(r);
      return this;
    }

    public SqsPoller build() {
      return new SqsPoller(this);
    }
  }
}
