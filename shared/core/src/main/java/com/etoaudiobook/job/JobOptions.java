package com.etoaudiobook.job;

/**
 * @param pauses        silences between segments, paragraphs and chapters
 * @param maxPartChars  largest part, in characters (the engine's limit caps it)
 */
public record JobOptions(Pauses pauses, Integer maxPartChars) {
  public static final JobOptions DEFAULT = new JobOptions(Pauses.DEFAULT, null);

  public Pauses pausesOrDefault() {
    return pauses == null ? Pauses.DEFAULT : pauses;
  }
}
