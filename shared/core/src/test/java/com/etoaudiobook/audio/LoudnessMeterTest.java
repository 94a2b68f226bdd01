package com.etoaudiobook.audio;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The K-weighting's float loop against the same filters in double, and its cost in silence. */
class LoudnessMeterTest {
  private static final int RATE = 22050;

  /** A second of noise, then {@code silentSeconds} of digital silence (eSpeak NG's pauses). */
  private static short[] burstThenSilence(double silentSeconds) {
    short[] pcm = new short[(int) (RATE * (1 + silentSeconds))];
    Random random = new Random(3);
    for (int i = 0; i < RATE; i++) {
      pcm[i] = (short) (random.nextGaussian() * 4000);
    }
    return pcm;
  }

  /** The sub-block powers of the two biquads in double precision, without any guard against subnormals. */
  private static double[] reference(short[] pcm) {
    double[] pre = LoudnessMeter.preFilter(RATE);
    double[] rlb = LoudnessMeter.rlbFilter(RATE);
    int step = (int) Math.round(RATE * 0.1);
    double[] power = new double[pcm.length / step];
    double p1 = 0, p2 = 0, r1 = 0, r2 = 0;
    for (int b = 0; b < power.length; b++) {
      double sum = 0;
      for (int i = b * step; i < (b + 1) * step; i++) {
        double x = pcm[i] / 32768.0;
        double y = pre[0] * x + p1;
        p1 = pre[1] * x - pre[3] * y + p2;
        p2 = pre[2] * x - pre[4] * y;
        double k = y + r1;
        r1 = -2 * y - rlb[3] * k + r2;
        r2 = y - rlb[4] * k;
        sum += k * k;
      }
      power[b] = sum / step;
    }
    return power;
  }

  @Test
  void silenceAfterSpeechMeasuresAsTheDoublePrecisionFiltersDo() {
    short[] pcm = burstThenSilence(5);
    double[] measured = LoudnessMeter.analyze(pcm, RATE).weighted();
    double[] reference = reference(pcm);
    assertEquals(reference.length, measured.length);
    double burst = reference[0];
    for (int b = 0; b < reference.length; b++) {
      // float's precision, relative to the sound: the ringing after it agrees to a part in 1e6 of that
      assertEquals(reference[b], measured[b], 1e-5 * burst, "sub-block " + b);
      if (b > 10) {
        assertTrue(measured[b] < 1e-12 * burst, "sub-block " + b + " in the silence: " + measured[b]);
      }
    }
    assertEquals(LoudnessMeter.integrated(reference), LoudnessMeter.integrated(measured), 0.001);
  }

  /**
   * In silence the filters' state decays into subnormal floats, and arithmetic on those runs in the
   * CPU's microcode: a second of speech then nine of silence cost 20 times as much a sample as
   * noise did. Best of five, so another process taking the core now and then does not count.
   */
  @Test
  void silenceCostsNoMoreThanSound() {
    short[] silent = burstThenSilence(9);
    short[] noise = new short[silent.length];
    Random random = new Random(5);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (short) (random.nextGaussian() * 4000);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long bestSilent = Long.MAX_VALUE, bestNoise = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long t0 = threads.getCurrentThreadCpuTime();
      LoudnessMeter.analyze(noise, RATE);
      long t1 = threads.getCurrentThreadCpuTime();
      LoudnessMeter.analyze(silent, RATE);
      long t2 = threads.getCurrentThreadCpuTime();
      bestNoise = Math.min(bestNoise, t1 - t0);
      bestSilent = Math.min(bestSilent, t2 - t1);
    }
    assertTrue(bestSilent < 3 * bestNoise, "silence " + bestSilent / 1e6 + " ms, noise " + bestNoise / 1e6 + " ms");
  }

  /**
   * The peaks and energies, four samples a step with the peak from the largest square, against a
   * sample-by-sample count: full-scale samples (-32768: two of their squares pass an int), chunks
   * and a part's tail whose lengths are no multiple of four, with and without the peaks given.
   */
  @Test
  void plainSumsAndPeaksAreExactAtFullScaleAndInTails() {
    Random random = new Random(11);
    for (int length : new int[] {0, 1, 3, 31, 33, 2205, 2207, 4 * 2205 + 37}) {
      short[] pcm = new short[length];
      for (int i = 0; i < length; i++) {
        int pick = random.nextInt(8);
        pcm[i] = pick == 0 ? Short.MIN_VALUE : pick == 1 ? Short.MAX_VALUE : (short) (random.nextGaussian() * 9000);
      }
      int chunks = (length + LoudnessMeter.CHUNK - 1) / LoudnessMeter.CHUNK;
      int[] peaks = new int[chunks];
      long[] squares = new long[chunks];
      for (int i = 0; i < length; i++) {
        int c = i / LoudnessMeter.CHUNK;
        peaks[c] = Math.max(peaks[c], Math.abs(pcm[i]));
        squares[c] += (long) pcm[i] * pcm[i];
      }
      LoudnessMeter.Analysis found = LoudnessMeter.plain(pcm, RATE, null);
      LoudnessMeter.Analysis given = LoudnessMeter.plain(pcm, RATE, peaks.clone());
      assertEquals(java.util.Arrays.toString(peaks), java.util.Arrays.toString(found.chunkPeak()), "length " + length);
      for (int c = 0; c < chunks; c++) {
        assertEquals((float) squares[c], found.chunkEnergy()[c], "length " + length + ", chunk " + c);
        assertEquals((float) squares[c], given.chunkEnergy()[c], "length " + length + ", chunk " + c + ", peaks given");
      }
      // a chunk counts in the sub-block it starts in
      long[] blocks = new long[found.subBlocks()];
      for (int c = 0; c < chunks; c++) {
        int b = c * LoudnessMeter.CHUNK / found.step();
        if (b < blocks.length) {
          blocks[b] += squares[c];
        }
      }
      for (int b = 0; b < blocks.length; b++) {
        assertEquals(blocks[b], found.plain()[b], "length " + length + ", sub-block " + b);
        assertEquals(found.plain()[b], given.plain()[b]);
      }
    }
  }
}
