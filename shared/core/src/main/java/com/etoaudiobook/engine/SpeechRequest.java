package com.etoaudiobook.engine;

import com.etoaudiobook.lexicon.Lexicon;

/**
 * @param text     what to say (plain text, at most the engine's maxCharacters)
 * @param voiceId  the voice
 * @param engine   engine variant (Polly: standard/neural/long-form/generative), or null
 * @param rate     speaking-rate multiplier, 1.0 normal
 * @param pitch    pitch shift in percent
 * @param delivery how the line is said, as the script wrote it ("whispering"), or null; see {@link Delivery}
 * @param lexicon  pronunciations to honour (those that apply to the text), never null
 */
public record SpeechRequest(String text, String voiceId, String engine, double rate, int pitch, String delivery,
                            Lexicon lexicon) {
  public SpeechRequest {
    lexicon = lexicon == null ? Lexicon.EMPTY : lexicon;
  }

  public SpeechRequest(String text, String voiceId, String engine, double rate, int pitch, String delivery) {
    this(text, voiceId, engine, rate, pitch, delivery, Lexicon.EMPTY);
  }

  public SpeechRequest(String text, String voiceId, String engine, double rate, int pitch) {
    this(text, voiceId, engine, rate, pitch, null);
  }

  /** This request with the entries of {@code all} that apply to its text. */
  public SpeechRequest withLexicon(Lexicon all) {
    return new SpeechRequest(text, voiceId, engine, rate, pitch, delivery,
        all == null ? Lexicon.EMPTY : all.applicableTo(text));
  }
}
