package com.etoaudiobook.audio;

import com.etoaudiobook.audio.internal.Mp3Decoder;

/**
 * Brings one part to the {@link LoudnessTarget}, before it is stored and cached. PCM (eSpeak NG)
 * is measured, scaled and, where a peak would pass the ceiling, limited with look-ahead, then
 * encoded. MP3 (Polly) is decoded only to be measured, and its frames' global gain moved in whole
 * 1.5 dB steps: never re-encoded, and the peak ceiling wins over the loudness when both cannot hold.
 */
public final class LoudnessNormalizer {
  /**
   * How far below the true-peak ceiling PCM samples are kept: the peaks between samples and the
   * MP3 coder's error add to them (measured with ffmpeg's ebur128 on encoded eSpeak parts).
   */
  static final double ENCODING_MARGIN_DB = 1.0;
  /** Never raise a part by more than this: a near-silent part stays quiet rather than hiss. */
  static final double MAX_BOOST_DB = 24;
  /** Close enough: a tenth of the 1 LU a listener notices. */
  private static final double TOLERANCE_LU = 0.1;
  private static final double ATTACK_SECONDS = 0.002;
  private static final double RELEASE_SECONDS = 0.05;
  private static final int BLOCK = 8192;

  private final LoudnessTarget target;

  public LoudnessNormalizer(LoudnessTarget target) {
    this.target = target;
  }

  public LoudnessTarget target() {
    return target;
  }

  /** The PCM at the target loudness with its peaks under the ceiling (a new array). */
  public short[] normalize(short[] pcm, int sampleRate) {
    double loudness = LoudnessMeter.integrated(pcm, sampleRate);
    if (loudness == LoudnessMeter.SILENCE) {
      return pcm;
    }
    double ceiling = 32767 * Math.pow(10, (target.peakDb() - ENCODING_MARGIN_DB) / 20);
    double gainDb = Math.min(MAX_BOOST_DB, target.lufs() - loudness);
    short[] out = new short[pcm.length];
    // limiting takes a little loudness away; a second pass (rarely a third) gives it back
    for (int pass = 0; pass < 3; pass++) {
      limit(pcm, out, Math.pow(10, gainDb / 20), ceiling, sampleRate);
      double miss = target.lufs() - LoudnessMeter.integrated(out, sampleRate);
      if (Math.abs(miss) < TOLERANCE_LU || gainDb >= MAX_BOOST_DB) {
        break;
      }
      gainDb = Math.min(MAX_BOOST_DB, gainDb + miss);
    }
    return out;
  }

  /**
   * out = in × gain, with the gain pulled down around any sample that would pass the ceiling: it
   * falls linearly over the attack before the peak (look-ahead, so the peak itself is under) and
   * recovers linearly over the release. The gain's slope is bounded, so the limiting adds no
   * clicks. Block by block: a peak further ahead than the attack cannot lower the gain here.
   */
  static void limit(short[] in, short[] out, double gain, double ceiling, int sampleRate) {
    int attack = Math.max(1, (int) Math.round(ATTACK_SECONDS * sampleRate));
    double attackStep = gain / attack;
    double releaseStep = gain / Math.max(1, RELEASE_SECONDS * sampleRate);
    float[] lookAhead = new float[BLOCK + attack];
    double current = gain;
    for (int start = 0; start < in.length; start += BLOCK) {
      int end = Math.min(in.length, start + BLOCK);
      int horizon = Math.min(in.length, end + attack);
      double next = gain;
      for (int i = horizon - 1; i >= start; i--) {
        int magnitude = Math.abs(in[i]);
        double need = magnitude * gain > ceiling ? ceiling / magnitude : gain;
        next = Math.min(need, next + attackStep);
        lookAhead[i - start] = (float) next;
      }
      for (int i = start; i < end; i++) {
        current = Math.min(lookAhead[i - start], current + releaseStep);
        long v = Math.round(in[i] * current);
        out[i] = (short) Math.max(-32768, Math.min(32767, v));
      }
    }
  }

  /** MP3 frames at the target, to the nearest 1.5 dB step that keeps the true peak under the ceiling. */
  public byte[] normalizeMp3(byte[] frames) {
    Mp3Frames.Header first = Mp3Frames.header(frames, 0);
    if (first == null) {
      throw new IllegalArgumentException("not MP3 frames");
    }
    short[] pcm = Mp3Decoder.decode(frames);
    double loudness = LoudnessMeter.integrated(pcm, first.sampleRate());
    if (loudness == LoudnessMeter.SILENCE) {
      return frames;
    }
    double peak = LoudnessMeter.truePeak(pcm);
    int steps = (int) Math.round(Math.min(MAX_BOOST_DB, target.lufs() - loudness) / Mp3Gain.STEP_DB);
    while (peak + steps * Mp3Gain.STEP_DB > target.peakDb() && steps > -60) {
      steps--;
    }
    return steps == 0 ? frames : Mp3Gain.apply(frames, steps);
  }
}
