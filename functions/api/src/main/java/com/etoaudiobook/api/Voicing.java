package com.etoaudiobook.api;

import com.etoaudiobook.voice.Casting;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;

/** One role's voice as a request casts it (jobs and estimates); the rules are {@link Casting}'s. */
record Voicing(String voiceId, @Nullable String engine, @Nullable Double rate, @Nullable Integer pitch) {
  /** The roles a request casts, each checked by {@link Casting.Assignment#of}: a bad one is a 400. */
  static Map<String, Casting.Assignment> assignments(@Nullable Map<String, Voicing> casting) {
    Map<String, Casting.Assignment> chosen = new LinkedHashMap<>();
    if (casting != null) {
      casting.forEach((role, v) -> chosen.put(role, v == null
          ? Casting.Assignment.of("role '" + role + "'", null, null, null, null)
          : Casting.Assignment.of("role '" + role + "'", v.voiceId(), v.engine(), v.rate(), v.pitch())));
    }
    return chosen;
  }
}
