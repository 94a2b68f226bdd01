package com.etoaudiobook.aws;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.etoaudiobook.concurrent.DaemonThreads;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.job.WorkQueue;
import com.etoaudiobook.job.synthesis.PartBatch;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.job.synthesis.PartSynthesizer;
import com.etoaudiobook.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One SQS batch of parts (one part per message), processed concurrently within the invocation's
 * time: only failed items are reported. Parts handed back untried (no engine capacity in the
 * invocation's time) are reported too, and made visible again within seconds rather than after
 * the queue's visibility timeout.
 */
public final class SynthesisBatch {
  private static final Logger LOG = LoggerFactory.getLogger(SynthesisBatch.class);
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

  private final PartSynthesizer synthesizer;
  private final Settings settings;
  private final SpeechEngine engine;
  private final WorkQueue queue;

  public SynthesisBatch(PartSynthesizer synthesizer, Settings settings, SpeechEngine engine, WorkQueue queue) {
    this.synthesizer = synthesizer;
    this.settings = settings;
    this.engine = engine;
    this.queue = queue;
  }

  /** Invocations of this process that ran past their deadline. */
  public static long overruns() {
    return OVERRUNS.get();
  }

  /** Without Lambda's context (the local runtime's poller): the template's timeout is the limit. */
  public SQSBatchResponse process(SQSEvent event) {
    return process(event, settings.workerTimeoutSeconds() * 1000L, null);
  }

  /** @param remainingMillis how long the invocation has left (Lambda's context says) */
  public SQSBatchResponse process(SQSEvent event, long remainingMillis, String requestId) {
    long deadline = System.nanoTime() + 1_000_000L * remainingMillis;
    SQSBatchResponse response = Metrics.around("worker", requestId,
        metrics -> SqsBatch.processBatch("synthesis", event, metrics, body -> Json.read(body, PartSpec.class),
            items -> synthesize(items, metrics, deadline)));
    if (System.nanoTime() > deadline) {
      OVERRUNS.incrementAndGet();
      LOG.error("synthesis invocation ran past its timeout");
    }
    return response;
  }

  private List<String> synthesize(List<SqsBatch.Item<PartSpec>> items, Metrics metrics, long deadline) {
    PartBatch batch = new PartBatch(synthesizer, settings.maxReceiveCount(), POOL);
    PartBatch.Result result = batch.process(items.stream()
        .map(i -> new PartBatch.Delivery(i.id(), i.body(), i.receiveCount())).toList(),
        metrics.telemetry(engine.provider()), deadline);
    Map<String, String> receipts = new HashMap<>();
    items.forEach(i -> receipts.putIfAbsent(i.id(), i.receiptHandle()));
    handBack(result.handedBack().stream().map(receipts::get).filter(r -> r != null).toList());
    return result.all();
  }

  /** Lambda leaves a reported message invisible for the whole visibility timeout; shorten it. */
  private void handBack(List<String> receiptHandles) {
    if (receiptHandles.isEmpty() || !(queue instanceof SqsWorkQueue sqs)) {
      return;
    }
    try {
      sqs.handBack(receiptHandles, HAND_BACK_SECONDS);
    } catch (RuntimeException e) {
      LOG.warn("could not shorten the visibility of {} handed-back parts: {}", receiptHandles.size(), e.toString());
    }
  }
}
