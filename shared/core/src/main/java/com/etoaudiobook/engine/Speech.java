package com.etoaudiobook.engine;

import java.util.List;

/**
 * What an engine returns for one part: either 16-bit mono PCM (local engines) or MP3 frames
 * (Polly), and the word/sentence marks.
 *
 * @param pcm        little-endian 16-bit mono samples at sampleRate, or null
 * @param mp3        MP3 bytes, or null
 * @param sampleRate Hz
 * @param marks      word and sentence marks, in order
 * @param billedCharacters characters the provider bills for this request (0 for local engines)
 */
public record Speech(short[] pcm, byte[] mp3, int sampleRate, List<Mark> marks, int billedCharacters) {
  /**
   * @param type  "word" or "sentence"
   * @param timeMs offset from the start of this part's audio, in ms
   * @param start start offset in the request text (UTF-16 chars)
   * @param end   end offset in the request text
   */
  public record Mark(String type, long timeMs, int start, int end) {
  }
}
