package com.etoaudiobook.audio;

/**
 * ITU-R BS.1770-4 / EBU R 128 loudness of mono 16-bit PCM at any sample rate: K-weighting (the two
 * biquads, their coefficients derived for the actual rate as libebur128 does), 400 ms blocks every
 * 100 ms, the absolute gate at -70 LUFS and the relative gate 10 LU below. Also the sample peak and
 * the true peak (4x oversampled, as the standard's Annex 2 suggests).
 */
public final class LoudnessMeter {
  /** Loudness of digital silence, and of anything below the absolute gate. */
  public static final double SILENCE = Double.NEGATIVE_INFINITY;
  private static final double ABSOLUTE_GATE = -70.0;
  private static final double RELATIVE_GATE = -10.0;
  private static final int OVERSAMPLING = 4;
  /** Taps of each polyphase branch of the true-peak interpolator. */
  private static final int TAPS = 16;
  private static final double[][] PHASES = interpolator();

  private LoudnessMeter() {
  }

  /** Integrated (gated) loudness in LUFS; {@link #SILENCE} when nothing passes the absolute gate. */
  public static double integrated(short[] pcm, int sampleRate) {
    return integrated(pcm, sampleRate, 1.0);
  }

  /** Integrated loudness of the PCM as it would be with each sample multiplied by {@code gain}. */
  public static double integrated(short[] pcm, int sampleRate, double gain) {
    double[] power = subBlockPower(pcm, sampleRate, gain);
    int blocks = power.length - 3;
    if (blocks <= 0) {
      // shorter than one 400 ms block: the whole part is the one block, so short parts level too
      double sum = 0;
      for (double p : power) {
        sum += p;
      }
      return power.length == 0 ? SILENCE : gated(new double[] {sum / power.length});
    }
    double[] z = new double[blocks];
    for (int j = 0; j < blocks; j++) {
      z[j] = (power[j] + power[j + 1] + power[j + 2] + power[j + 3]) / 4;
    }
    return gated(z);
  }

  private static double gated(double[] z) {
    double threshold = energy(ABSOLUTE_GATE);
    double sum = 0;
    int n = 0;
    for (double v : z) {
      if (v > threshold) {
        sum += v;
        n++;
      }
    }
    if (n == 0) {
      return SILENCE;
    }
    double relative = Math.max(threshold, sum / n * Math.pow(10, RELATIVE_GATE / 10));
    sum = 0;
    n = 0;
    for (double v : z) {
      if (v > relative) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? SILENCE : lufs(sum / n);
  }

  private static double lufs(double meanSquare) {
    return -0.691 + 10 * Math.log10(meanSquare);
  }

  private static double energy(double lufs) {
    return Math.pow(10, (lufs + 0.691) / 10);
  }

  /** Mean square of the K-weighted signal (full scale = 1.0) in each 100 ms sub-block. */
  private static double[] subBlockPower(short[] pcm, int sampleRate, double gain) {
    int step = (int) Math.round(sampleRate * 0.1);
    double[] power = new double[pcm.length / step];
    double[] pre = preFilter(sampleRate);
    double[] rlb = rlbFilter(sampleRate);
    double scale = gain / 32768.0;
    // two biquads in direct form II transposed
    double p1 = 0, p2 = 0, r1 = 0, r2 = 0;
    for (int b = 0; b < power.length; b++) {
      double sum = 0;
      for (int i = b * step, end = i + step; i < end; i++) {
        double x = pcm[i] * scale;
        double y = pre[0] * x + p1;
        p1 = pre[1] * x - pre[3] * y + p2;
        p2 = pre[2] * x - pre[4] * y;
        double k = rlb[0] * y + r1;
        r1 = rlb[1] * y - rlb[3] * k + r2;
        r2 = rlb[2] * y - rlb[4] * k;
        sum += k * k;
      }
      power[b] = sum / step;
    }
    return power;
  }

  /** The high shelf (head effect): {b0, b1, b2, a1, a2}. */
  static double[] preFilter(int rate) {
    double f0 = 1681.974450955533, gainDb = 3.999843853973347, q = 0.7071752369554196;
    double k = Math.tan(Math.PI * f0 / rate);
    double vh = Math.pow(10, gainDb / 20);
    double vb = Math.pow(vh, 0.4996667741545416);
    double a0 = 1 + k / q + k * k;
    return new double[] {(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
        2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
  }

  /** The RLB high-pass: {b0, b1, b2, a1, a2}. */
  static double[] rlbFilter(int rate) {
    double f0 = 38.13547087602444, q = 0.5003270373238773;
    double k = Math.tan(Math.PI * f0 / rate);
    double a0 = 1 + k / q + k * k;
    return new double[] {1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
  }

  /** Largest absolute sample in dBFS (full scale 32768). */
  public static double samplePeak(short[] pcm) {
    int max = 0;
    for (short s : pcm) {
      max = Math.max(max, Math.abs(s));
    }
    return max == 0 ? SILENCE : 20 * Math.log10(max / 32768.0);
  }

  /** Largest absolute value of the 4x oversampled signal in dBFS: peaks between samples count. */
  public static double truePeak(short[] pcm) {
    double max = 0;
    int half = TAPS / 2;
    for (int n = 0; n < pcm.length; n++) {
      max = Math.max(max, Math.abs(pcm[n]));
      for (int phase = 1; phase < OVERSAMPLING; phase++) {
        double[] h = PHASES[phase];
        double acc = 0;
        for (int t = 0; t < TAPS; t++) {
          int i = n + t - half + 1;
          if (i >= 0 && i < pcm.length) {
            acc += h[t] * pcm[i];
          }
        }
        max = Math.max(max, Math.abs(acc));
      }
    }
    return max == 0 ? SILENCE : 20 * Math.log10(max / 32768.0);
  }

  /** Polyphase branches of a Kaiser-windowed sinc: value at n + phase/4 from samples n-7 .. n+8. */
  private static double[][] interpolator() {
    double[][] phases = new double[OVERSAMPLING][TAPS];
    int half = TAPS / 2;
    double beta = 6.0;
    for (int phase = 0; phase < OVERSAMPLING; phase++) {
      double frac = phase / (double) OVERSAMPLING;
      for (int t = 0; t < TAPS; t++) {
        double x = t - half + 1 - frac; // distance from the interpolated point to sample n + t - half + 1
        double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
        double r = x / (half + 0.5);
        double window = Math.abs(r) >= 1 ? 0 : bessel0(beta * Math.sqrt(1 - r * r)) / bessel0(beta);
        phases[phase][t] = sinc * window;
      }
    }
    return phases;
  }

  private static double bessel0(double x) {
    double sum = 1, term = 1;
    for (int k = 1; k < 30; k++) {
      term *= (x / (2 * k)) * (x / (2 * k));
      sum += term;
    }
    return sum;
  }
}
