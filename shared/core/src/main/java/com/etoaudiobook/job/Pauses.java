package com.etoaudiobook.job;

/** Silence inserted between segments of one paragraph, between paragraphs, and between chapters. */
public record Pauses(int segmentMs, int paragraphMs, int chapterMs) {
  public static final Pauses DEFAULT = new Pauses(300, 700, 2000);

  public Pauses {
    check("segment", segmentMs);
    check("paragraph", paragraphMs);
    check("chapter", chapterMs);
  }

  private static void check(String name, int ms) {
    if (ms < 0 || ms > 60_000) {
      throw new IllegalArgumentException(name + " pause must be between 0 and 60000 ms, got " + ms);
    }
  }
}
