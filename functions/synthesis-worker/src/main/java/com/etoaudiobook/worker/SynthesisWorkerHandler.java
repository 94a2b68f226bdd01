package com.etoaudiobook.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.etoaudiobook.aws.Metrics;
import com.etoaudiobook.aws.Services;
import com.etoaudiobook.aws.SqsWorkQueue;
import com.etoaudiobook.concurrent.DaemonThreads;
import com.etoaudiobook.job.synthesis.PartBatch;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SQS → one part per message, a batch processed concurrently, only failed items reported. Parts
 * handed back untried (no engine capacity in the invocation's time) are reported too, and made
 * visible again within seconds rather than after the queue's visibility timeout.
 */
public final class SynthesisWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(SynthesisWorkerHandler.class);
  /**
   * A batch holds at most 10 messages, each waiting mostly on the engine and storage. Unbounded,
   * not 10 threads: Lambda runs one invocation per instance, but the local runtime runs up to
   * MaximumConcurrency invocations in one JVM, and a fixed pool would cap them all at 10 parts.
   */
  private static final ExecutorService POOL = Executors.newCachedThreadPool(DaemonThreads.named("part"));
  /** Seconds a handed-back part stays invisible: long enough not to spin, short against 720 s. */
  static final int HAND_BACK_SECONDS = 2;
  /** Invocations of this process that ended after their deadline (none should). */
  private static final AtomicLong OVERRUNS = new AtomicLong();

  private final PartBatch batch;
  private final String provider;
  private final SqsWorkQueue queue;
  private final long timeoutMillis;

  public SynthesisWorkerHandler() {
    this(Services.fromEnvironment());
  }

  public SynthesisWorkerHandler(Services services) {
    this.batch = new PartBatch(services.synthesizer(), services.settings().maxReceiveCount(), POOL);
    this.provider = services.engine().provider();
    this.queue = services.queue() instanceof SqsWorkQueue sqs ? sqs : null;
    this.timeoutMillis = services.settings().workerTimeoutSeconds() * 1000L;
  }

  /** Invocations of this process that ran past their deadline. */
  public static long overruns() {
    return OVERRUNS.get();
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    // Lambda says how long is left; the local runtime's poller passes no context: the template's timeout
    long deadline = System.nanoTime() + 1_000_000L * (context == null ? timeoutMillis
        : context.getRemainingTimeInMillis());
    SQSBatchResponse response = Metrics.around("worker", context == null ? null : context.getAwsRequestId(),
        metrics -> handle(event, metrics, deadline));
    if (System.nanoTime() > deadline) {
      OVERRUNS.incrementAndGet();
      LOG.error("synthesis invocation ran past its timeout");
    }
    return response;
  }

  private SQSBatchResponse handle(SQSEvent event, Metrics metrics, long deadline) {
    List<PartBatch.Delivery> deliveries = new ArrayList<>();
    Map<String, String> receipts = new HashMap<>();
    long now = System.currentTimeMillis();
    for (SQSEvent.SQSMessage m : event.getRecords()) {
      metrics.queueWait(m.getAttributes(), now, "synthesis");
      PartSpec part;
      try {
        part = Json.read(m.getBody(), PartSpec.class);
      } catch (RuntimeException e) {
        // A body that is not a part cannot succeed on any retry: log it and let it go.
        LOG.error("dropping malformed synthesis message {}: {}", m.getMessageId(), e.toString());
        metrics.count("Failures", 1, "Reason", "MalformedMessage");
        continue;
      }
      receipts.put(m.getMessageId(), m.getReceiptHandle());
      deliveries.add(new PartBatch.Delivery(m.getMessageId(), part, receiveCount(m)));
    }
    PartBatch.Result result = batch.process(deliveries, metrics.telemetry(provider), deadline);
    handBack(result.handedBack().stream().map(receipts::get).filter(r -> r != null).toList());
    List<SQSBatchResponse.BatchItemFailure> failures = result.all().stream()
        .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build()).toList();
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }

  /** Lambda leaves a reported message invisible for the whole visibility timeout; shorten it. */
  private void handBack(List<String> receiptHandles) {
    if (receiptHandles.isEmpty() || queue == null) {
      return;
    }
    try {
      queue.handBack(receiptHandles, HAND_BACK_SECONDS);
    } catch (RuntimeException e) {
      LOG.warn("could not shorten the visibility of {} handed-back parts: {}", receiptHandles.size(), e.toString());
    }
  }

  /** The message's ApproximateReceiveCount (1 on a first delivery, and when unknown). */
  static int receiveCount(SQSEvent.SQSMessage m) {
    String count = m.getAttributes() == null ? null : m.getAttributes().get("ApproximateReceiveCount");
    try {
      return count == null ? 1 : Integer.parseInt(count);
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
