package com.etoaudiobook.audio;

/** The one audio format used everywhere: MP3, mono, 22050 Hz (MPEG-2 Layer III). */
public final class AudioFormats {
  public static final int SAMPLE_RATE = 22050;
  public static final int SAMPLES_PER_FRAME = 576;
  public static final int BITRATE_KBPS = 48;

  private AudioFormats() {
  }

  public static long framesToMillis(long frames) {
    return frames * SAMPLES_PER_FRAME * 1000L / SAMPLE_RATE;
  }

  public static double framesToSeconds(long frames) {
    return frames * (double) SAMPLES_PER_FRAME / SAMPLE_RATE;
  }

  /** Whole frames nearest to a duration, so requested pauses are kept within half a frame. */
  public static int millisToFrames(long millis) {
    return (int) Math.round(millis * (double) SAMPLE_RATE / (1000.0 * SAMPLES_PER_FRAME));
  }

  public static long samplesToMillis(long samples) {
    return samples * 1000L / SAMPLE_RATE;
  }
}
