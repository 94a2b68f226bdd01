package com.etoaudiobook.job.assembly;

/**
 * Silence inserted between segments of one paragraph, between paragraphs, and between chapters.
 * Each has a maximum, so the silence an audiobook gets stays in proportion to its text: with 60 s
 * allowed, 500 one-word segments (9 KB) became 8.5 hours of audio. The one rule for the API, the
 * inbox and the CLI.
 */
public record Pauses(int segmentMs, int paragraphMs, int chapterMs) {
  public static final Pauses DEFAULT = new Pauses(300, 700, 2000);
  public static final int SEGMENT_MAX_MS = 5_000;
  public static final int PARAGRAPH_MAX_MS = 10_000;
  public static final int CHAPTER_MAX_MS = 30_000;

  public Pauses {
    check("segment", segmentMs, SEGMENT_MAX_MS);
    check("paragraph", paragraphMs, PARAGRAPH_MAX_MS);
    check("chapter", chapterMs, CHAPTER_MAX_MS);
  }

  /** Missing values (null) take the defaults. */
  public static Pauses of(Integer segmentMs, Integer paragraphMs, Integer chapterMs) {
    return new Pauses(segmentMs == null ? DEFAULT.segmentMs : segmentMs,
        paragraphMs == null ? DEFAULT.paragraphMs : paragraphMs,
        chapterMs == null ? DEFAULT.chapterMs : chapterMs);
  }

  private static void check(String name, int ms, int max) {
    if (ms < 0 || ms > max) {
      throw new IllegalArgumentException(name + " pause must be between 0 and " + max + " ms (the maximum), got " + ms);
    }
  }
}
