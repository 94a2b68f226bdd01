package com.etoaudiobook.bench;

import com.etoaudiobook.audio.LoudnessMeter;
import com.etoaudiobook.audio.LoudnessNormalizer;
import com.etoaudiobook.audio.LoudnessTarget;
import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.audio.Mp3Peaks;
import com.etoaudiobook.audio.Mp3Spectrum;
import com.etoaudiobook.audio.internal.Mp3Decoder;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): a Polly voice's first part, phase by phase (thread CPU), part after part
 * in this fresh JVM (C1 only, as the launcher), with the caches trashed between parts as an engine
 * call does: where a first part's time goes while the code is new, and once it is compiled.
 *
 *   bench/run.sh FirstPartPhases [PARTS]     (default 400; each a first part of a new voice key)
 */
public final class FirstPartPhases {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final String[] PHASES = {"spectrum", "loudness", "loudest", "offsets", "stretches", "decode",
      "truePeak", "whole"};
  private static byte[] trash = new byte[8 << 20];

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    List<byte[]> parts = StubSpeech.probeParts(40, true);
    Mp3Encoder encoder = new Mp3Encoder();
    boolean thrash = !"0".equals(System.getenv("THRASH"));
    long[] sums = new long[PHASES.length];
    int n = 0;
    for (int p = 0; p < count; p++) {
      byte[] mp3 = parts.get(p % parts.size());
      if (thrash) {
        for (int i = 0; i < trash.length; i += 64) {
          trash[i]++;
        }
      }
      long[] t = new long[PHASES.length + 1];
      t[0] = CPU.getCurrentThreadCpuTime();
      Mp3Spectrum s = Mp3Spectrum.read(mp3, 2);
      t[1] = CPU.getCurrentThreadCpuTime();
      s.loudness();
      t[2] = CPU.getCurrentThreadCpuTime();
      int[] few = Arrays.copyOf(s.loudest(24), 6);
      t[3] = CPU.getCurrentThreadCpuTime();
      int[] offsets = Mp3Decoder.frameOffsets(mp3);
      t[4] = CPU.getCurrentThreadCpuTime();
      int[][] st = Mp3Peaks.stretches(few, offsets.length - 1, Mp3Decoder.WARM_UP_FRAMES);
      t[5] = CPU.getCurrentThreadCpuTime();
      short[][] pcm = Mp3Decoder.decodeStretches(mp3, offsets, st[0], st[1]);
      t[6] = CPU.getCurrentThreadCpuTime();
      LoudnessMeter.truePeak(pcm);
      t[7] = CPU.getCurrentThreadCpuTime();
      if (thrash) {
        for (int i = 0; i < trash.length; i += 64) {
          trash[i]++;
        }
      }
      long w0 = CPU.getCurrentThreadCpuTime();
      new LoudnessNormalizer(LoudnessTarget.DEFAULT).normalizeMp3(mp3, encoder, 0, "v" + p);
      t[8] = t[7] + CPU.getCurrentThreadCpuTime() - w0;
      for (int k = 0; k < PHASES.length; k++) {
        sums[k] += t[k + 1] - t[k];
      }
      n++;
      if (p < 12 || p + 1 == 20 || p + 1 == 50 || p + 1 == 100 || p + 1 == 200 || p + 1 == count) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %3d (%d granules, %d stretches):",
            p < 12 ? "part" : "mean to", p + 1, s.granules(), st[0].length));
        for (int k = 0; k < PHASES.length; k++) {
          line.append(String.format(Locale.ROOT, " %s %.3f", PHASES[k],
              (p < 12 ? t[k + 1] - t[k] : sums[k] / (double) n) / 1e6));
        }
        System.out.println(line);
        if (p >= 12) {
          Arrays.fill(sums, 0);
          n = 0;
        }
      }
      if (p == 11) {
        Arrays.fill(sums, 0);
        n = 0;
      }
    }
  }
}
