package com.etoaudiobook.job;

import java.util.Locale;

/** The data bucket layout (DESIGN.md §5), in one place. */
public final class Keys {
  private Keys() {
  }

  public static String book(String bookId) {
    return "books/" + bookId + "/book.json";
  }

  /** While a large upload is parsed away from the API: its state, PARSING or FAILED ({@link BookParsing}). */
  public static String bookParsing(String bookId) {
    return "books/" + bookId + "/parsing.json";
  }

  /** The book's cover image, when its file had one (the MP3's ID3 APIC picture). */
  public static String cover(String bookId) {
    return "books/" + bookId + "/cover";
  }

  public static String job(String jobId) {
    return jobPrefix(jobId) + "job.json";
  }

  /** Everything of one job: its record, plan, parts, failures and outputs. */
  public static String jobPrefix(String jobId) {
    return "jobs/" + jobId + "/";
  }

  /** Until when (epoch ms, as text) a run started while the job's parts were being made assembles it. */
  public static String assemblyLease(String jobId) {
    return jobPrefix(jobId) + "assembly-lease";
  }

  /** The index of jobs that may be running: one empty object per job, so start-up never lists jobs/. */
  public static final String RUNNING_PREFIX = "index/running/";

  public static String running(String jobId) {
    return RUNNING_PREFIX + jobId;
  }

  public static String plan(String jobId) {
    return "jobs/" + jobId + "/plan.json";
  }

  public static String partsPrefix(String jobId) {
    return "jobs/" + jobId + "/parts/";
  }

  /**
   * The part's record (frames, marks, what it cost): its presence means the part is done. The
   * audio stays in the synthesis cache entry the plan names ({@link #cacheEntry}), not copied.
   */
  public static String partMarks(String jobId, int part) {
    return partsPrefix(jobId) + String.format(Locale.ROOT, "%06d.marks.json", part);
  }

  public static String failuresPrefix(String jobId) {
    return "jobs/" + jobId + "/failures/";
  }

  public static String failure(String jobId, int part) {
    return failuresPrefix(jobId) + String.format(Locale.ROOT, "%06d.json", part);
  }

  public static String out(String jobId, String name) {
    return "jobs/" + jobId + "/out/" + name;
  }

  public static String segmentAudio(String jobId, int segment) {
    return out(jobId, String.format(Locale.ROOT, "segments/%06d.mp3", segment));
  }

  /** A synthesis cache entry: description and MP3 frames in one object ({@link CacheEntry}). */
  public static String cacheEntry(String cacheKey) {
    return "cache/tts/" + cacheKey + ".entry";
  }

  public static String upload(String uploadId, String safeName) {
    return "uploads/" + uploadId + "/" + safeName;
  }

  /** The index of a part from its marks key, or -1. */
  public static int partIndexOf(String key) {
    int slash = key.lastIndexOf('/');
    String name = key.substring(slash + 1);
    int dot = name.indexOf('.');
    try {
      return Integer.parseInt(name.substring(0, dot));
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
