package com.etoaudiobook.audio;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What a voice's encoded parts measure, learned from the parts themselves, so most parts of a voice
 * skip decoding. A speech service speaks one voice (engine, rate, pitch, delivery) at a steady level:
 * once a few of its parts agree, the next part's loudness is that level, and its frames' global
 * gain can be moved without looking at them. Every {@link #RECHECK_EVERY}th part is still measured,
 * so a voice whose level drifts (or whose parts stop agreeing) goes back to being measured.
 *
 * <p>Per process and in memory: a worker instance measures each voice a few times; nothing is
 * stored or shared, so no storage request is added.
 */
public final class VoiceLevels {
  /** Parts measured before a voice's level is trusted. */
  public static final int CALIBRATION_PARTS = 3;
  /** One part in this many is measured anyway. */
  public static final int RECHECK_EVERY = 64;
  /**
   * The most a voice's latest measured parts may differ for its level to be trusted: a part of it is
   * then about half of this from the level, and the whole gain step chosen adds at most 1 dB.
   */
  static final double MAX_SPREAD_LU = 1.5;
  /** Room kept above the highest crest (true peak over loudness) seen, for a part peakier than those. */
  static final double CREST_MARGIN_DB = 1.5;
  /** Parts shorter than this say little about a voice (a word or two): they neither calibrate nor recheck. */
  static final double MIN_SECONDS = 2.0;

  private final ConcurrentHashMap<String, Level> levels = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Double> carried = new ConcurrentHashMap<>();

  /** Measured parts a voice's level is taken from: the latest ones, so one odd part passes. */
  static final int WINDOW = 4;

  /**
   * A voice's latest measured parts (integrated loudness, at most {@link #WINDOW}), the highest
   * crest seen, parts levelled since (to pick the rechecks), and whether its level is trusted:
   * once its latest parts agree, until a recheck disagrees.
   */
  record Level(double[] latest, double maxCrest, long levelled, boolean settled) {
    double mean() {
      double sum = 0;
      for (double v : latest) {
        sum += v;
      }
      return sum / latest.length;
    }

    private static boolean agree(double[] values) {
      if (values.length < CALIBRATION_PARTS) {
        return false;
      }
      double min = values[0], max = values[0];
      for (double v : values) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      return max - min <= MAX_SPREAD_LU;
    }

    Level with(double lufs, double crest) {
      double[] next = java.util.Arrays.copyOfRange(latest, Math.max(0, latest.length + 1 - WINDOW), latest.length + 1);
      next[next.length - 1] = lufs;
      return new Level(next, Math.max(maxCrest, crest), levelled + 1, settled || agree(next));
    }
  }

  /** The voice's level when the next part may use it instead of being measured, else null (and counts the part). */
  Level trusted(String voice) {
    Level[] out = new Level[1];
    levels.computeIfPresent(voice, (k, l) -> {
      if (!l.settled() || (l.levelled() + 1) % RECHECK_EVERY == 0) {
        return l; // this part is measured (and recorded by then)
      }
      out[0] = l;
      return new Level(l.latest(), l.maxCrest(), l.levelled() + 1, true);
    });
    return out[0];
  }

  /**
   * Records a measured part. A part that disagrees with a settled voice's level by more than its
   * parts may differ starts the voice over from it (the voice changed): it is measured again until
   * its parts agree. Before that, the latest parts count, so one odd part is soon forgotten; a
   * recheck that agrees moves the level towards it.
   */
  void record(String voice, double lufs, double truePeak, double seconds) {
    if (seconds < MIN_SECONDS || lufs == LoudnessMeter.SILENCE) {
      return;
    }
    double crest = truePeak - lufs;
    levels.merge(voice, new Level(new double[] {lufs}, crest, 0, false), (l, p) ->
        l.settled() && Math.abs(lufs - l.mean()) > MAX_SPREAD_LU ? p : l.with(lufs, crest));
  }

  /**
   * Whole gain steps for a part of {@code voice} that wants {@code ideal} (fractional) steps and
   * lasts {@code seconds}, at most {@code most} (what its peaks allow). The nearer step leaves
   * every part of a voice off the same way, up to half a step (0.75 dB), which puts two voices up
   * to 1.5 dB apart. So where both steps keep the
   * part within {@link #MAX_PART_ERROR_STEPS} (1 dB), the one is chosen that makes up what earlier
   * parts of the voice missed, weighted by how long they last (error diffusion): the voice's parts
   * then average the target. Otherwise the nearer step, at most a third of a step (0.5 dB) off.
   */
  int steps(String voice, double ideal, double seconds, int most) {
    int low = (int) Math.floor(ideal);
    // a step is allowed when it keeps the part within 1 dB of its target and its peaks under the ceiling
    boolean lowAllowed = ideal - low <= MAX_PART_ERROR_STEPS && low <= most;
    boolean highAllowed = low + 1 - ideal <= MAX_PART_ERROR_STEPS && low + 1 <= most;
    if (!lowAllowed || !highAllowed) {
      // one choice, nothing to make up with; or none, and the nearer step is returned (past {@code most})
      return highAllowed ? low + 1 : lowAllowed ? low : (int) Math.round(ideal);
    }
    int[] out = new int[1];
    carried.compute(voice, (k, before) -> {
      double owed = before == null ? 0 : before; // step-seconds
      double ifLow = owed + (ideal - low) * seconds;
      double ifHigh = owed + (ideal - low - 1) * seconds;
      boolean high = Math.abs(ifHigh) < Math.abs(ifLow);
      out[0] = high ? low + 1 : low;
      // a bound, so a voice whose parts were held down by their peaks is not owed forever
      return Math.max(-MAX_OWED, Math.min(MAX_OWED, high ? ifHigh : ifLow));
    });
    return out[0];
  }

  /** The most a part may be off its own target by the step chosen for it: 1 dB, in steps. */
  static final double MAX_PART_ERROR_STEPS = 1.0 / Mp3Gain.STEP_DB;

  /** The most step-seconds carried to later parts: a minute of audio half a step off. */
  private static final double MAX_OWED = 30;

  /** The key of a voice: whatever sets its sound but the text (provider, voice, engine, rate, pitch, delivery). */
  public static String key(Object... parts) {
    StringBuilder out = new StringBuilder();
    for (Object p : parts) {
      out.append(p).append('\u0000');
    }
    return out.toString();
  }

  /** How many voices are calibrated (for tests and figures). */
  public int settledVoices() {
    return (int) levels.values().stream().filter(Level::settled).count();
  }
}
