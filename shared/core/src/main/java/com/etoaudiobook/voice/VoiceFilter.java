package com.etoaudiobook.voice;

import java.util.List;
import java.util.Locale;

/** Filters a voice list the way the CLI and GET /api/voices do. */
public final class VoiceFilter {
  private VoiceFilter() {
  }

  /**
   * @param language BCP-47 prefix ("en" matches en-US and en-GB), case-insensitive, or null
   * @param gender   "female", "male", "neutral", or null
   * @param engine   an engine name the voice must support, or null
   * @param q        text to find in the id, name or language name, or null
   */
  public static List<Voice> filter(List<Voice> voices, String language, String gender, String engine, String q) {
    String lang = norm(language);
    String g = norm(gender);
    String e = norm(engine);
    String text = norm(q);
    return voices.stream()
        .filter(v -> lang == null || matchesLanguage(v.language(), lang))
        .filter(v -> g == null || v.gender().equalsIgnoreCase(g))
        .filter(v -> e == null || v.engines().stream().anyMatch(x -> x.equalsIgnoreCase(e)))
        .filter(v -> text == null || contains(v.id(), text) || contains(v.name(), text)
            || contains(v.languageName(), text) || contains(v.language(), text))
        .toList();
  }

  private static boolean matchesLanguage(String voiceLanguage, String wanted) {
    String v = voiceLanguage.toLowerCase(Locale.ROOT).replace('_', '-');
    String w = wanted.replace('_', '-');
    return v.equals(w) || v.startsWith(w + "-");
  }

  private static boolean contains(String haystack, String needle) {
    return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
  }

  private static String norm(String s) {
    return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
  }
}
