package com.etoaudiobook.engine;

import com.etoaudiobook.voice.Voice;

import java.util.List;

/** The port every speech engine implements: eSpeak NG locally, Polly in AWS. */
public interface SpeechEngine {
  /** Provider name, e.g. "espeak" or "polly". */
  String provider();

  List<Voice> voices();

  /**
   * The voice list a catalog read without asking this engine (from a cache shared by every
   * container), voices of other providers among it. An engine that looks its voices up per call
   * (Polly: which engines a voice has) keeps its own instead of describing them again.
   */
  default void useVoices(List<Voice> catalog) {
  }

  /** Largest number of characters one request may carry. */
  int maxCharacters();

  /** Speaks one part. Implementations may serialize calls internally. */
  Speech synthesize(SpeechRequest request);

  /**
   * Speaks one part, asking {@code guard} before each remote call (an engine with several calls
   * per part overrides this); a local engine asks once.
   */
  default Speech synthesize(SpeechRequest request, CallGuard guard) {
    guard.check();
    return synthesize(request);
  }
}
