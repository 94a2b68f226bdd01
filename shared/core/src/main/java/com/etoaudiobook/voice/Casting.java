package com.etoaudiobook.voice;

import java.util.LinkedHashMap;
import java.util.Map;

/** Role name → voice assignment for one book. */
public record Casting(Map<String, Assignment> roles) {
  public Casting {
    roles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roles));
  }

  /**
   * @param voiceId the voice's id
   * @param engine  engine to use, or null for the voice's first
   * @param rate    speaking-rate multiplier, 1.0 is normal (0.5 to 2.0)
   * @param pitch   pitch shift in percent, 0 is normal (-50 to 50)
   */
  public record Assignment(String voiceId, String engine, double rate, int pitch) {
    public static Assignment of(String voiceId) {
      return new Assignment(voiceId, null, 1.0, 0);
    }
  }

  public Assignment forRole(String role) {
    return roles.get(role);
  }
}
