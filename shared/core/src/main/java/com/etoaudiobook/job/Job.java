package com.etoaudiobook.job;

import com.etoaudiobook.voice.Casting;

import java.util.Map;

/**
 * One synthesis run of a book with a casting (stored as jobs/{id}/job.json).
 *
 * @param outputs name → key of finished outputs (audiobook, chapters, captions, manifest)
 */
public record Job(String id, String bookId, String title, JobState state, Casting casting, JobOptions options,
                  int partsTotal, long createdAt, long startedAt, long finishedAt, String error,
                  long billedCharacters, Map<String, String> outputs) {
  public Job with(JobState newState) {
    return new Job(id, bookId, title, newState, casting, options, partsTotal, createdAt, startedAt,
        newState.finished() ? System.currentTimeMillis() : finishedAt, error, billedCharacters, outputs);
  }

  public Job finished(long billed, Map<String, String> outs) {
    return new Job(id, bookId, title, JobState.DONE, casting, options, partsTotal, createdAt, startedAt,
        System.currentTimeMillis(), null, billed, outs);
  }
}
