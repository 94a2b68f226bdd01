package com.etoaudiobook.voice;

import java.util.LinkedHashMap;
import java.util.Map;

/** Role name → voice assignment for one book. */
public record Casting(Map<String, Assignment> roles) {
  public static final double MIN_RATE = 0.5;
  public static final double MAX_RATE = 2.0;
  public static final int MAX_PITCH = 50;

  public Casting {
    roles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roles));
  }

  /**
   * @param voiceId the voice's id
   * @param engine  engine to use, or null for the voice's first
   * @param rate    speaking-rate multiplier, 1.0 is normal ({@value #MIN_RATE} to {@value #MAX_RATE})
   * @param pitch   pitch shift in percent, 0 is normal (±{@value #MAX_PITCH})
   * @throws CastingException when rate or pitch is out of range (NaN too)
   */
  public record Assignment(String voiceId, String engine, double rate, int pitch) {
    public Assignment {
      checkedRate("a voice", rate);
      checkedPitch("a voice", pitch);
    }

    public static Assignment of(String voiceId) {
      return new Assignment(voiceId, null, 1.0, 0);
    }

    /**
     * An assignment as a request states it: rate and pitch may be left out (1.0 and 0).
     *
     * @param who named in the refusal: "role 'Mara'", "the preview"
     */
    public static Assignment of(String who, String voiceId, String engine, Double rate, Integer pitch) {
      if (voiceId == null || voiceId.isBlank()) {
        throw new CastingException("casting for " + who + " needs a voiceId");
      }
      return new Assignment(voiceId, engine, checkedRate(who, rate), checkedPitch(who, pitch));
    }
  }

  /** The one rule for a voice's rate, wherever it is set; null is the normal rate. */
  public static double checkedRate(String who, Double rate) {
    double r = rate == null ? 1.0 : rate;
    if (!(r >= MIN_RATE && r <= MAX_RATE)) { // NaN too
      throw new CastingException("rate for " + who + " must be between " + MIN_RATE + " and " + MAX_RATE);
    }
    return r;
  }

  /** The one rule for a voice's pitch shift, wherever it is set; null is no shift. */
  public static int checkedPitch(String who, Integer pitch) {
    int p = pitch == null ? 0 : pitch;
    if (p < -MAX_PITCH || p > MAX_PITCH) {
      throw new CastingException("pitch for " + who + " must be between -" + MAX_PITCH + " and " + MAX_PITCH);
    }
    return p;
  }

  public Assignment forRole(String role) {
    return roles.get(role);
  }
}
