package com.etoaudiobook.audio;

import java.util.Locale;

/**
 * The level every part leaves the worker at, whatever the engine or voice, so a book joined from
 * parts is even without re-encoding. -18 LUFS integrated suits mono speech (inside ACX's -23 to
 * -18 dB RMS); peaks at most -1.5 dBFS true peak leave room for decoders and players.
 *
 * @param lufs    integrated loudness (BS.1770, gated)
 * @param peakDb  the highest a true peak may reach, dBFS
 */
public record LoudnessTarget(double lufs, double peakDb) {
  public static final LoudnessTarget DEFAULT = new LoudnessTarget(-18.0, -1.5);
  /** Environment variable (or system property etoaudiobook.loudness) that sets the target, e.g. "-16". */
  public static final String VARIABLE = "LOUDNESS_TARGET_LUFS";

  public LoudnessTarget {
    if (!(lufs >= -40 && lufs <= -5)) {
      throw new IllegalArgumentException("loudness target must be between -40 and -5 LUFS, got " + lufs);
    }
    if (!(peakDb >= -20 && peakDb <= 0)) {
      throw new IllegalArgumentException("peak ceiling must be between -20 and 0 dBFS, got " + peakDb);
    }
  }

  /**
   * The process's target: every process of a deployment (planner and workers) reads the same
   * setting, so the cache key the planner computes describes what the worker makes.
   */
  public static LoudnessTarget configured() {
    String v = System.getProperty("etoaudiobook.loudness", System.getenv(VARIABLE));
    if (v == null || v.isBlank()) {
      return DEFAULT;
    }
    try {
      return new LoudnessTarget(Double.parseDouble(v.strip()), DEFAULT.peakDb());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(VARIABLE + " must be a number of LUFS such as -18, got '" + v + "'");
    }
  }

  /** What the cache key records: parts made for another target are other parts. */
  public String cacheTag() {
    return String.format(Locale.ROOT, "lufs%.1f/tp%.1f", lufs, peakDb);
  }
}
