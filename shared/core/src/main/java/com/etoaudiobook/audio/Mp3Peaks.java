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
    // granules this near share a stretch, as they did with 4 warm-up frames: the same frames' peak,
    // the one Mp3Levelling's margins were measured over (fewer merged stretches found peaks
    // up to 1.6 dB lower, frames in between left undecoded)
    return ofStretches(frames, granules, Mp3Decoder.WARM_UP_FRAMES, Mp3Decoder::decodeStretch);
  }

  /** As {@link #ofGranules(byte[], int[])} was before the reservoir was handed over: each stretch decoded from {@code warmUp} frames before it. */
  public static double ofGranules(byte[] frames, int[] granules, int warmUp) {
    return ofStretches(frames, granules, warmUp,
        (mp3, offsets, from, to) -> Mp3Decoder.decodeRange(mp3, offsets, from, to, warmUp));
  }

  private interface Stretch {
    short[] decode(byte[] frames, int[] offsets, int from, int to);
  }

  private static double ofStretches(byte[] frames, int[] granules, int mergeWithin, Stretch stretch) {
    int[] offsets = Mp3Decoder.frameOffsets(frames);
    int count = offsets.length - 1;
    int[] sorted = granules.clone();
    java.util.Arrays.sort(sorted);
    double peak = LoudnessMeter.SILENCE;
    for (int i = 0; i < sorted.length; ) {
      int from = Math.min(count - 1, sorted[i] + 1);
      int to = Math.min(count, sorted[i] + 3);
      while (++i < sorted.length && sorted[i] + 1 <= to + mergeWithin) {
        to = Math.min(count, sorted[i] + 3);
      }
      peak = Math.max(peak, LoudnessMeter.truePeak(stretch.decode(frames, offsets, from, to)));
    }
    return peak;
  }
}
