package com.etoaudiobook.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Processes a batch of part deliveries concurrently and reports which ones failed, so only those
 * are delivered again (SQS partial batch responses). A failure is recorded on the job with its
 * reason; on the last allowed delivery it is marked dead, matching the queue's redrive to the DLQ.
 */
public final class PartBatch {
  private static final Logger LOG = LoggerFactory.getLogger(PartBatch.class);

  /** One message: its id, the part, and how many times it has been delivered (1 = first). */
  public record Delivery(String messageId, PartSpec part, int attempts) {
  }

  private final PartSynthesizer synthesizer;
  private final int maxAttempts;
  private final ExecutorService pool;

  /** @param maxAttempts the queue's maxReceiveCount: the delivery that reaches it is the last */
  public PartBatch(PartSynthesizer synthesizer, int maxAttempts, ExecutorService pool) {
    this.synthesizer = synthesizer;
    this.maxAttempts = maxAttempts;
    this.pool = pool;
  }

  /** Returns the message ids that failed. */
  public List<String> process(List<Delivery> deliveries) {
    return process(deliveries, Telemetry.NONE);
  }

  /** Returns the message ids that failed, telling {@code telemetry} about every part. */
  public List<String> process(List<Delivery> deliveries, Telemetry telemetry) {
    List<CompletableFuture<String>> futures = new ArrayList<>();
    for (Delivery d : deliveries) {
      futures.add(CompletableFuture.supplyAsync(() -> {
        long t0 = System.nanoTime();
        try {
          PartSynthesizer.Processed processed = synthesizer.processPart(d.part(), d.attempts());
          PartSynthesizer.Outcome outcome = processed.outcome();
          long ms = (System.nanoTime() - t0) / 1_000_000;
          report(() -> telemetry.part(d.part(), outcome, ms, processed.billedCharacters()));
          if (ms > 5000) {
            LOG.warn("Slow part: job {} part {} took {} ms", d.part().jobId(), d.part().index(), ms);
          }
          LOG.debug("part {} of job {}: {}", d.part().index(), d.part().jobId(), outcome);
          return null;
        } catch (RuntimeException e) {
          boolean dead = d.attempts() >= maxAttempts;
          LOG.warn("part {} of job {} failed (delivery {} of {}): {}", d.part().index(), d.part().jobId(),
              d.attempts(), maxAttempts, e.toString());
          report(() -> telemetry.partFailed(d.part(), e, dead));
          try {
            synthesizer.recordFailure(d.part(), e, d.attempts(), dead);
          } catch (RuntimeException recordError) {
            LOG.error("could not record the failure of part {}: {}", d.part().index(), recordError.toString());
          }
          return d.messageId();
        }
      }, pool));
    }
    List<String> failed = new ArrayList<>();
    for (CompletableFuture<String> f : futures) {
      String id = f.join();
      if (id != null) {
        failed.add(id);
      }
    }
    return failed;
  }

  /** Metrics must never fail a part. */
  private static void report(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("telemetry failed: {}", e.toString());
    }
  }
}
