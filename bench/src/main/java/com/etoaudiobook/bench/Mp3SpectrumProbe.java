package com.etoaudiobook.bench;

import com.etoaudiobook.audio.LoudnessMeter;
import com.etoaudiobook.audio.Mp3Peaks;
import com.etoaudiobook.audio.Mp3Spectrum;
import com.etoaudiobook.audio.internal.Mp3Decoder;
import com.etoaudiobook.aws.testing.FakePolly;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): what measuring a part of the Polly stub's MP3 costs, way by way, and how
 * far the loudness read from its spectrum ({@link Mp3Spectrum}) is from the decoded samples'.
 *
 *   bench/run.sh Mp3SpectrumProbe [PARTS_PER_VOICE]      (default 20, over 10 voices)
 */
public final class Mp3SpectrumProbe {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    int perVoice = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<String> voices = FakePolly.LIBRARY.stream().map(v -> (String) v.get("Id")).limit(10).toList();
    StubSpeech speech = new StubSpeech().prepare(voices);
    String[] lines = PollyQuotaBench.script(perVoice + 1, "probe").split("\n\n");
    // a worker's first measured parts, before the JIT has compiled the reader (C1 only, as in Lambda)
    StringBuilder cold = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      byte[] mp3 = speech.speak(voices.get(i % voices.size()), "neural", lines[1 + i % (lines.length - 1)] + "cold" + i);
      long c0 = CPU.getCurrentThreadCpuTime();
      Mp3Spectrum s = Mp3Spectrum.read(mp3, 2);
      s.loudness();
      long c1 = CPU.getCurrentThreadCpuTime();
      Mp3Peaks.ofGranules(mp3, s.loudest(8));
      long c2 = CPU.getCurrentThreadCpuTime();
      cold.append(String.format(Locale.ROOT, " %d: %.2f + %.2f ms;", s.granules(), (c1 - c0) / 1e6, (c2 - c1) / 1e6));
    }
    System.out.println("cold, granules: spectrum (every 2nd) + peaks:" + cold);
    long decode = 0, meter = 0, peak = 0, spectrum = 0;
    double seconds = 0;
    List<Double> errors = new ArrayList<>();
    List<List<Double>> miss = new ArrayList<>();
    for (int k = 0; k < K.length; k++) {
      miss.add(new ArrayList<>());
    }
    long[] candidateNs = new long[K.length];
    List<List<Double>> sampledErrors = new ArrayList<>();
    long[] sampledNs = new long[STRIDES.length];
    for (int k = 0; k < STRIDES.length; k++) {
      sampledErrors.add(new ArrayList<>());
    }
    List<List<Double>> sampledMiss = new ArrayList<>();
    long[] sampledMissNs = new long[PEAK_WAYS.length];
    for (int k = 0; k < PEAK_WAYS.length; k++) {
      sampledMiss.add(new ArrayList<>());
    }
    long granules = 0;
    for (int round = 0; round < 2; round++) {
      for (String voice : voices) {
        for (int i = 1; i <= perVoice; i++) {
          byte[] mp3 = speech.speak(voice, "neural", lines[i] + voice);
          long t0 = CPU.getCurrentThreadCpuTime();
          short[] pcm = Mp3Decoder.decode(mp3);
          long t1 = CPU.getCurrentThreadCpuTime();
          LoudnessMeter.Analysis a = LoudnessMeter.analyze(pcm, 22050);
          double lufs = LoudnessMeter.integrated(a.weighted());
          long t2 = CPU.getCurrentThreadCpuTime();
          LoudnessMeter.truePeak(pcm, a);
          long t3 = CPU.getCurrentThreadCpuTime();
          Mp3Spectrum s = Mp3Spectrum.read(mp3);
          double fromSpectrum = s.loudness();
          long t4 = CPU.getCurrentThreadCpuTime();
          if (round == 0) {
            continue; // JIT warm-up
          }
          decode += t1 - t0;
          meter += t2 - t1;
          peak += t3 - t2;
          spectrum += t4 - t3;
          seconds += pcm.length / 22050.0;
          errors.add(fromSpectrum - lufs);
          double truePeak = LoudnessMeter.truePeak(pcm, a);
          granules += s.granules();
          for (int k = 0; k < STRIDES.length; k++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            double sampled = Mp3Spectrum.read(mp3, STRIDES[k]).loudness();
            sampledNs[k] += CPU.getCurrentThreadCpuTime() - c0;
            sampledErrors.get(k).add(sampled - lufs);
          }
          for (int k = 0; k < PEAK_WAYS.length; k++) {
            Mp3Spectrum sampled = Mp3Spectrum.read(mp3, PEAK_WAYS[k][0]);
            long c0 = CPU.getCurrentThreadCpuTime();
            double found = Mp3Peaks.ofGranules(mp3, sampled.loudest(PEAK_WAYS[k][1]), PEAK_WAYS[k][2]);
            sampledMissNs[k] += CPU.getCurrentThreadCpuTime() - c0;
            sampledMiss.get(k).add(truePeak - found);
          }
          int[] offsets = Mp3Decoder.frameOffsets(mp3);
          for (int k = 0; k < K.length; k++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            double found = candidates(mp3, offsets, s.loudest(K[k]));
            candidateNs[k] += CPU.getCurrentThreadCpuTime() - c0;
            miss.get(k).add(truePeak - found);
          }
        }
      }
    }
    int parts = errors.size();
    System.out.printf(Locale.ROOT, "%d parts, %.1f s of audio (%.2f s a part); per part: decode (%s) %.3f ms, K-weighted"
            + " meter %.3f ms, true peak %.3f ms; spectrum and its loudness %.3f ms%n", parts, seconds, seconds / parts,
        Mp3Decoder.isNative() ? "libmp3lame" : "jump3r", decode / 1e6 / parts, meter / 1e6 / parts, peak / 1e6 / parts,
        spectrum / 1e6 / parts);
    System.out.println("loudness from the spectrum - decoded: " + stats(errors));
    for (int k = 0; k < K.length; k++) {
      System.out.printf(Locale.ROOT, "true peak - peak of the %d loudest granules' frames, decoded stretch by stretch"
          + " (%.3f ms): %s%n", K[k], candidateNs[k] / 1e6 / parts, stats(miss.get(k)));
    }
    System.out.printf(Locale.ROOT, "%.0f granules a part on average%n", granules / (double) parts);
    for (int k = 0; k < STRIDES.length; k++) {
      System.out.printf(Locale.ROOT, "loudness from every %d%s granule's spectrum - decoded (%.3f ms): %s%n", STRIDES[k],
          STRIDES[k] == 1 ? "st" : STRIDES[k] == 2 ? "nd" : STRIDES[k] == 3 ? "rd" : "th", sampledNs[k] / 1e6 / parts,
          stats(sampledErrors.get(k)));
    }
    for (int k = 0; k < PEAK_WAYS.length; k++) {
      System.out.printf(Locale.ROOT, "true peak - peak of the %d loudest of every %d granules, decoded after %d frames"
          + " (%.3f ms): %s%n", PEAK_WAYS[k][1], PEAK_WAYS[k][0], PEAK_WAYS[k][2], sampledMissNs[k] / 1e6 / parts,
          stats(sampledMiss.get(k)));
    }
  }

  private static final int[] STRIDES = {1, 2, 3, 4, 6, 8, 12};
  /** {stride, loudest granules, warm-up frames}. */
  private static final int[][] PEAK_WAYS = {{1, 8, 4}, {1, 8, 3}, {2, 8, 4}, {3, 8, 4}, {4, 8, 4}, {2, 6, 4}, {2, 24, 4},
      {3, 24, 4}};

  private static final int[] K = {4, 8, 16, 32};

  /** The true peak of the frames the given granules come out in (a granule's samples: 576 later, over two frames). */
  static double candidates(byte[] mp3, int[] offsets, int[] granules) {
    int frames = offsets.length - 1;
    int[] sorted = granules.clone();
    java.util.Arrays.sort(sorted);
    double peak = LoudnessMeter.SILENCE;
    for (int i = 0; i < sorted.length; ) {
      int from = Math.min(frames - 1, sorted[i] + 1), to = Math.min(frames, sorted[i] + 3);
      while (++i < sorted.length && sorted[i] + 1 <= to + Mp3Decoder.WARM_UP_FRAMES) {
        to = Math.min(frames, sorted[i] + 3); // near enough: one stretch, not two warm-ups
      }
      peak = Math.max(peak, LoudnessMeter.truePeak(Mp3Decoder.decodeRange(mp3, offsets, from, to, Mp3Decoder.WARM_UP_FRAMES)));
    }
    return peak;
  }

  private static String stats(List<Double> v) {
    List<Double> e = new ArrayList<>(v);
    e.sort(null);
    double mean = e.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double sd = Math.sqrt(e.stream().mapToDouble(x -> (x - mean) * (x - mean)).average().orElse(0));
    return String.format(Locale.ROOT, "mean %.3f, sd %.3f, 5th %.3f, median %.3f, 95th %.3f, worst %.3f / %.3f", mean,
        sd, e.get(e.size() / 20), e.get(e.size() / 2), e.get(e.size() * 19 / 20), e.get(0), e.get(e.size() - 1));
  }
}
