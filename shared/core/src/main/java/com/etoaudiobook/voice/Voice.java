package com.etoaudiobook.voice;

import java.util.List;

/**
 * An engine's voice.
 *
 * @param id           engine-specific id, unique within a provider ("en-us+f3", "Joanna")
 * @param name         display name
 * @param language     BCP-47 tag ("en-US")
 * @param languageName display name of the language ("English (America)")
 * @param gender       "female", "male" or "neutral"
 * @param engines      engines that can speak it ("espeak"; "standard", "neural", ...)
 * @param sampleRate   native sample rate in Hz
 * @param provider     "espeak" or "polly"
 */
public record Voice(String id, String name, String language, String languageName, String gender,
                    List<String> engines, int sampleRate, String provider) {
  public Voice {
    engines = List.copyOf(engines);
  }
}
