package com.etoaudiobook.job.synthesis;

/**
 * A part's failure (jobs/{id}/failures/{part}.json).
 *
 * @param attempts deliveries so far
 * @param dead     true when it will not be tried again (it went to the dead-letter queue)
 */
public record PartFailure(int part, int segment, String role, String reason, int attempts, boolean dead, long at) {
}
