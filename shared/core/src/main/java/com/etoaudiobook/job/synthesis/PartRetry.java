package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.engine.SpeechException;
import com.etoaudiobook.job.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a failed or untried part is retried. The queue does the retrying: a delivery reported as failed
 * comes back after the visibility timeout, up to the queue's maxReceiveCount, then goes to the
 * dead-letter queue. This class decides, for one delivery, which way it goes:
 * <ul>
 *   <li>failed, and the engine refuses it for good (unknown voice, text refused): recorded dead now
 *       and settled, since asking again would get the same answer;</li>
 *   <li>failed otherwise: recorded with its reason and delivered again, dead on the last delivery
 *       (matching the queue's redrive to the DLQ);</li>
 *   <li>untried (no engine capacity, or the invocation's time is nearly up): handed back to be tried
 *       shortly, which is not a failure; on its last delivery a fresh copy is queued instead, so
 *       waiting never sends a part to the dead-letter queue.</li>
 * </ul>
 * Parts that are dead are tried again only on the user's request: {@link com.etoaudiobook.job.JobService#retry}.
 */
final class PartRetry {
  private static final Logger LOG = LoggerFactory.getLogger(PartRetry.class);

  /** What becomes of a delivery: settled, delivered again after the timeout, or made visible again at once. */
  enum Settled { DONE, FAILED, HANDED_BACK }

  private final PartSynthesizer synthesizer;
  private final int maxAttempts;

  /** @param maxAttempts the queue's maxReceiveCount: the delivery that reaches it is the last */
  PartRetry(PartSynthesizer synthesizer, int maxAttempts) {
    this.synthesizer = synthesizer;
    this.maxAttempts = maxAttempts;
  }

  /** The delivery failed with {@code e}: record it, and retry it unless it is dead. */
  Settled failed(PartBatch.Delivery d, RuntimeException e, Telemetry telemetry) {
    boolean refused = e instanceof SpeechException s && !s.retryable();
    boolean dead = refused || d.attempts() >= maxAttempts;
    LOG.warn("part {} of job {} failed (delivery {} of {}{}): {}", d.part().index(), d.part().jobId(),
        d.attempts(), maxAttempts, refused ? ", not retryable" : "", e.toString());
    PartBatch.report(() -> telemetry.partFailed(d.part(), e, dead));
    try {
      synthesizer.recordFailure(d.part(), e, d.attempts(), dead);
    } catch (RuntimeException recordError) {
      LOG.error("could not record the failure of part {}: {}", d.part().index(), recordError.toString());
      return Settled.FAILED; // unrecorded: let the redelivery try again
    }
    // a refused part is settled: delivering it again would only ask the engine the same question
    return refused ? Settled.DONE : Settled.FAILED;
  }

  /**
   * The part goes back untried. On its last allowed delivery a fresh copy is queued instead (and
   * this delivery settled), so waiting for capacity never sends a part to the dead-letter queue.
   */
  Settled handBack(PartBatch.Delivery d, Telemetry telemetry, String why) {
    LOG.info("part {} of job {} handed back (delivery {}): {}", d.part().index(), d.part().jobId(), d.attempts(),
        why);
    PartBatch.report(() -> telemetry.partHandedBack(d.part()));
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
}
