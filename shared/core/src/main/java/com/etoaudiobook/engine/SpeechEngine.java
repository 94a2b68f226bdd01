package com.etoaudiobook.engine;

import com.etoaudiobook.voice.Voice;

import java.util.List;

/** The port every speech engine implements: eSpeak NG locally, Polly in AWS. */
public interface SpeechEngine {
  /** Provider name, e.g. "espeak" or "polly". */
  String provider();

  List<Voice> voices();

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
