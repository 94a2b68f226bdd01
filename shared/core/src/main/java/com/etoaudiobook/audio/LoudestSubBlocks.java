package com.etoaudiobook.audio;

import java.util.Arrays;

/** A part's K-weighted loudness read from its loudest sub-blocks: a voice's first part, at a fraction of the meter's cost. */
public final class LoudestSubBlocks {
  private LoudestSubBlocks() {
  }

  /** Milliseconds the K-filters run before a sub-block {@link #analyze} weighs: their responses' decay. */
  private static final int WARM_UP_MS = 20;

  /**
   * {@link LoudnessMeter#analyze} with the K-filters run over the loudest {@code share} of the 100 ms sub-blocks
   * only (by plain energy, each after 20 ms of warm-up): their K-weighted energy over their plain
   * energy, taken as every sub-block's, scales the plain powers alike, so the gates pass the same
   * sub-blocks and the loudness is the plain loudness plus that ratio. The gated loudness is an
   * energy-weighted mean, so the loudest sub-blocks say most of it. eSpeak NG, 10 voices, 120 parts
   * of 3 to 17 s, against {@link LoudnessMeter#analyze}: the loudest half 0.053 LU rms (0.16 at worst), third 0.063
   * (0.22) for half the filters' cost, quarter 0.082 (0.26); every 2nd sub-block instead 0.081 (0.31)
   * for two thirds. {@link LoudnessMeter#analyze} where the sub-blocks read hold no energy.
   */
  public static LoudnessMeter.Analysis analyze(short[] pcm, int sampleRate, double share) {
    LoudnessMeter.Analysis sums = LoudnessMeter.plain(pcm, sampleRate, null);
    int count = sums.subBlocks();
    if (count == 0) {
      return LoudnessMeter.analyze(pcm, sampleRate);
    }
    int step = sums.step();
    double[] sorted = sums.plain().clone();
    Arrays.sort(sorted);
    double least = sorted[Math.max(0, count - (int) Math.ceil(count * share))];
    double[] pre = LoudnessMeter.preFilter(sampleRate);
    double[] rlb = LoudnessMeter.rlbFilter(sampleRate);
    float pb0 = (float) pre[0], pb1 = (float) pre[1], pb2 = (float) pre[2];
    float pa1 = (float) pre[3], pa2 = (float) pre[4], ra1 = (float) rlb[3], ra2 = (float) rlb[4];
    int warmUp = sampleRate * WARM_UP_MS / 1000;
    double weighted = 0, plain = 0;
    for (int b = 0; b < count; b++) {
      if (sums.plain()[b] < least) {
        continue;
      }
      float p1 = 0, p2 = 0, r1 = 0, r2 = 0;
      int from = b * step;
      // the same filters twice, the warm-up's energy not summed: no per-sample test in the loop that counts
      for (int i = Math.max(0, from - warmUp); i < from; i++) {
        float x = pcm[i] + LoudnessMeter.ANTI_DENORMAL;
        float y = pb0 * x + p1;
        p1 = pb1 * x - pa1 * y + p2;
        p2 = pb2 * x - pa2 * y;
        float k = y + r1;
        r1 = -2 * y - ra1 * k + r2;
        r2 = y - ra2 * k;
      }
      float sum = 0;
      for (int i = from, end = from + step; i < end; i++) {
        float x = pcm[i] + LoudnessMeter.ANTI_DENORMAL;
        float y = pb0 * x + p1;
        p1 = pb1 * x - pa1 * y + p2;
        p2 = pb2 * x - pa2 * y;
        float k = y + r1;
        r1 = -2 * y - ra1 * k + r2;
        r2 = y - ra2 * k;
        sum += k * k;
      }
      weighted += sum;
      plain += sums.plain()[b];
    }
    if (!(plain > 0 && weighted > 0)) {
      return LoudnessMeter.analyze(pcm, sampleRate);
    }
    double ratio = weighted / plain;
    double[] power = sums.weighted(); // the plain powers, scaled
    for (int b = 0; b < power.length; b++) {
      power[b] *= ratio;
    }
    return sums;
  }
}
