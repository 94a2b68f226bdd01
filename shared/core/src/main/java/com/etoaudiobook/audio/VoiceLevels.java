package com.etoaudiobook.audio;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * What a voice's encoded parts measure, learned from the parts themselves, so most parts of a voice
 * skip decoding. A speech service speaks one voice (engine, rate, pitch, delivery) at a steady level:
 * once one of its parts is measured, the next part's loudness is that level, and its frames' global
 * gain can be moved without looking at them. Some parts are still measured ({@link #recheck}),
 * so a voice whose level drifts (or whose parts stop agreeing) goes back to being measured.
 *
 * <p>Levels are kept in memory and, through a {@link VoiceLevelStore}, beyond the process: a voice
 * met for the first time in a process is looked up there once (one request per voice and process),
 * and every measured part's outcome is written back (measured parts are rare). A level some parts
 * agreed on ({@link #CONFIRMED_PARTS}) skips the early recheck in a new process; its rechecks then
 * come one part in {@link #RECHECK_KNOWN_EVERY} at a random phase, so a fleet of short-lived
 * processes still rechecks that share of a voice's parts and catches a drift.
 */
public final class VoiceLevels {
  /**
   * Parts measured before a voice's level is trusted: one. A service's voice keeps its level from
   * part to part (eSpeak NG's parts of a voice: 0.25 dB standard deviation), and decoding a part to
   * measure it costs about what the engine call did, so on a short script every part measured more
   * is a few per cent of its synthesis. Rechecks catch a first part that was odd.
   */
  public static final int CALIBRATION_PARTS = 1;
  /** One part in this many of a voice whose level one part gave (and its 4th) is measured anyway. */
  public static final int RECHECK_EVERY = 64;
  /** Agreeing measured parts that make a stored level known well enough to skip the early recheck. */
  public static final int CONFIRMED_PARTS = 2;
  /**
   * One part in this many of a voice whose level {@link #CONFIRMED_PARTS} agreeing parts confirm is
   * measured again. A recheck costs one to four engine calls, by the part's length (decoding and
   * measuring a part: 10 ms on average against a Polly call's 4.5 ms of CPU, 20 on a loaded machine),
   * so one in 64 alone was 3 to 6 % of synthesis CPU; one in 256 is about 1 to 1.5 %, and a drift
   * is still caught within a few hundred parts of the voice, fleet-wide (a stored level also
   * expires: RedisVoiceLevelStore).
   */
  public static final int RECHECK_KNOWN_EVERY = 256;
  /**
   * The most a voice's latest measured parts may differ for its level to be trusted: a part of it is
   * then about half of this from the level.
   */
  static final double MAX_SPREAD_LU = 1.5;
  /**
   * Room kept above the highest crest (true peak over loudness) of one measured part, for a part
   * peakier than it; less over more parts ({@link Level#crestMargin}).
   */
  static final double CREST_MARGIN_DB = 1.5;
  /** Parts shorter than this say little about a voice (a word or two): they neither calibrate nor recheck. */
  static final double MIN_SECONDS = 2.0;

  private final ConcurrentHashMap<String, Level> levels = new ConcurrentHashMap<>();
  /** Voices looked up in the store by this process (once each, found or not). */
  private final ConcurrentHashMap<String, Boolean> looked = new ConcurrentHashMap<>();
  private final VoiceLevelStore store;
  private final IntSupplier phases;

  /** Levels of this process only. */
  public VoiceLevels() {
    this(VoiceLevelStore.NONE);
  }

  public VoiceLevels(VoiceLevelStore store) {
    this(store, () -> ThreadLocalRandom.current().nextInt(RECHECK_KNOWN_EVERY));
  }

  /** @param phases where a known voice's rechecks fall in this process, 0 to {@link #RECHECK_KNOWN_EVERY} - 1 (tests fix it) */
  VoiceLevels(VoiceLevelStore store, IntSupplier phases) {
    this.store = store;
    this.phases = phases;
  }

  /** Measured parts a voice's level is taken from: the latest ones, so one odd part passes. */
  static final int WINDOW = 4;

  /**
   * A voice's latest measured parts (integrated loudness, at most {@link #WINDOW}), the highest
   * crest seen, parts levelled since (to pick the rechecks), whether its level is trusted (once its
   * latest parts agree, until a recheck disagrees), and, for a level confirmed before this process
   * met the voice, the phase of its rechecks (0 for a level learned here).
   */
  record Level(double[] latest, double maxCrest, long levelled, boolean settled, int phase) {
    Level(double[] latest, double maxCrest, long levelled, boolean settled) {
      this(latest, maxCrest, levelled, settled, 0);
    }

    /**
     * Room above {@link #maxCrest} for the voice's next part: {@link #CREST_MARGIN_DB} over one
     * part, over n parts divided by the square root of n (1.06 dB over two, 0.75 over four). A new
     * part passes the highest of n with a chance of 1 in n + 1, and by less the more parts the highest
     * is taken from (the stub's voices: crests within 0.2 to 0.7 dB of their mean). A fixed 1.5 dB
     * held a voice whose peaks came within 1.5 dB of the ceiling at its gain "peaky" for good: its
     * every part decoded, and every decoded part could only raise the highest crest.
     */
    double crestMargin() {
      return CREST_MARGIN_DB / Math.sqrt(latest.length);
    }

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
      return new Level(next, Math.max(maxCrest, crest), levelled + 1, settled || agree(next), phase);
    }

    /** Whether the {@code n}th part since the level was learned (or loaded) is measured. */
    boolean recheck(long n) {
      return settled && latest.length >= CONFIRMED_PARTS ? (n + phase) % RECHECK_KNOWN_EVERY == 0 : VoiceLevels.recheck(n);
    }

    VoiceLevelStore.Stored stored() {
      return new VoiceLevelStore.Stored(latest, maxCrest, settled);
    }
  }

  /**
   * Whether a voice's {@code n}th part since its level was learned is measured: its 4th, so a level
   * learned from one odd part is soon set right (on a short script too), then one in
   * {@link #RECHECK_EVERY} while no second part has agreed (then {@link Level#recheck}). (Measuring
   * the 16th as well cost 5 % of a long script's synthesis CPU and did not narrow its roles' spread.)
   */
  static boolean recheck(long n) {
    return n == 4 || n % RECHECK_EVERY == 0;
  }

  /** The voice's level when the next part may use it instead of being measured, else null (and counts the part). */
  Level trusted(String voice) {
    load(voice);
    Level[] out = new Level[1];
    levels.computeIfPresent(voice, (k, l) -> {
      if (!l.settled() || l.recheck(l.levelled() + 1)) {
        return l; // this part is measured (and recorded by then)
      }
      out[0] = l;
      return new Level(l.latest(), l.maxCrest(), l.levelled() + 1, true, l.phase());
    });
    return out[0];
  }

  /**
   * The voice's level where one is trusted, even for a part that {@link #trusted} left to be
   * measured (a recheck), without counting a part; else null. A recheck's loudness is measured,
   * but its peaks may be bounded by the voice's crest as every part levelled by the voice's are.
   */
  Level settled(String voice) {
    Level l = levels.get(voice);
    return l != null && l.settled() ? l : null;
  }

  /**
   * The first time this process meets a voice, what the store knows of it. Concurrent first parts
   * of a voice do not wait for the look-up: at worst they are measured, as before there was a store.
   */
  private void load(String voice) {
    if (levels.containsKey(voice) || looked.putIfAbsent(voice, Boolean.TRUE) != null) {
      return;
    }
    VoiceLevelStore.Stored s = store.get(voice);
    if (s != null) {
      // a level this process did not learn: its rechecks fall where other processes' do not
      int phase = Math.floorMod(phases.getAsInt(), RECHECK_KNOWN_EVERY);
      levels.putIfAbsent(voice, new Level(s.latest().clone(), s.maxCrest(), 0, s.settled(), phase));
    }
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
    // a voice's first part is its level; a recheck that disagrees starts it over, to be confirmed
    Level first = new Level(new double[] {lufs}, crest, 0, Level.agree(new double[] {lufs}));
    Level now = levels.merge(voice, first, (l, p) -> l.settled() && Math.abs(lufs - l.mean()) > MAX_SPREAD_LU
        ? new Level(p.latest(), p.maxCrest(), 0, false) : l.with(lufs, crest));
    // what this part taught goes to the other processes (a voice that changed: for them to measure too)
    store.put(voice, now.stored());
  }

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
