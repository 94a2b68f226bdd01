package com.etoaudiobook.job;

import com.etoaudiobook.voice.Casting;

import java.util.Map;

/**
 * One synthesis run of a book with a casting (stored as jobs/{id}/job.json).
 *
 * @param outputs name → key of finished outputs (audiobook, chapters, captions, manifest)
 * @param counts  its parts as counted when it ended (DONE or FAILED); null while it runs, where they
 *                are counted from the stored parts, and for jobs stored before the counts were
 */
public record Job(String id, String bookId, String title, JobState state, Casting casting, JobOptions options,
                  int partsTotal, long createdAt, long startedAt, long finishedAt, String error,
                  long billedCharacters, Map<String, String> outputs, Counts counts) {
  /**
   * @param done   parts synthesized (for a finished job, every part)
   * @param cached of those, parts served from the synthesis cache (billed nothing this run); counted
   *               at assembly, so 0 for a FAILED job
   * @param failed parts that failed for good
   */
  public record Counts(int done, int cached, int failed) {
  }

  /** A job that has not ended: no counts yet. */
  public Job(String id, String bookId, String title, JobState state, Casting casting, JobOptions options,
             int partsTotal, long createdAt, long startedAt, long finishedAt, String error,
             long billedCharacters, Map<String, String> outputs) {
    this(id, bookId, title, state, casting, options, partsTotal, createdAt, startedAt, finishedAt, error,
        billedCharacters, outputs, null);
  }

  public Job with(JobState newState) {
    return new Job(id, bookId, title, newState, casting, options, partsTotal, createdAt, startedAt,
        newState.finished() ? System.currentTimeMillis() : finishedAt, error, billedCharacters, outputs,
        newState == JobState.RUNNING ? null : counts);
  }

  /** Assembled: every part done, {@code cached} of them from the cache. */
  public Job finished(long billed, Map<String, String> outs, int cached) {
    return new Job(id, bookId, title, JobState.DONE, casting, options, partsTotal, createdAt, startedAt,
        System.currentTimeMillis(), null, billed, outs, new Counts(partsTotal, cached, 0));
  }

  /** Every part settled and {@code failed} of them for good: FAILED until a retry. */
  public Job failed(int done, int failed) {
    return new Job(id, bookId, title, JobState.FAILED, casting, options, partsTotal, createdAt, startedAt,
        finishedAt, error, billedCharacters, outputs, new Counts(done, 0, failed));
  }
}
