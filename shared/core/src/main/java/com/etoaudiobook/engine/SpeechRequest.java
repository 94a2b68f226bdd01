package com.etoaudiobook.engine;

/**
 * @param text     what to say (plain text, at most the engine's maxCharacters)
 * @param voiceId  the voice
 * @param engine   engine variant (Polly: standard/neural/long-form/generative), or null
 * @param rate     speaking-rate multiplier, 1.0 normal
 * @param pitch    pitch shift in percent
 * @param delivery how the line is said, as the script wrote it ("whispering"), or null; see {@link Delivery}
 */
public record SpeechRequest(String text, String voiceId, String engine, double rate, int pitch, String delivery) {
  public SpeechRequest(String text, String voiceId, String engine, double rate, int pitch) {
    this(text, voiceId, engine, rate, pitch, null);
  }
}
