package com.etoaudiobook.audio;

import com.etoaudiobook.audio.internal.Mp3Decoder;

/**
 * What an MP3 part measures (integrated loudness, true peak) from some of its frames, decoded in
 * independent stretches, instead of all of them: decoding is most of what measuring costs (0.5 ms
 * per second of audio native, against 0.1 for the meter). Stretches are spread over the part and
 * taken until the loudness they give stops moving; the peak is looked for where the side info says
 * the frames are loudest (the quantizer's step follows the level), beside what the stretches saw.
 */
public final class Mp3Level {
  /**
   * Frames in a stretch: 23 frames of 576 samples are 6.0 sub-blocks of 100 ms at 22050 Hz (three
   * 400 ms blocks), so little decoded audio falls outside the meter's blocks.
   */
  static final int STRETCH_FRAMES = 23;
  /** Audio decoded before the loudness may count as settled. */
  static final double MIN_SECONDS = 2.4;
  /** Settled: the last stretch moved the estimate by less than this. */
  static final double SETTLED_LU = 0.15;
  /** Parts up to this long are decoded whole: stretches would save little. */
  static final double WHOLE_SECONDS = 4.0;
  /** The loudest frames by their side info, each decoded with a frame either side for the peak. */
  static final int PEAK_FRAMES = 3;

  private Mp3Level() {
  }

  /**
   * What a part measured: loudness (LUFS), true peak (dBFS), its length and the seconds decoded.
   * {@code whole}: every frame decoded, so both figures are exact.
   */
  public record Measured(double lufs, double truePeak, double seconds, double decodedSeconds, boolean whole) {
  }

  /** Decodes every frame: the exact figures. */
  public static Measured whole(byte[] frames) {
    int rate = Mp3Frames.header(frames, 0).sampleRate();
    short[] pcm = Mp3Decoder.decode(frames);
    LoudnessMeter.Analysis a = LoudnessMeter.analyze(pcm, rate);
    double lufs = LoudnessMeter.integrated(a.weighted());
    double seconds = pcm.length / (double) rate;
    return new Measured(lufs, lufs == LoudnessMeter.SILENCE ? LoudnessMeter.SILENCE : LoudnessMeter.truePeak(pcm, a),
        seconds, seconds, true);
  }

  /** The part's figures from stretches of it (all of it when short). */
  public static Measured sampled(byte[] frames) {
    Mp3Frames.Header first = Mp3Frames.header(frames, 0);
    int rate = first.sampleRate();
    int perFrame = first.version() == 1 ? 1152 : 576;
    int[] offsets = Mp3Decoder.frameOffsets(frames);
    int n = offsets.length - 1;
    double seconds = n * perFrame / (double) rate;
    int stretches = n / STRETCH_FRAMES;
    if (seconds <= WHOLE_SECONDS || stretches < 4) {
      return whole(frames);
    }
    double[] powers = new double[0];
    double[] weights = Mp3Gain.frameWeights(frames);
    double gate = gate(weights);
    double all = 0, seen = 0;
    int allCount = 0, seenCount = 0;
    for (double w : weights) {
      if (w > gate) {
        all += w;
        allCount++;
      }
    }
    double peak = peak(frames, offsets, weights);
    double estimate = LoudnessMeter.SILENCE;
    int decoded = PEAK_FRAMES * (3 + Mp3Decoder.WARM_UP_FRAMES);
    boolean[] taken = new boolean[stretches];
    // spread over the part: halves, then quarters, eighths... (van der Corput order); the first
    // power of two past the count reaches every stretch
    for (int k = 0, end = Integer.highestOneBit(stretches) * 2; k < end; k++) {
      int s = (int) (radicalInverse(k) * stretches);
      if (taken[s]) {
        continue;
      }
      taken[s] = true;
      int from = s * STRETCH_FRAMES;
      int to = s == stretches - 1 ? n : from + STRETCH_FRAMES;
      short[] pcm = Mp3Decoder.decodeRange(frames, offsets, from, to, Mp3Decoder.WARM_UP_FRAMES);
      decoded += to - from + Math.min(from, Mp3Decoder.WARM_UP_FRAMES);
      for (int f = from; f < to; f++) {
        if (weights[f] > gate) {
          seen += weights[f];
          seenCount++;
        }
      }
      LoudnessMeter.Analysis a = LoudnessMeter.analyze(pcm, rate);
      peak = Math.max(peak, LoudnessMeter.truePeak(pcm, a));
      double[] more = a.weighted();
      double[] joined = java.util.Arrays.copyOf(powers, powers.length + more.length);
      System.arraycopy(more, 0, joined, powers.length, more.length);
      powers = joined;
      // the stretches' loudness, moved by how much louder the side info says the whole part is
      double next = LoudnessMeter.integrated(powers) + (seenCount == 0 || all == 0 ? 0
          : 10 * Math.log10(all / allCount / (seen / seenCount)));
      boolean settled = Math.abs(next - estimate) < SETTLED_LU;
      estimate = next;
      if (settled && powers.length * 0.1 >= MIN_SECONDS) {
        break;
      }
    }
    return new Measured(estimate, peak, seconds, decoded * perFrame / (double) rate, false);
  }

  /**
   * The true peak around the {@link #PEAK_FRAMES} frames whose side info says they are loudest
   * (each with a frame either side), at the part's current gain.
   */
  public static double peak(byte[] frames, int[] offsets, double[] weights) {
    int n = offsets.length - 1;
    int rate = Mp3Frames.header(frames, 0).sampleRate();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(weights[b], weights[a]));
    double peak = LoudnessMeter.SILENCE;
    boolean[] done = new boolean[n];
    for (int i = 0, taken = 0; i < n && taken < PEAK_FRAMES; i++) {
      int f = order[i];
      if (done[f]) {
        continue; // a neighbour's window covered it
      }
      int from = Math.max(0, f - 1), to = Math.min(n, f + 2);
      for (int j = from; j < to; j++) {
        done[j] = true;
      }
      short[] pcm = Mp3Decoder.decodeRange(frames, offsets, from, to, Mp3Decoder.WARM_UP_FRAMES);
      peak = Math.max(peak, LoudnessMeter.truePeak(pcm, LoudnessMeter.analyze(pcm, rate)));
      taken++;
    }
    return peak;
  }

  /** Frames quieter than this (a tenth of the mean) are pauses: they do not count, as the meter's gate leaves them out. */
  static double gate(double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    return weights.length == 0 ? 0 : sum / weights.length * 0.1;
  }

  /** k's bits mirrored after the binary point: 0, 1/2, 1/4, 3/4, 1/8, ... */
  static double radicalInverse(int k) {
    return (Integer.reverse(k) & 0xFFFFFFFFL) / 4294967296.0;
  }
}
