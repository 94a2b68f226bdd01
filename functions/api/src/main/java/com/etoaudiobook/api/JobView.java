package com.etoaudiobook.api;

import com.etoaudiobook.job.JobState;
import com.etoaudiobook.job.synthesis.PartFailure;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A job as the API shows it ({@code POST /api/jobs}, {@code GET}, {@code DELETE /api/jobs/{id}}, retry).
 *
 * @param bookVersion             the version of the book the job was started from; null for jobs from before versions
 * @param etaSeconds              estimated seconds to completion, or null when unknown
 * @param expectedDurationSeconds the audiobook's length as estimated at the start; null for jobs from before the estimate
 * @param finishedAt              epoch ms, or null while the job runs
 * @param outputs                 when DONE: output name (audiobook, chapters, captions, manifest) → presigned URL
 * @param cachedParts             when DONE: parts served from the synthesis cache (billed nothing this run)
 */
record JobView(String id, String bookId, String title, @Nullable Integer bookVersion, JobState state, Parts parts,
               @Nullable Long etaSeconds, @Nullable Long expectedDurationSeconds, List<PartFailure> failures,
               long billedCharacters, long createdAt, @Nullable Long finishedAt,
               @Nullable Map<String, String> outputs, @Nullable Integer cachedParts) {
  /** @param failed parts that failed for good (a retry sends them again) */
  record Parts(int done, int total, int failed) {
  }
}
