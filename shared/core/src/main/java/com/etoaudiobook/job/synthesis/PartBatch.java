package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.job.Telemetry;

import com.etoaudiobook.engine.SpeechBusyException;
import com.etoaudiobook.engine.SpeechException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Processes a batch of part deliveries concurrently and reports which ones go back to the queue
 * (SQS partial batch responses). Three kinds of trouble, told apart:
 * <ul>
 *   <li>the engine refuses the part for good (unknown voice, text or SSML refused): the part is
 *       recorded dead on this very delivery, with the engine's reason, and not delivered again;</li>
 *   <li>the engine has no capacity (its quota, or the invocation's time left): the part is handed
 *       back to be tried shortly; it is not a failure and never makes the part dead;</li>
 *   <li>anything else: recorded with its reason and delivered again, dead on the last allowed
 *       delivery, matching the queue's redrive to the DLQ.</li>
 * </ul>
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
  private final int maxAttempts;
  private final ExecutorService pool;

  /** @param maxAttempts the queue's maxReceiveCount: the delivery that reaches it is the last */
  public PartBatch(PartSynthesizer synthesizer, int maxAttempts, ExecutorService pool) {
    this.synthesizer = synthesizer;
    this.maxAttempts = maxAttempts;
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
    List<CompletableFuture<Settled>> futures = new ArrayList<>();
    for (Delivery d : deliveries) {
      futures.add(CompletableFuture.supplyAsync(() -> settle(d, telemetry, deadlineNanos), pool));
    }
    List<String> failed = new ArrayList<>();
    List<String> handedBack = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      Settled s = futures.get(i).join();
      if (s == Settled.FAILED) {
        failed.add(deliveries.get(i).messageId());
      } else if (s == Settled.HANDED_BACK) {
        handedBack.add(deliveries.get(i).messageId());
      }
    }
    return new Result(failed, handedBack);
  }

  private enum Settled { DONE, FAILED, HANDED_BACK }

  private Settled settle(Delivery d, Telemetry telemetry, long deadlineNanos) {
    if (deadlineNanos != Long.MAX_VALUE && deadlineNanos - System.nanoTime() < START_RESERVE_NANOS) {
      return handBack(d, telemetry, "the invocation's time is nearly up");
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
      return Settled.DONE;
    } catch (SpeechBusyException e) {
      return handBack(d, telemetry, e.getMessage());
    } catch (RuntimeException e) {
      boolean refused = e instanceof SpeechException s && !s.retryable();
      boolean dead = refused || d.attempts() >= maxAttempts;
      LOG.warn("part {} of job {} failed (delivery {} of {}{}): {}", d.part().index(), d.part().jobId(),
          d.attempts(), maxAttempts, refused ? ", not retryable" : "", e.toString());
      report(() -> telemetry.partFailed(d.part(), e, dead));
      try {
        synthesizer.recordFailure(d.part(), e, d.attempts(), dead);
      } catch (RuntimeException recordError) {
        LOG.error("could not record the failure of part {}: {}", d.part().index(), recordError.toString());
        return Settled.FAILED; // unrecorded: let the redelivery try again
      }
      // a refused part is settled: delivering it again would only ask the engine the same question
      return refused ? Settled.DONE : Settled.FAILED;
    }
  }

  /**
   * The part goes back untried. On its last allowed delivery a fresh copy is queued instead (and
   * this delivery settled), so waiting for capacity never sends a part to the dead-letter queue.
   */
  private Settled handBack(Delivery d, Telemetry telemetry, String why) {
    LOG.info("part {} of job {} handed back (delivery {}): {}", d.part().index(), d.part().jobId(), d.attempts(),
        why);
    report(() -> telemetry.partHandedBack(d.part()));
    if (d.attempts() < maxAttempts - 1) {
      return Settled.HANDED_BACK;
    }
    try {
      synthesizer.requeue(d.part());
      return Settled.DONE;
    } catch (RuntimeException e) {
      LOG.warn("could not queue part {} of job {} afresh: {}", d.part().index(), d.part().jobId(), e.toString());
      return Settled.HANDED_BACK;
    }
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
