package com.etoaudiobook.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.etoaudiobook.aws.Metrics;
import com.etoaudiobook.aws.Services;
import com.etoaudiobook.concurrent.DaemonThreads;
import com.etoaudiobook.job.PartBatch;
import com.etoaudiobook.job.PartSpec;
import com.etoaudiobook.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** SQS → one part per message, a batch processed concurrently, only failed items reported. */
public final class SynthesisWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(SynthesisWorkerHandler.class);
  /**
   * A batch holds at most 10 messages, each waiting mostly on the engine and storage. Unbounded,
   * not 10 threads: Lambda runs one invocation per instance, but the local runtime runs up to
   * MaximumConcurrency invocations in one JVM, and a fixed pool would cap them all at 10 parts.
   */
  private static final ExecutorService POOL = Executors.newCachedThreadPool(DaemonThreads.named("part"));

  private final PartBatch batch;
  private final String provider;

  public SynthesisWorkerHandler() {
    this(Services.fromEnvironment());
  }

  public SynthesisWorkerHandler(Services services) {
    this.batch = new PartBatch(services.synthesizer(), services.settings().maxReceiveCount(), POOL);
    this.provider = services.engine().provider();
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return Metrics.around("worker", context == null ? null : context.getAwsRequestId(),
        metrics -> handle(event, metrics));
  }

  private SQSBatchResponse handle(SQSEvent event, Metrics metrics) {
    List<PartBatch.Delivery> deliveries = new ArrayList<>();
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
      deliveries.add(new PartBatch.Delivery(m.getMessageId(), part, receiveCount(m)));
    }
    List<SQSBatchResponse.BatchItemFailure> failures = batch.process(deliveries, metrics.telemetry(provider))
        .stream()
        .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build()).toList();
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }

  /** From the message's SentTimestamp attribute to now (the start of work), or -1 when unknown. */
  static int receiveCount(SQSEvent.SQSMessage m) {
    String count = m.getAttributes() == null ? null : m.getAttributes().get("ApproximateReceiveCount");
    try {
      return count == null ? 1 : Integer.parseInt(count);
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
