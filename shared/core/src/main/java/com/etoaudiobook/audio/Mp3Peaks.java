package com.etoaudiobook.audio;

import com.etoaudiobook.audio.internal.Mp3Decoder;

/**
 * The true peak of some of a part's frames, decoded stretch by stretch (each after the two frames before
 * it and its bit reservoir, {@link Mp3Decoder#decodeStretch}).
 */
public final class Mp3Peaks {
  private Mp3Peaks() {
  }

  /**
   * The true peak (dBFS) of the samples {@code granules} become: 576 samples after their place
   * ({@link Mp3Spectrum#DELAY}), so the frames after each; granules near each other are decoded
   * as one stretch rather than each with its own warm-up.
   */
  public static double ofGranules(byte[] frames, int[] granules) {
    int[] offsets = Mp3Decoder.frameOffsets(frames);
    int count = offsets.length - 1;
    int[] sorted = granules.clone();
    java.util.Arrays.sort(sorted);
    double peak = LoudnessMeter.SILENCE;
    for (int i = 0; i < sorted.length; ) {
      int from = Math.min(count - 1, sorted[i] + 1);
      int to = Math.min(count, sorted[i] + 3);
      // granules this near share a stretch, as they did with 4 warm-up frames: the same frames' peak,
      // the one Mp3Levelling's margins were measured over (fewer merged stretches found peaks
      // up to 1.6 dB lower, frames in between left undecoded)
      while (++i < sorted.length && sorted[i] + 1 <= to + Mp3Decoder.WARM_UP_FRAMES) {
        to = Math.min(count, sorted[i] + 3);
      }
      peak = Math.max(peak, LoudnessMeter.truePeak(Mp3Decoder.decodeStretch(frames, offsets, from, to)));
    }
    return peak;
  }

  /** As {@link #ofGranules(byte[], int[])} was before the reservoir was handed over: each stretch decoded from {@code warmUp} frames before it. */
  public static double ofGranules(byte[] frames, int[] granules, int warmUp) {
    int[] offsets = Mp3Decoder.frameOffsets(frames);
    int count = offsets.length - 1;
    int[] sorted = granules.clone();
    java.util.Arrays.sort(sorted);
    double peak = LoudnessMeter.SILENCE;
    for (int i = 0; i < sorted.length; ) {
      int from = Math.min(count - 1, sorted[i] + 1);
      int to = Math.min(count, sorted[i] + 3);
      while (++i < sorted.length && sorted[i] + 1 <= to + warmUp) {
        to = Math.min(count, sorted[i] + 3);
      }
      peak = Math.max(peak, LoudnessMeter.truePeak(Mp3Decoder.decodeRange(frames, offsets, from, to, warmUp)));
    }
    return peak;
  }
}
