package com.etoaudiobook.bench;

import com.etoaudiobook.audio.LoudnessMeter;
import com.etoaudiobook.audio.LoudnessNormalizer;
import com.etoaudiobook.audio.LoudnessTarget;
import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.audio.Mp3Frames;
import com.etoaudiobook.audio.Mp3Peaks;
import com.etoaudiobook.audio.Mp3Spectrum;
import com.etoaudiobook.audio.internal.Mp3Decoder;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): what a Polly voice's first part costs to level, phase by phase (CPU):
 * first in this fresh JVM (C1 only, as the launcher and Lambda run: how much is class loading
 * and the interpreter's), then warm; and how far the true peak stands over that of the N
 * loudest granules' stretches (every 2nd granule read), with their cost.
 *
 *   bench/run.sh FirstPartProbe [PARTS_PER_VOICE]     (default 12, over 10 voices)
 */
public final class FirstPartProbe {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    int perVoice = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    List<byte[]> parts = StubSpeech.probeParts(perVoice, false);
    Mp3Encoder encoder = new Mp3Encoder();
    LoudnessNormalizer cold = new LoudnessNormalizer(LoudnessTarget.DEFAULT);
    StringBuilder line = new StringBuilder("a fresh JVM's first parts, each a new voice's (granules: ms):");
    for (int i = 0; i < 10; i++) {
      long c0 = CPU.getCurrentThreadCpuTime();
      cold.normalizeMp3(parts.get(i * perVoice), encoder, 0, "cold" + i);
      line.append(String.format(Locale.ROOT, " %d: %.2f;", Mp3Frames.count(parts.get(i * perVoice)).frames(),
          (CPU.getCurrentThreadCpuTime() - c0) / 1e6));
    }
    System.out.println(line);
    for (int round = 0; round < 3; round++) {
      long spectrum = 0, loudest = 0, peaks = 0, whole = 0, granules = 0;
      for (int i = 0; i < parts.size(); i++) {
        byte[] mp3 = parts.get(i);
        long c0 = CPU.getCurrentThreadCpuTime();
        Mp3Spectrum s = Mp3Spectrum.read(mp3, 2);
        long c1 = CPU.getCurrentThreadCpuTime();
        s.loudness();
        int[] few = s.loudest(6);
        long c2 = CPU.getCurrentThreadCpuTime();
        Mp3Peaks.ofGranules(mp3, few);
        long c3 = CPU.getCurrentThreadCpuTime();
        new LoudnessNormalizer(LoudnessTarget.DEFAULT).normalizeMp3(mp3, encoder, 0, "warm" + i);
        long c4 = CPU.getCurrentThreadCpuTime();
        spectrum += c1 - c0;
        loudest += c2 - c1;
        peaks += c3 - c2;
        whole += c4 - c3;
        granules += s.granules();
      }
      int n = parts.size();
      System.out.printf(Locale.ROOT, "warm, round %d, %d parts of %.0f granules: spectrum (every 2nd granule) %.3f ms,"
              + " loudness and loudest %.3f, peaks of the 6 loudest %.3f; a first part levelled whole %.3f ms%n", round, n,
          granules / (double) n, spectrum / 1e6 / n, loudest / 1e6 / n, peaks / 1e6 / n, whole / 1e6 / n);
    }
    int[] ns = {1, 2, 3, 4, 6};
    List<List<Double>> miss = new ArrayList<>();
    long[] cost = new long[ns.length];
    for (int k = 0; k < ns.length; k++) {
      miss.add(new ArrayList<>());
    }
    for (byte[] mp3 : parts) {
      double truePeak = LoudnessMeter.truePeak(Mp3Decoder.decode(mp3));
      int[] loudest = Mp3Spectrum.read(mp3, 2).loudest(6);
      for (int k = 0; k < ns.length; k++) {
        long c0 = CPU.getCurrentThreadCpuTime();
        double found = Mp3Peaks.ofGranules(mp3, java.util.Arrays.copyOf(loudest, Math.min(ns[k], loudest.length)));
        cost[k] += CPU.getCurrentThreadCpuTime() - c0;
        miss.get(k).add(truePeak - found);
      }
    }
    for (int k = 0; k < ns.length; k++) {
      List<Double> e = miss.get(k);
      e.sort(null);
      System.out.printf(Locale.ROOT, "true peak - peak of the %d loudest granules' stretches: median %.2f dB, 95th percentile"
          + " %.2f, worst %.2f (%.3f ms)%n", ns[k], e.get(e.size() / 2), e.get(e.size() * 19 / 20), e.get(e.size() - 1),
          cost[k] / 1e6 / parts.size());
    }
  }
}
