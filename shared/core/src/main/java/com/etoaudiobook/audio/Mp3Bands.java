package com.etoaudiobook.audio;

/** Scalefactor bands of one sample rate, and per line its band and its K-weighting. */
final class Mp3Bands {
  final int[] longIdx;
  final int[] longSfb = new int[Mp3Spectrum.GRANULE];
  final int[] shortSfb = new int[Mp3Spectrum.GRANULE];
  final double[] longWeights = new double[Mp3Spectrum.GRANULE];
  final double[] shortWeights = new double[Mp3Spectrum.GRANULE];

  private Mp3Bands(int rate, int[] longIdx, int[] shortIdx) {
    this.longIdx = longIdx;
    double[] pre = LoudnessMeter.preFilter(rate);
    double[] rlb = LoudnessMeter.rlbFilter(rate);
    for (int sfb = 0; sfb < 22; sfb++) {
      for (int i = longIdx[sfb]; i < longIdx[sfb + 1]; i++) {
        longSfb[i] = sfb;
        longWeights[i] = response(pre, rlb, (i + 0.5) / Mp3Spectrum.GRANULE * Math.PI);
      }
    }
    // short blocks: band by band, window after window within a band
    int line = 0;
    for (int sfb = 0; sfb < 13; sfb++) {
      int width = shortIdx[sfb + 1] - shortIdx[sfb];
      for (int w = 0; w < 3; w++) {
        for (int j = 0; j < width; j++, line++) {
          shortSfb[line] = sfb * 3 + w;
          shortWeights[line] = response(pre, rlb, (shortIdx[sfb] + j + 0.5) / (Mp3Spectrum.GRANULE / 3.0) * Math.PI);
        }
      }
    }
  }

  /** |H(e^jw)|^2 of the two biquads {b0, b1, b2, a1, a2}. */
  private static double response(double[] pre, double[] rlb, double w) {
    return power(pre, w) * power(rlb, w);
  }

  private static double power(double[] f, double w) {
    double c1 = Math.cos(w), s1 = Math.sin(w), c2 = Math.cos(2 * w), s2 = Math.sin(2 * w);
    double nr = f[0] + f[1] * c1 + f[2] * c2, ni = -f[1] * s1 - f[2] * s2;
    double dr = 1 + f[3] * c1 + f[4] * c2, di = -f[3] * s1 - f[4] * s2;
    return (nr * nr + ni * ni) / (dr * dr + di * di);
  }

  private static final int[] LONG_22 = {0, 6, 12, 18, 24, 30, 36, 44, 54, 66, 80, 96, 116, 140, 168, 200, 238, 284, 336, 396,
      464, 522, 576};
  private static final int[] LONG_24 = {0, 6, 12, 18, 24, 30, 36, 44, 54, 66, 80, 96, 114, 136, 162, 194, 232, 278, 332, 394,
      464, 540, 576};
  private static final int[] LONG_8 = {0, 12, 24, 36, 48, 60, 72, 88, 108, 132, 160, 192, 232, 280, 336, 400, 476, 566, 568,
      570, 572, 574, 576};
  private static final int[] SHORT_22 = {0, 4, 8, 12, 18, 24, 32, 42, 56, 74, 100, 132, 174, 192};
  private static final int[] SHORT_24 = {0, 4, 8, 12, 18, 26, 36, 48, 62, 80, 104, 136, 180, 192};
  private static final int[] SHORT_16 = {0, 4, 8, 12, 18, 26, 36, 48, 62, 80, 104, 134, 174, 192};
  private static final int[] SHORT_8 = {0, 8, 16, 24, 36, 52, 72, 96, 124, 160, 162, 164, 166, 192};
  private static final java.util.Map<Integer, Mp3Bands> BY_RATE = new java.util.concurrent.ConcurrentHashMap<>();

  static Mp3Bands of(int rate) {
    return switch (rate) {
      case 22050 -> BY_RATE.computeIfAbsent(rate, r -> new Mp3Bands(r, LONG_22, SHORT_22));
      case 24000 -> BY_RATE.computeIfAbsent(rate, r -> new Mp3Bands(r, LONG_24, SHORT_24));
      case 16000 -> BY_RATE.computeIfAbsent(rate, r -> new Mp3Bands(r, LONG_22, SHORT_16));
      case 11025, 12000 -> BY_RATE.computeIfAbsent(rate, r -> new Mp3Bands(r, LONG_22, SHORT_16));
      case 8000 -> BY_RATE.computeIfAbsent(rate, r -> new Mp3Bands(r, LONG_8, SHORT_8));
      default -> null;
    };
  }
}
