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
}
