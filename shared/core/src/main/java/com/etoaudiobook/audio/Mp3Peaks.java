package com.etoaudiobook.audio;

import com.etoaudiobook.audio.internal.Mp3Decoder;

import java.util.Arrays;

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
    // granules this near share a stretch, as they did with 4 warm-up frames: the same frames' peak,
    // the one Mp3Levelling's margins were measured over (fewer merged stretches found peaks
    // up to 1.6 dB lower, frames in between left undecoded)
    int[] offsets = Mp3Decoder.frameOffsets(frames);
    int[][] stretches = stretches(granules, offsets.length - 1, Mp3Decoder.WARM_UP_FRAMES);
    // the stretches decoded at once (the same samples as one by one), their true peak over the highest sample of all
    return LoudnessMeter.truePeak(Mp3Decoder.decodeStretches(frames, offsets, stretches[0], stretches[1]));
  }

  /**
   * The stretches (first frames, ends) whose samples {@code granules} become, near ones merged; in
   * order (public for bench's FirstPartPhases, which times their decode apart).
   */
  public static int[][] stretches(int[] granules, int count, int mergeWithin) {
    int[] sorted = granules.clone();
    Arrays.sort(sorted);
    int[] from = new int[sorted.length];
    int[] to = new int[sorted.length];
    int n = 0;
    for (int i = 0; i < sorted.length; n++) {
      from[n] = Math.min(count - 1, sorted[i] + 1);
      to[n] = Math.min(count, sorted[i] + 3);
      while (++i < sorted.length && sorted[i] + 1 <= to[n] + mergeWithin) {
        to[n] = Math.min(count, sorted[i] + 3);
      }
    }
    return new int[][] {Arrays.copyOf(from, n), Arrays.copyOf(to, n)};
  }

  /** As {@link #ofGranules(byte[], int[])} was before the reservoir was handed over: each stretch decoded from {@code warmUp} frames before it. */
  public static double ofGranules(byte[] frames, int[] granules, int warmUp) {
    int[] offsets = Mp3Decoder.frameOffsets(frames);
    int[][] stretches = stretches(granules, offsets.length - 1, warmUp);
    double peak = LoudnessMeter.SILENCE;
    for (int i = 0; i < stretches[0].length; i++) {
      peak = Math.max(peak, LoudnessMeter.truePeak(Mp3Decoder.decodeRange(frames, offsets, stretches[0][i], stretches[1][i], warmUp)));
    }
    return peak;
  }
}
