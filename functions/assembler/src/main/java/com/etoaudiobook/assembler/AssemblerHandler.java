package com.etoaudiobook.assembler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.etoaudiobook.aws.Metrics;
import com.etoaudiobook.aws.ProcessStats;
import com.etoaudiobook.aws.Services;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.assembly.AudiobookAssembler;
import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.MDC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** SQS {jobId} → the finished audiobook. Assembly is idempotent, so duplicates are harmless. */
public final class AssemblerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(AssemblerHandler.class);
  private final AudiobookAssembler assembler;
  private final JobStore store;

  public AssemblerHandler() {
    this(Services.fromEnvironment());
  }

  public AssemblerHandler(Services services) {
    this.assembler = services.assembler();
    this.store = services.store();
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return Metrics.around("assembler", context == null ? null : context.getAwsRequestId(),
        metrics -> handle(event, metrics));
  }

  private SQSBatchResponse handle(SQSEvent event, Metrics metrics) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (SQSEvent.SQSMessage m : event.getRecords()) {
      metrics.queueWait(m.getAttributes(), now, "assembly");
      String jobId;
      try {
        JsonNode body = Json.MAPPER.readTree(m.getBody());
        jobId = body.path("jobId").asText(null);
      } catch (Exception e) {
        jobId = null;
      }
      if (jobId == null) {
        LOG.error("dropping malformed assembly message {}", m.getMessageId());
        metrics.count("Failures", 1, "Reason", "MalformedMessage");
        continue;
      }
      try {
        MDC.put("jobId", jobId);
        long t0 = System.nanoTime();
        assembler.assemble(jobId);
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
      } catch (RuntimeException e) {
        LOG.warn("assembly of job {} failed, will retry: {}", jobId, e.toString());
        metrics.count("Failures", 1, "Reason", Metrics.reason(e));
        failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
      } finally {
        MDC.remove("jobId");
      }
    }
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }
}
