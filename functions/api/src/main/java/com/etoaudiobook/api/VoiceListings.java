package com.etoaudiobook.api;

import com.etoaudiobook.job.synthesis.CacheKey;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.voice.Voice;
import com.etoaudiobook.voice.VoiceFilter;
import io.micronaut.cache.annotation.Cacheable;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * GET /api/voices answers, rendered (filtered, JSON, ETag) once per catalog list and filter: the
 * catalog hands out the same list until it reloads, so its identity is part of the key and a
 * reload renders anew. Cached by Micronaut over Caffeine ("voice-listings" in application.properties:
 * bounded, so arbitrary q values cannot grow it without end).
 */
@Singleton
class VoiceListings {
  /** One rendered answer. */
  record Listing(byte[] json, String etag) {
  }

  /**
   * @param all        the catalog's list (not part of the key: {@code generation} stands for it)
   * @param generation the list's identity
   */
  @Cacheable(value = "voice-listings", parameters = {"generation", "language", "gender", "engine", "q"})
  public Listing render(List<Voice> all, int generation, String language, String gender, String engine, String q) {
    List<Voice> list = VoiceFilter.filter(all, blankToNull(language), blankToNull(gender), blankToNull(engine),
        blankToNull(q));
    byte[] json = Json.write(new VoiceList(list, list.size()));
    return new Listing(json, "\"" + CacheKey.sha256(json).substring(0, 32) + "\"");
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
