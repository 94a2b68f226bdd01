package com.etoaudiobook.bench;

import com.etoaudiobook.audio.LoudnessMeter;
import com.etoaudiobook.audio.Mp3Spectrum;
import com.etoaudiobook.audio.internal.Mp3Decoder;
import com.etoaudiobook.aws.testing.FakePolly;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): the loudness of the Polly stub's short parts (a sentence or two, 2 to 6 s)
 * read from every k-th granule's spectrum, against the decoded samples', and what a read costs; how
 * far such a part stands from its voice's level. With LOOP=1, also the CPU of a read of every 4th
 * granule, 6,000 times over, for comparing readers.
 *
 *   bench/run.sh ShortPartProbe
 */
public final class ShortPartProbe {
  public static void main(String[] args) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    List<String> voices = FakePolly.LIBRARY.stream().map(v -> (String) v.get("Id")).limit(10).toList();
    StubSpeech speech = new StubSpeech().prepare(voices);
    int[] strides = {1, 2, 3, 4, 6};
    double[][] sq = new double[strides.length][2];
    double[][] worst = new double[strides.length][1];
    long[] ns = new long[strides.length];
    int n = 0;
    double seconds = 0;
    java.util.Map<String, Double> voiceMean = new java.util.HashMap<>();
    double devSq = 0;
    for (int round = 0; round < 2; round++) {
      for (String voice : voices) {
        for (int i = 0; i < 30; i++) {
          String text = "x".repeat(20 + (i * 7) % 70) + i + voice;
          byte[] mp3 = speech.speak(voice, "neural", text);
          double decoded = LoudnessMeter.integrated(Mp3Decoder.decode(mp3), 22050);
          if (round == 0) {
            for (int k = 0; k < strides.length; k++) {
              Mp3Spectrum.read(mp3, strides[k]).loudness();
            }
            continue;
          }
          n++;
          seconds += Mp3Decoder.decode(mp3).length / 22050.0;
          double dev = decoded - speech.level(voice);
          devSq += dev * dev;
          for (int k = 0; k < strides.length; k++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            double l = Mp3Spectrum.read(mp3, strides[k]).loudness();
            ns[k] += cpu.getCurrentThreadCpuTime() - c0;
            double e = l - decoded;
            sq[k][0] += e * e;
            worst[k][0] = Math.max(worst[k][0], Math.abs(e));
          }
        }
      }
    }
    if (System.getenv("LOOP") != null) {
      long c0 = cpu.getCurrentThreadCpuTime();
      int reps = 0;
      for (String voice : voices) {
        for (int i = 0; i < 30; i++) {
          byte[] mp3 = speech.speak(voice, "neural", "x".repeat(20 + (i * 7) % 70) + i + voice);
          for (int r = 0; r < 20; r++) {
            Mp3Spectrum.read(mp3, 4).loudness();
            reps++;
          }
        }
      }
      System.out.printf(Locale.ROOT, "loop: %.3f ms a read%n", (cpu.getCurrentThreadCpuTime() - c0) / 1e6 / reps);
    }
    System.out.printf(Locale.ROOT, "%d parts, %.2f s avg; part - voice level sd %.2f LU%n", n, seconds / n, Math.sqrt(devSq / n));
    for (int k = 0; k < strides.length; k++) {
      System.out.printf(Locale.ROOT, "every %d: rms %.3f LU, worst %.3f, %.3f ms a part%n", strides[k],
          Math.sqrt(sq[k][0] / n), worst[k][0], ns[k] / 1e6 / n);
    }
  }
}
