package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.job.Telemetry;

import com.etoaudiobook.engine.SpeechBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Processes a batch of part deliveries concurrently and reports which ones go back to the queue
 * (SQS partial batch responses). Three kinds of trouble are told apart (refused for good, no
 * capacity, anything else); {@link PartRetry} says what becomes of each.
 */
public final class PartBatch {
  private static final Logger LOG = LoggerFactory.getLogger(PartBatch.class);

  /** One message: its id, the part, and how many times it has been delivered (1 = first). */
  public record Delivery(String messageId, PartSpec part, int attempts) {
  }

  /**
   * @param failed     message ids that failed and come back after the queue's visibility timeout
   * @param handedBack message ids to make visible again at once: no capacity, not a failure
   */
  public record Result(List<String> failed, List<String> handedBack) {
    public List<String> all() {
      List<String> all = new ArrayList<>(failed);
      all.addAll(handedBack);
      return all;
    }
  }

  /** Parts not started this close to the invocation's end are handed back untouched. */
  public static final long START_RESERVE_NANOS = 10_000_000_000L;

  private final PartSynthesizer synthesizer;
  private final PartRetry retry;
  private final ExecutorService pool;

  /** @param maxAttempts the queue's maxReceiveCount: the delivery that reaches it is the last */
  public PartBatch(PartSynthesizer synthesizer, int maxAttempts, ExecutorService pool) {
    this.synthesizer = synthesizer;
    this.retry = new PartRetry(synthesizer, maxAttempts);
    this.pool = pool;
  }

  /** The ids of every message that goes back, without a deadline. */
  public List<String> process(List<Delivery> deliveries) {
    return process(deliveries, Telemetry.NONE, Long.MAX_VALUE).all();
  }

  /**
   * @param deadlineNanos System.nanoTime() by which the invocation must end (Long.MAX_VALUE: none)
   */
  public Result process(List<Delivery> deliveries, Telemetry telemetry, long deadlineNanos) {
    List<CompletableFuture<PartRetry.Settled>> futures = new ArrayList<>();
    for (Delivery d : deliveries) {
      futures.add(CompletableFuture.supplyAsync(() -> settle(d, telemetry, deadlineNanos), pool));
    }
    List<String> failed = new ArrayList<>();
    List<String> handedBack = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      PartRetry.Settled s = futures.get(i).join();
      if (s == PartRetry.Settled.FAILED) {
        failed.add(deliveries.get(i).messageId());
      } else if (s == PartRetry.Settled.HANDED_BACK) {
        handedBack.add(deliveries.get(i).messageId());
      }
    }
    return new Result(failed, handedBack);
  }

  private PartRetry.Settled settle(Delivery d, Telemetry telemetry, long deadlineNanos) {
    if (deadlineNanos != Long.MAX_VALUE && deadlineNanos - System.nanoTime() < START_RESERVE_NANOS) {
      return retry.handBack(d, telemetry, "the invocation's time is nearly up");
    }
    long t0 = System.nanoTime();
    try {
      PartSynthesizer.Processed processed = synthesizer.processPart(d.part(), d.attempts(), deadlineNanos);
      PartSynthesizer.Outcome outcome = processed.outcome();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      report(() -> telemetry.part(d.part(), outcome, ms, processed.billedCharacters()));
      if (ms > 5000 && outcome != PartSynthesizer.Outcome.SYNTHESIZED) {
        // a synthesized part may have waited its turn in the engine's quota: that is not slow work
        LOG.warn("Slow part: job {} part {} took {} ms", d.part().jobId(), d.part().index(), ms);
      }
      LOG.debug("part {} of job {}: {}", d.part().index(), d.part().jobId(), outcome);
      return PartRetry.Settled.DONE;
    } catch (SpeechBusyException e) {
      return retry.handBack(d, telemetry, e.getMessage());
    } catch (RuntimeException e) {
      return retry.failed(d, e, telemetry);
    }
  }

  /** Metrics must never fail a part. */
  static void report(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("telemetry failed: {}", e.toString());
    }
  }
}
