package com.etoaudiobook.engine.espeak;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The slice of libespeak-ng's C API (speak_lib.h) the engine uses. Not thread-safe: every call
 * must hold {@link EspeakEngine}'s global lock.
 */
interface EspeakLibrary extends Library {
  int AUDIO_OUTPUT_SYNCHRONOUS = 2;
  int POS_CHARACTER = 1;
  int CHARS_UTF8 = 1;
  /** espeakPHONEMES: text between [[ and ]] is phoneme mnemonics. */
  int PHONEMES = 0x100;
  int EE_OK = 0;
  int EE_BUFFER_FULL = 1;

  int PARAM_RATE = 1;
  int PARAM_PITCH = 3;
  int PARAM_RANGE = 4;

  int EVENT_LIST_TERMINATED = 0;
  int EVENT_WORD = 1;
  int EVENT_SENTENCE = 2;

  /** sizeof(espeak_EVENT) and field offsets on LP64. */
  int EVENT_SIZE = 40;
  int EVENT_TEXT_POSITION = 8;
  int EVENT_LENGTH = 12;
  int EVENT_AUDIO_POSITION = 16;

  /** sizeof(espeak_VOICE) and field offsets on LP64. */
  int VOICE_SIZE = 40;
  int VOICE_NAME = 0;
  int VOICE_LANGUAGES = 8;
  int VOICE_IDENTIFIER = 16;
  int VOICE_GENDER = 24;

  /** Returns the sample rate, or -1 on error (e.g. data directory not found). */
  int espeak_Initialize(int output, int buflength, String path, int options);

  void espeak_SetSynthCallback(SynthCallback callback);

  int espeak_SetVoiceByName(String name);

  int espeak_SetParameter(int parameter, int value, int relative);

  /** size is a size_t: 64-bit on the LP64 platforms we support. */
  int espeak_Synth(byte[] text, long size, int position, int positionType, int endPosition,
                   int flags, Pointer uniqueIdentifier, Pointer userData);

  /** NULL-terminated array of espeak_VOICE*, owned by the library. */
  Pointer espeak_ListVoices(Pointer voiceSpec);

  /** int (*)(short *wav, int numsamples, espeak_EVENT *events); return 1 to abort. */
  interface SynthCallback extends Callback {
    int invoke(Pointer wav, int numSamples, Pointer events);
  }
}
