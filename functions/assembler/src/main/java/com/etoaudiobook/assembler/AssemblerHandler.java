package com.etoaudiobook.assembler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.etoaudiobook.aws.Services;
import com.etoaudiobook.job.AudiobookAssembler;
import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** SQS {jobId} → the finished audiobook. Assembly is idempotent, so duplicates are harmless. */
public final class AssemblerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(AssemblerHandler.class);
  private final AudiobookAssembler assembler;

  public AssemblerHandler() {
    this(Services.fromEnvironment());
  }

  public AssemblerHandler(Services services) {
    this.assembler = services.assembler();
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage m : event.getRecords()) {
      String jobId;
      try {
        JsonNode body = Json.MAPPER.readTree(m.getBody());
        jobId = body.path("jobId").asText(null);
      } catch (Exception e) {
        jobId = null;
      }
      if (jobId == null) {
        LOG.error("dropping malformed assembly message {}", m.getMessageId());
        continue;
      }
      try {
        long t0 = System.nanoTime();
        assembler.assemble(jobId);
        LOG.info("assembled job {} in {} ms", jobId, (System.nanoTime() - t0) / 1_000_000);
      } catch (IllegalArgumentException e) {
        LOG.error("job {} cannot be assembled: {}", jobId, e.getMessage());
      } catch (RuntimeException e) {
        LOG.warn("assembly of job {} failed, will retry: {}", jobId, e.toString());
        failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
      }
    }
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }
}
