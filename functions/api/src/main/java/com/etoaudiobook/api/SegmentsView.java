package com.etoaudiobook.api;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * {@code GET /api/jobs/{id}/segments}: the player's view of a finished job (see {@link PlayerView}).
 *
 * @param segmentCount how many segments the whole book has
 * @param chapter      with ?chapter=N: the book chapter whose segments were sent
 * @param coverUrl     the book's cover (same origin), when its file had one
 */
record SegmentsView(String jobId, String title, @Nullable String author, long durationMs, int segmentCount,
                    List<ChapterOutline> chapters, @Nullable Integer chapter, List<PlayerSegment> segments,
                    @Nullable String coverUrl) {
  SegmentsView withCover(String url) {
    return new SegmentsView(jobId, title, author, durationMs, segmentCount, chapters, chapter, segments, url);
  }

  /**
   * @param index        the book's chapter index (what a segment's chapter names)
   * @param firstSegment position of the chapter's first segment in the whole list
   * @param segments     how many segments it has
   */
  record ChapterOutline(String title, long startMs, long endMs, int index, int firstSegment, int segments) {
  }

  /**
   * @param words     [startChar, endChar, ms from the segment's start] per word
   * @param sentences the same per sentence
   * @param audioUrl  the segment's MP3, presigned
   */
  record PlayerSegment(int index, int chapter, String role, @Nullable String delivery, @Nullable String voice,
                       String text, long startMs, long endMs, List<long[]> words, List<long[]> sentences,
                       String audioUrl) {
  }
}
