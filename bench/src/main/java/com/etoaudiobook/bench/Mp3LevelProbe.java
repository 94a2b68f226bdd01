package com.etoaudiobook.bench;

import com.etoaudiobook.audio.Mp3Gain;
import com.etoaudiobook.audio.Mp3Level;
import com.etoaudiobook.audio.internal.Mp3Decoder;
import com.etoaudiobook.aws.testing.FakePolly;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): a part's loudness and true peak from stretches of its frames
 * ({@link Mp3Level#sampled}) against every frame decoded ({@link Mp3Level#whole}), over the Polly
 * stub's voices and parts of 60 to 300 characters; and the peak from the loudest frames alone.
 *
 *   bench/run.sh Mp3LevelProbe [PARTS_PER_VOICE]
 */
public final class Mp3LevelProbe {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    int perVoice = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    List<String> voices = FakePolly.LIBRARY.stream().map(v -> (String) v.get("Id")).limit(10).toList();
    StubSpeech speech = new StubSpeech().prepare(voices);
    String[] lines = PollyQuotaBench.script(perVoice * 2, "probe").split("\n\n");
    List<Double> loud = new ArrayList<>(), peakMiss = new ArrayList<>(), probeMiss = new ArrayList<>();
    java.util.Map<String, List<Double>> crest = new java.util.TreeMap<>(), level = new java.util.TreeMap<>();
    List<Double> peakBelow = new ArrayList<>();
    double[] share = new double[8];
    long wholeNs = 0, sampledNs = 0, probeNs = 0;
    double seconds = 0, decoded = 0;
    for (int round = 0; round < 2; round++) {
      for (String voice : voices) {
        for (int i = 1; i <= perVoice; i++) {
          byte[] mp3 = speech.speak(voice, "neural", lines[i] + voice);
          if (round == 1) {
            // where the peak is: its frame's weight against the part's loudest, in global_gain steps
            double[] wts = Mp3Gain.frameWeights(mp3);
            short[] pcm = Mp3Decoder.decode(mp3);
            double maxW = 0;
            for (double x : wts) {
              maxW = Math.max(maxW, x);
            }
            int peakFrame = 0, most = 0;
            for (int k = 0; k < pcm.length; k++) {
              if (Math.abs(pcm[k]) > most) {
                most = Math.abs(pcm[k]);
                peakFrame = k / 576;
              }
            }
            // the loudest of the frame and its neighbours (the synthesis spreads a frame over the next)
            double near = 0;
            for (int k = Math.max(0, peakFrame - 1); k <= Math.min(wts.length - 1, peakFrame + 1); k++) {
              near = Math.max(near, wts[k]);
            }
            double below = 2 * Math.log(maxW / near) / Math.log(2);
            peakBelow.add(below);
            for (int d = 0; d < 8; d++) {
              int c = 0;
              for (double x : wts) {
                c += 2 * Math.log(maxW / Math.max(x, 1e-300)) / Math.log(2) <= d ? 1 : 0;
              }
              share[d] += c / (double) wts.length;
            }
          }
          long t0 = CPU.getCurrentThreadCpuTime();
          Mp3Level.Measured w = Mp3Level.whole(mp3);
          long t1 = CPU.getCurrentThreadCpuTime();
          Mp3Level.Measured s = Mp3Level.sampled(mp3);
          long t2 = CPU.getCurrentThreadCpuTime();
          double p = Mp3Level.peak(mp3, Mp3Decoder.frameOffsets(mp3), Mp3Gain.frameWeights(mp3));
          long t3 = CPU.getCurrentThreadCpuTime();
          if (round == 0) {
            continue; // JIT warm-up
          }
          wholeNs += t1 - t0;
          sampledNs += t2 - t1;
          probeNs += t3 - t2;
          seconds += w.seconds();
          decoded += s.decodedSeconds();
          loud.add(s.lufs() - w.lufs());
          peakMiss.add(w.truePeak() - s.truePeak());
          probeMiss.add(w.truePeak() - p);
          crest.computeIfAbsent(voice, k -> new ArrayList<>()).add(w.truePeak() - w.lufs());
          level.computeIfAbsent(voice, k -> new ArrayList<>()).add(w.lufs());
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d parts, %.1f s of audio; decoded by stretches %.1f s (%.0f %%)%n", loud.size(), seconds,
        decoded, 100 * decoded / seconds);
    System.out.printf(Locale.ROOT, "CPU per part: whole %.3f ms, stretches %.3f ms (%.2f x), loudest-frames peak %.3f ms%n",
        wholeNs / 1e6 / loud.size(), sampledNs / 1e6 / loud.size(), (double) sampledNs / wholeNs, probeNs / 1e6 / loud.size());
    System.out.println("loudness, stretches - whole (LU): " + stats(loud, false));
    System.out.println("true peak, whole - stretches (dB; > 0 missed): " + stats(peakMiss, false));
    crest.forEach((v, c) -> System.out.println(v + ": loudness " + stats(level.get(v), false) + "; crest " + stats(c, false)));
    System.out.println("peak's frame (or a neighbour) below the loudest frame, global_gain steps: " + stats(peakBelow, false));
    for (int d = 0; d < 8; d++) {
      System.out.printf(Locale.ROOT, "  frames within %d steps of the loudest: %.1f %%%n", d, 100 * share[d] / peakBelow.size());
    }
    System.out.println("true peak, whole - loudest frames (dB; > 0 missed): " + stats(probeMiss, false));
  }

  private static String stats(List<Double> v, boolean abs) {
    List<Double> e = new ArrayList<>(v);
    e.sort(null);
    double mean = e.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double sd = Math.sqrt(e.stream().mapToDouble(x -> (x - mean) * (x - mean)).average().orElse(0));
    return String.format(Locale.ROOT, "mean %.3f sd %.3f min %.2f 5th %.2f median %.2f 95th %.2f max %.2f", mean, sd,
        e.get(0), e.get(e.size() / 20), e.get(e.size() / 2), e.get(e.size() * 19 / 20), e.get(e.size() - 1));
  }
}
