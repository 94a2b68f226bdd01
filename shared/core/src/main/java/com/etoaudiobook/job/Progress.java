package com.etoaudiobook.job;

import com.etoaudiobook.job.synthesis.PartFailure;

import java.util.List;

/**
 * A job as a user sees it.
 *
 * @param etaSeconds estimated seconds to completion, or null when unknown
 */
public record Progress(Job job, int partsDone, int partsTotal, int partsFailed, Long etaSeconds,
                       List<PartFailure> failures) {
}
