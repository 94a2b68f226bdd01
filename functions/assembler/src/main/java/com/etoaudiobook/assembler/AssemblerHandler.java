package com.etoaudiobook.assembler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.etoaudiobook.aws.Metrics;
import com.etoaudiobook.aws.ProcessStats;
import com.etoaudiobook.aws.SqsBatch;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.assembly.AudiobookAssembler;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.aws.wiring.LambdaContexts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** SQS {jobId} → the finished audiobook. Assembly is idempotent, so duplicates are harmless. */
public class AssemblerHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(AssemblerHandler.class);

  @Inject
  AudiobookAssembler assembler;
  @Inject
  JobStore store;

  /**
   * Lambda's entry point: builds the function's bean graph from the environment, only the beans
   * this handler uses (no eager singletons: they doubled the init time).
   */
  public AssemblerHandler() {
    LambdaContexts.joinWarmUp(getApplicationContext());
  }

  /** Over a running bean graph (the local runtime's, a test's). */
  public AssemblerHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContexts.builderWithWarmUp();
  }

  @Override
  public SQSBatchResponse execute(SQSEvent event) {
    Context context = getApplicationContext().findBean(Context.class).orElse(null);
    return Metrics.around("assembler", context == null ? null : context.getAwsRequestId(),
        metrics -> SqsBatch.processEach("assembly", event, metrics, AssemblerHandler::jobId,
            item -> assemble(item.body(), context == null ? -1 : context.getRemainingTimeInMillis(), metrics)));
  }

  /** The body's jobId, or null when it has none. */
  static String jobId(String body) {
    try {
      return Json.MAPPER.readTree(body).path("jobId").asText(null);
    } catch (Exception e) {
      return null;
    }
  }

  private void assemble(String jobId, long remainingMillis, Metrics metrics) {
    try {
      MDC.put("jobId", jobId);
      long t0 = System.nanoTime();
      if (assembler.assembleOrLookLater(jobId, remainingMillis).isEmpty()) {
        return; // parts still being made (a later look), or cancelled
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      metrics.millis("AssemblyLatency", ms);
      Job job = store.job(jobId);
      long jobMs = job == null || job.createdAt() <= 0 ? -1 : System.currentTimeMillis() - job.createdAt();
      if (jobMs >= 0) {
        metrics.millis("JobDuration", jobMs);
      }
      metrics.count("JobsCompleted", 1);
      double rss = ProcessStats.rssMb();
      metrics.put("MemoryRss", rss, software.amazon.cloudwatchlogs.emf.model.Unit.MEGABYTES);
      metrics.property("jobId", jobId);
      // "memory_rss_mb" is what the original's log queries look for at the end of each job
      LOG.info("assembled job {} in {} ms; job took {} ms; memory_rss_mb={} heap_used_mb={}", jobId, ms, jobMs,
          rss, (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576);
    } catch (java.util.NoSuchElementException e) {
      // only an unknown job is dropped: any other failure is retried, then dead-lettered
      LOG.error("job {} cannot be assembled: {}", jobId, e.getMessage());
      metrics.count("Failures", 1, "Reason", "UnknownJob");
    } finally {
      MDC.remove("jobId");
    }
  }
}
