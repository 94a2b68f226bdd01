package com.etoaudiobook.audio;

/** The look-ahead limiter {@link LoudnessNormalizer} applies to PCM: a gain per chunk boundary, interpolated within. */
final class PeakLimiter {
  private PeakLimiter() {
  }

  /**
   * The limiter's gain (relative to the encoder's) at each chunk boundary, or null when no chunk
   * passes the threshold. A boundary is at most what both chunks beside it allow, so the gain
   * interpolated across a chunk keeps every sample in it under the ceiling; the gain then falls
   * at most 1 per attack before a peak (look-ahead) and rises at most 1 per release after it, so
   * limiting adds no clicks.
   */
  static double[] envelope(int[] peaks, double threshold, int attack, int release) {
    int n = peaks.length;
    double[] v = null;
    for (int c = 0; c < n; c++) {
      if (peaks[c] > threshold) {
        if (v == null) {
          v = new double[n + 1];
          java.util.Arrays.fill(v, 1.0);
        }
        double need = threshold / peaks[c];
        v[c] = min(v[c], need);
        v[c + 1] = min(v[c + 1], need);
      }
    }
    if (v == null) {
      return null;
    }
    double attackStep = (double) LoudnessMeter.CHUNK / attack;
    double releaseStep = (double) LoudnessMeter.CHUNK / release;
    for (int k = n - 1; k >= 0; k--) {
      v[k] = min(v[k], v[k + 1] + attackStep);
    }
    for (int k = 1; k <= n; k++) {
      v[k] = min(v[k], v[k - 1] + releaseStep);
    }
    return v;
  }

  /**
   * The smaller of two gains (finite, never -0.0). C1 neither intrinsifies nor inlines Math.min's
   * double form (its NaN and signed-zero checks make it too long): a call a chunk was 0.14 % of a
   * conversion's CPU in perf.
   */
  private static double min(double a, double b) {
    return a <= b ? a : b;
  }

  /** A copy of pcm with the envelope's gain, interpolated within each chunk, where it is under 1. */
  static short[] apply(short[] pcm, double[] envelope) {
    short[] out = pcm.clone();
    int size = LoudnessMeter.CHUNK;
    for (int c = 0; c + 1 < envelope.length; c++) {
      double from = envelope[c], to = envelope[c + 1];
      if (from >= 1 && to >= 1) {
        continue;
      }
      double g = from;
      double dg = (to - from) / size;
      for (int i = c * size, end = Math.min(pcm.length, i + size); i < end; i++, g += dg) {
        double y = pcm[i] * g;
        out[i] = (short) (y < 0 ? y - 0.5 : y + 0.5);
      }
    }
    return out;
  }
}
