package com.etoaudiobook.job;

import com.etoaudiobook.job.assembly.Pauses;

/**
 * @param pauses        silences between segments, paragraphs and chapters
 * @param maxPartChars  largest part, in characters (the engine's limit caps it)
 * @param chapterTitles whether the narrator speaks each chapter's title; null means yes
 */
public record JobOptions(Pauses pauses, Integer maxPartChars, Boolean chapterTitles) {
  public static final JobOptions DEFAULT = new JobOptions(Pauses.DEFAULT, null, null);

  public Pauses pausesOrDefault() {
    return pauses == null ? Pauses.DEFAULT : pauses;
  }

  public boolean chapterTitlesOrDefault() {
    return chapterTitles == null || chapterTitles;
  }
}
