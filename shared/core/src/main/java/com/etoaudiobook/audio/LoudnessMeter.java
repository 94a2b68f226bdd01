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

  /** Added to every sample the K-weighting reads: see {@link #analyze}. */
  static final float ANTI_DENORMAL = 1e-15f;

  /** Samples per chunk of the peak envelope (1.45 ms at 22050 Hz). */
  public static final int CHUNK = 32;

  /**
   * What one pass over the PCM learns: per 100 ms sub-block the K-weighted mean square (at gain 1,
   * full scale = 1.0) and the plain sum of squares; per {@link #CHUNK} samples the largest magnitude
   * and the sum of squares. A normalizer decides its gain and its limiting from these alone.
   */
  public record Analysis(int step, double[] weighted, double[] plain, int[] chunkPeak, float[] chunkEnergy) {
    public int subBlocks() {
      return weighted.length;
    }
  }

  /** Integrated (gated) loudness in LUFS; {@link #SILENCE} when nothing passes the absolute gate. */
  public static double integrated(short[] pcm, int sampleRate) {
    return integrated(analyze(pcm, sampleRate).weighted());
  }

  /** Integrated loudness from sub-block powers (see {@link Analysis#weighted()}). */
  public static double integrated(double[] power) {
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

  /**
   * K-weighting (two biquads, direct form II transposed) and the sums of each sub-block and chunk.
   * The filters run in float, in a loop of their own: under the launcher's C1 the per-sample
   * bookkeeping of peaks and energies beside the recursion cost more than its own integer passes
   * (about 10.5 against 7 ns a sample), and float a further sixth (24 bits are plenty: the
   * loudness agrees with the double-precision filter to a few thousandths of a LU).
   */
  public static Analysis analyze(short[] pcm, int sampleRate) {
    Analysis sums = plain(pcm, sampleRate, null);
    int step = sums.step();
    int count = sums.subBlocks();
    double[] weighted = sums.weighted(); // the plain powers' array, overwritten with the weighted ones
    double[] pre = preFilter(sampleRate);
    double[] rlb = rlbFilter(sampleRate);
    double scale = 1 / 32768.0;
    float pb0 = (float) (pre[0] * scale), pb1 = (float) (pre[1] * scale), pb2 = (float) (pre[2] * scale);
    float pa1 = (float) pre[3], pa2 = (float) pre[4], ra1 = (float) rlb[3], ra2 = (float) rlb[4];
    float p1 = 0, p2 = 0, r1 = 0, r2 = 0;
    for (int b = 0; b < count; b++) {
      float sum = 0;
      for (int i = b * step, end = i + step; i < end; i++) {
        // In silence the filters' state decays into subnormal floats, whose arithmetic the CPU
        // does in microcode: eSpeak NG's pauses made the loop 20 instead of 8 ns a sample (170 in
        // silence after speech). A zero sample is fed as 1e-15 instead: it keeps the state normal
        // (about 1e-20), is lost in the rounding of any other sample (1 is the smallest), and is
        // 300 dB under full scale, so no loudness moves.
        float x = pcm[i] + ANTI_DENORMAL;
        float y = pb0 * x + p1;
        p1 = pb1 * x - pa1 * y + p2;
        p2 = pb2 * x - pa2 * y;
        float k = y + r1; // the RLB high-pass: b = {1, -2, 1}
        r1 = -2 * y - ra1 * k + r2;
        r2 = y - ra2 * k;
        sum += k * k;
      }
      weighted[b] = (double) sum / step;
    }
    return sums;
  }

  /**
   * The largest magnitude of each {@link #CHUNK} samples: all a part whose loudness is already known
   * (its voice's level) needs to be levelled when no peak passes the ceiling. Max and min, no
   * multiplications: about a fifth of {@link #analyze}'s cost under C1.
   */
  public static int[] chunkPeaks(short[] pcm) {
    int chunks = (pcm.length + CHUNK - 1) / CHUNK;
    int[] out = new int[chunks];
    for (int c = 0; c < chunks; c++) {
      int hi = 0, lo = 0;
      for (int i = c * CHUNK, end = Math.min(i + CHUNK, pcm.length); i < end; i++) {
        int v = pcm[i];
        hi = v > hi ? v : hi;
        lo = v < lo ? v : lo;
      }
      out[c] = Math.max(hi, -lo);
    }
    return out;
  }

  /**
   * {@link #analyze} without the K-weighting, for a part that is limited although its loudness is
   * known: {@link Analysis#weighted()} then holds each sub-block's plain mean square, which tells
   * what limiting takes away well enough (a ratio, not a loudness). {@code chunkPeak} null: found
   * in the same pass.
   */
  public static Analysis plain(short[] pcm, int sampleRate, int[] chunkPeak) {
    int step = (int) Math.round(sampleRate * 0.1);
    int count = pcm.length / step;
    double[] plain = new double[count];
    boolean peaks = chunkPeak == null;
    int[] chunkPeaks = peaks ? new int[(pcm.length + CHUNK - 1) / CHUNK] : chunkPeak;
    float[] chunkEnergy = new float[chunkPeaks.length];
    for (int c = 0; c < chunkPeaks.length; c++) {
      int from = c * CHUNK, end = Math.min(from + CHUNK, pcm.length);
      long squares = peaks ? squaresAndPeak(pcm, from, end, chunkPeaks, c) : squares(pcm, from, end);
      chunkEnergy[c] = squares;
      int b = c * CHUNK / step;
      if (b < count) {
        plain[b] += squares;
      }
    }
    double[] power = new double[count];
    double scale = 1.0 / step / (32768.0 * 32768.0);
    for (int b = 0; b < count; b++) {
      power[b] = plain[b] * scale;
    }
    return new Analysis(step, power, plain, chunkPeaks, chunkEnergy);
  }

  /**
   * The sum of squares of pcm[from, end), and its largest magnitude into peaks[c], in the same pass
   * (it costs about half a pass of its own). Four samples a step, the peak taken as the largest
   * square (a compare less than a high and a low, and the square's root is exact): under the
   * launcher's C1, which neither unrolls nor vectorizes, 0.77 instead of 1.08 ns a sample.
   */
  private static long squaresAndPeak(short[] pcm, int from, int end, int[] peaks, int c) {
    long squares = 0;
    int max = 0; // at most 32768 squared = 2^30: an int
    int i = from;
    for (; i + 4 <= end; i += 4) {
      int a = pcm[i], b = pcm[i + 1], d = pcm[i + 2], e = pcm[i + 3];
      int sa = a * a, sb = b * b, sd = d * d, se = e * e;
      squares += (long) sa + sb + sd + se; // two squares may pass an int
      int m1 = sa > sb ? sa : sb, m2 = sd > se ? sd : se;
      int m = m1 > m2 ? m1 : m2;
      max = m > max ? m : max;
    }
    for (; i < end; i++) {
      int s = pcm[i] * pcm[i];
      squares += s;
      max = s > max ? s : max;
    }
    peaks[c] = (int) Math.sqrt(max);
    return squares;
  }

  /** The sum of squares of pcm[from, end). */
  private static long squares(short[] pcm, int from, int end) {
    long squares = 0;
    int i = from;
    for (; i + 4 <= end; i += 4) {
      int a = pcm[i], b = pcm[i + 1], d = pcm[i + 2], e = pcm[i + 3];
      squares += (long) (a * a) + b * b + d * d + e * e;
    }
    for (; i < end; i++) {
      squares += pcm[i] * pcm[i];
    }
    return squares;
  }

  /**
   * The integrated loudness of {@link Analysis#plain()}'s unweighted sub-block sums, gated as
   * {@link #integrated(double[])} gates: what {@link #plain} gives, from a full analysis.
   */
  public static double plainLoudness(Analysis a) {
    double[] power = new double[a.plain().length];
    double scale = 1.0 / a.step() / (32768.0 * 32768.0);
    for (int b = 0; b < power.length; b++) {
      power[b] = a.plain()[b] * scale;
    }
    return integrated(power);
  }

  /** The largest of {@link #chunkPeaks} in dBFS. */
  public static double samplePeak(int[] chunkPeak) {
    int max = 0;
    for (int p : chunkPeak) {
      max = Math.max(max, p);
    }
    return max == 0 ? SILENCE : 20 * Math.log10(max / 32768.0);
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

  /**
   * Largest absolute value of the 4x oversampled signal in dBFS: peaks between samples count.
   * Interpolates only next to samples within 6 dB of the largest: a peak between two samples cannot
   * pass the largest sample by more than that, so the others cannot hold the true peak.
   */
  public static double truePeak(short[] pcm) {
    int sampleMax = sampleMax(pcm);
    double max = Math.max(sampleMax, interpolatedPeak(pcm, 0, pcm.length - 1, sampleMax / 2));
    return max == 0 ? SILENCE : 20 * Math.log10(max / 32768.0);
  }

  /**
   * The true peak of separate stretches (each interpolated on its own, as {@link #truePeak(short[])}
   * of each, the highest): only samples within 6 dB of the highest sample of all are interpolated.
   */
  public static double truePeak(short[][] stretches) {
    int sampleMax = 0;
    for (short[] pcm : stretches) {
      sampleMax = Math.max(sampleMax, sampleMax(pcm));
    }
    double max = sampleMax;
    for (short[] pcm : stretches) {
      max = Math.max(max, interpolatedPeak(pcm, 0, pcm.length - 1, sampleMax / 2));
    }
    return max == 0 ? SILENCE : 20 * Math.log10(max / 32768.0);
  }

  private static int sampleMax(short[] pcm) {
    int max = 0;
    for (short s : pcm) {
      max = Math.max(max, Math.abs(s));
    }
    return max;
  }

  /**
   * {@link #truePeak(short[])} from an {@link Analysis} of the same samples: its chunk peaks say
   * where the samples near the largest are, so only those chunks are read again.
   */
  public static double truePeak(short[] pcm, Analysis a) {
    int[] peaks = a.chunkPeak();
    int sampleMax = 0;
    for (int p : peaks) {
      sampleMax = Math.max(sampleMax, p);
    }
    double max = sampleMax;
    int near = sampleMax / 2;
    for (int c = 0; c < peaks.length; c++) {
      // a pair of samples across a chunk boundary is looked at from the chunk of its first sample
      if (peaks[c] >= near || c + 1 < peaks.length && peaks[c + 1] >= near) {
        max = Math.max(max, interpolatedPeak(pcm, c * CHUNK, Math.min(pcm.length - 1, (c + 1) * CHUNK), near));
      }
    }
    return max == 0 ? SILENCE : 20 * Math.log10(max / 32768.0);
  }

  /** The largest interpolated value between samples n and n + 1, for n from {@code from} to {@code to} - 1, where either is near the peak. */
  private static double interpolatedPeak(short[] pcm, int from, int to, int near) {
    double max = 0;
    int half = TAPS / 2;
    for (int n = from; n < to; n++) {
      if (Math.abs(pcm[n]) < near && Math.abs(pcm[n + 1]) < near) {
        continue;
      }
      int at = n - half + 1;
      max = Math.max(max, at >= 0 && n + half < pcm.length ? between(pcm, at) : nearEdge(pcm, at));
    }
    return max;
  }

  /** {@link #between} where some taps fall outside the samples: those taken as 0. */
  private static double nearEdge(short[] pcm, int at) {
    short[] taps = new short[TAPS];
    for (int t = Math.max(0, -at); t < TAPS && at + t < pcm.length; t++) {
      taps[t] = pcm[at + t];
    }
    return between(taps, 0);
  }

  /**
   * The largest magnitude of the three interpolated values between samples {@code at} + 7 and
   * {@code at} + 8, all 16 taps inside the samples: the three phases in one pass over the taps (under
   * C1, which neither unrolls nor drops bounds checks, a third of the loop's overhead).
   */
  private static double between(short[] pcm, int at) {
    double[] h1 = PHASES[1];
    double[] h2 = PHASES[2];
    double[] h3 = PHASES[3];
    double a1 = 0, a2 = 0, a3 = 0;
    for (int t = 0; t < TAPS; t++) {
      double v = pcm[at + t];
      a1 += h1[t] * v;
      a2 += h2[t] * v;
      a3 += h3[t] * v;
    }
    return Math.max(Math.abs(a1), Math.max(Math.abs(a2), Math.abs(a3)));
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
