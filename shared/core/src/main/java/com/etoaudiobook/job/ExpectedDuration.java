package com.etoaudiobook.job;

import com.etoaudiobook.job.assembly.ChapterTitles;
import com.etoaudiobook.job.assembly.Pauses;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.voice.Casting;

import java.util.List;

/**
 * How long the audiobook of a book will be, before any of it is synthesized: speech at about 155
 * words a minute (scaled by each role's rate) and the pauses the assembler puts between segments.
 * The job view shows it, so a request whose output is out of proportion to its input is visible
 * before it runs.
 */
public final class ExpectedDuration {
  static final double WORDS_PER_MINUTE = 155;

  private ExpectedDuration() {
  }

  public static long millis(Book book, Casting casting, Pauses pauses) {
    List<Segment> segments = book.segments().toList();
    double speech = 0;
    long silence = 0;
    Segment previous = null;
    for (Segment s : segments) {
      Casting.Assignment a = casting == null ? null : casting.forRole(s.role());
      double rate = a == null || a.rate() <= 0 ? 1.0 : a.rate();
      speech += words(s.text()) / WORDS_PER_MINUTE * 60_000 / rate;
      if (previous != null) {
        silence += ChapterTitles.pauseMs(previous, s, pauses);
      }
      previous = s;
    }
    return Math.round(speech) + silence;
  }

  static int words(String text) {
    int words = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !in) {
        words++;
      }
      in = !space;
    }
    return words;
  }

  /** Where the estimate of a job is kept beside its status. */
  public static String key(String jobId) {
    return "jobs/" + jobId + "/expected.json";
  }
}
