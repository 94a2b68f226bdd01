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

  public LoudnessTarget {
    if (!(lufs >= -40 && lufs <= -5)) {
      throw new IllegalArgumentException("loudness target must be between -40 and -5 LUFS, got " + lufs);
    }
    if (!(peakDb >= -20 && peakDb <= 0)) {
      throw new IllegalArgumentException("peak ceiling must be between -20 and 0 dBFS, got " + peakDb);
    }
  }

  /**
   * A deployment's target (LOUDNESS_TARGET_LUFS, read by the wiring: the core reads no settings),
   * with the default peak ceiling. Every process of a deployment (planner and workers) is given the
   * same, so the cache key the planner computes describes what the worker makes.
   */
  public static LoudnessTarget ofLufs(double lufs) {
    return new LoudnessTarget(lufs, DEFAULT.peakDb());
  }

  /** What the cache key records: parts made for another target are other parts. */
  public String cacheTag() {
    // a plan's cache keys all carry one target: String.format's floats were half the keys' cost
    Tagged last = lastTag;
    if (last == null || !last.target().equals(this)) {
      last = new Tagged(this, String.format(Locale.ROOT, "lufs%.1f/tp%.1f", lufs, peakDb));
      lastTag = last;
    }
    return last.tag();
  }

  private record Tagged(LoudnessTarget target, String tag) {
  }

  /** The last target's tag (a deployment has one target). */
  private static volatile Tagged lastTag;
}
