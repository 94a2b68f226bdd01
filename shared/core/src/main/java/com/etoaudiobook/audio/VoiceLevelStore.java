package com.etoaudiobook.audio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where learned voice levels ({@link VoiceLevels}) are kept beyond one process: a voice's level is a
 * fact about the voice, so a fleet (or the local runtime, start after start) measures it once instead of once per
 * worker instance. Implementations: Redis (shared by the workers, in the AWS module), a file in the
 * local runtime's data folder ({@link com.etoaudiobook.storage.FileVoiceLevelStore}), or none.
 *
 * <p>Best effort: a store that fails or is unreachable answers null and drops writes; the voice is
 * then measured as if it were new. Calls are rare (a look-up per voice and process, a write per
 * measured part), so implementations may be synchronous.
 */
public interface VoiceLevelStore {
  /**
   * A voice's level as learned so far.
   *
   * @param latest   its latest measured parts' integrated loudness (LUFS), at most {@link VoiceLevels#WINDOW}
   * @param maxCrest the highest crest (true peak over loudness, dB) seen
   * @param settled  whether its latest parts agree (false after a recheck disagreed: measure the next part)
   */
  record Stored(double[] latest, double maxCrest, boolean settled) {
    /** Parts agreeing on the level: enough ({@link VoiceLevels#CONFIRMED_PARTS}) and a new process skips the early recheck. */
    public int confirmations() {
      return settled ? latest.length : 0;
    }

    /**
     * The version of {@link #encode()}'s line. v2: levels measured before concurrent native decodes
     * were kept apart (they corrupted each other: crests 4 to 7 dB too high) are not to be trusted.
     */
    static final String VERSION = "v2";

    /** One line of text, for stores that keep strings: "v2 settled crest lufs,lufs,...". */
    public String encode() {
      StringBuilder out = new StringBuilder(VERSION).append(' ').append(settled ? 1 : 0).append(' ')
          .append(String.format(Locale.ROOT, "%.3f", maxCrest)).append(' ');
      for (int i = 0; i < latest.length; i++) {
        out.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", latest[i]));
      }
      return out.toString();
    }

    /** The level {@link #encode()} wrote, or null for anything else (another version, a damaged value). */
    public static Stored decode(String text) {
      if (text == null) {
        return null;
      }
      String[] f = text.strip().split(" ");
      if (f.length != 4 || !f[0].equals(VERSION) || !(f[1].equals("0") || f[1].equals("1"))) {
        return null;
      }
      try {
        double[] latest = Arrays.stream(f[3].split(",")).mapToDouble(Double::parseDouble).toArray();
        double crest = Double.parseDouble(f[2]);
        boolean finite = Double.isFinite(crest) && Arrays.stream(latest).allMatch(Double::isFinite);
        return finite && latest.length >= 1 && latest.length <= VoiceLevels.WINDOW
            ? new Stored(latest, crest, f[1].equals("1")) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  /** The voice's level ({@code voice} is {@link VoiceLevels#key}), or null when not known or not reachable. */
  Stored get(String voice);

  /** Keeps the voice's level, replacing what was there. */
  void put(String voice, Stored level);

  /** Nothing beyond the process: every process learns its voices afresh. */
  VoiceLevelStore NONE = new VoiceLevelStore() {
    @Override
    public Stored get(String voice) {
      return null;
    }

    @Override
    public void put(String voice, Stored level) {
    }

    @Override
    public String toString() {
      return "VoiceLevelStore.NONE";
    }
  };

  /** A store in this process's memory, shared by the normalisers given it (tests, benchmarks). */
  static VoiceLevelStore inMemory() {
    Map<String, Stored> map = new ConcurrentHashMap<>();
    return new VoiceLevelStore() {
      @Override
      public Stored get(String voice) {
        return map.get(voice);
      }

      @Override
      public void put(String voice, Stored level) {
        map.put(voice, level);
      }
    };
  }
}
