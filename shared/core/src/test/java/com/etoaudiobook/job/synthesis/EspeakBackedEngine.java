package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.voice.Voice;
import com.etoaudiobook.engine.espeak.EspeakEngine;

import java.util.List;

/** A test engine that speaks with eSpeak NG and is eSpeak NG to its callers, but for what it does around each call. */
abstract class EspeakBackedEngine implements SpeechEngine {
  final EspeakEngine real = EspeakEngine.instance();

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
}
