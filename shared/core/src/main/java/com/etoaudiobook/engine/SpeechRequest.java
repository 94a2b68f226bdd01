package com.etoaudiobook.engine;

/**
 * @param text    what to say (plain text, at most the engine's maxCharacters)
 * @param voiceId the voice
 * @param engine  engine variant (Polly: standard/neural/long-form/generative), or null
 * @param rate    speaking-rate multiplier, 1.0 normal
 * @param pitch   pitch shift in percent
 */
public record SpeechRequest(String text, String voiceId, String engine, double rate, int pitch) {
}
