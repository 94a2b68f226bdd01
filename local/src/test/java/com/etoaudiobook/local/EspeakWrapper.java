package com.etoaudiobook.local;

import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.voice.Voice;

import java.util.List;

/** The real eSpeak NG engine, for tests that count or break some of its calls. */
class EspeakWrapper implements SpeechEngine {
  final SpeechEngine real = EspeakEngine.instance();

  @Override
  public String provider() {
    return real.provider();
  }

  @Override
  public List<Voice> voices() {
    return real.voices();
  }

  @Override
  public int maxCharacters() {
    return real.maxCharacters();
  }

  @Override
  public Speech synthesize(SpeechRequest request) {
    return real.synthesize(request);
  }
}
