package com.etoaudiobook.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.etoaudiobook.aws.Metrics;
import com.etoaudiobook.aws.Settings;
import com.etoaudiobook.aws.SqsBatch;
import com.etoaudiobook.aws.SqsWorkQueue;
import com.etoaudiobook.concurrent.DaemonThreads;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.job.WorkQueue;
import com.etoaudiobook.job.synthesis.PartBatch;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.job.synthesis.PartSynthesizer;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.aws.wiring.LambdaContexts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public class SynthesisWorkerHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
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

  @Inject
  PartSynthesizer synthesizer;
  @Inject
  Settings settings;
  @Inject
  SpeechEngine engine;
  @Inject
  WorkQueue queue;

  /**
   * Lambda's entry point: builds the function's bean graph from the environment, only the beans
   * this handler uses (no eager singletons: they doubled the init time).
   */
  public SynthesisWorkerHandler() {
  }

  /** Over a running bean graph (the local runtime's, a test's). */
  public SynthesisWorkerHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContexts.builder(getClass());
  }

  /** Invocations of this process that ran past their deadline. */
  public static long overruns() {
    return OVERRUNS.get();
  }

  @Override
  public SQSBatchResponse execute(SQSEvent event) {
    Context context = getApplicationContext().findBean(Context.class).orElse(null);
    // Lambda says how long is left; the local runtime's poller passes no context: the template's timeout
    long deadline = System.nanoTime() + 1_000_000L * (context == null ? settings.workerTimeoutSeconds() * 1000L
        : context.getRemainingTimeInMillis());
    SQSBatchResponse response = Metrics.around("worker", context == null ? null : context.getAwsRequestId(),
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
