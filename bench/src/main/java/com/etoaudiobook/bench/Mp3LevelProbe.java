package com.etoaudiobook.bench;

import com.etoaudiobook.audio.LoudnessMeter;
import com.etoaudiobook.audio.Mp3Gain;
import com.etoaudiobook.audio.internal.Mp3Decoder;
import com.etoaudiobook.aws.testing.FakePolly;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): whether a part of Polly's MP3 can be measured from some of its frames
 * instead of all of them (decoding is most of what measuring costs). Over the Polly stub's voices
 * and parts of 60 to 300 characters, against every frame decoded: the loudness of stretches of
 * {@value #STRETCH} frames spread over the part (each decoded alone, {@link Mp3Decoder#WARM_UP_FRAMES}
 * frames earlier for the bit reservoir), a quarter, half and three quarters of them, also moved by
 * what the side info (global gain) says of the frames left out; where the peak lies against the
 * frames' global gain; and the peak of the frames the side info says are loudest.
 *
 *   bench/run.sh Mp3LevelProbe [PARTS_PER_VOICE]      (default 20, over 10 voices)
 */
public final class Mp3LevelProbe {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  /** 23 frames of 576 samples are 6.0 sub-blocks of 100 ms at 22050 Hz. */
  private static final int STRETCH = 23;
  private static final double[] SHARES = {0.25, 0.5, 0.75};

  public static void main(String[] args) {
    int perVoice = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<String> voices = FakePolly.LIBRARY.stream().map(v -> (String) v.get("Id")).limit(10).toList();
    StubSpeech speech = new StubSpeech().prepare(voices);
    String[] lines = PollyQuotaBench.script(perVoice + 1, "probe").split("\n\n");
    List<List<Double>> errors = new ArrayList<>(), moved = new ArrayList<>();
    for (int i = 0; i < SHARES.length; i++) {
      errors.add(new ArrayList<>());
      moved.add(new ArrayList<>());
    }
    long[] sampledNs = new long[SHARES.length];
    List<Double> peakBelow = new ArrayList<>(), loudestMiss = new ArrayList<>();
    long wholeNs = 0;
    double seconds = 0;
    for (int round = 0; round < 2; round++) {
      for (String voice : voices) {
        for (int i = 1; i <= perVoice; i++) {
          byte[] mp3 = speech.speak(voice, "neural", lines[i] + voice);
          long t0 = CPU.getCurrentThreadCpuTime();
          short[] pcm = Mp3Decoder.decode(mp3);
          LoudnessMeter.Analysis a = LoudnessMeter.analyze(pcm, 22050);
          double lufs = LoudnessMeter.integrated(a.weighted());
          double peak = LoudnessMeter.truePeak(pcm, a);
          long t1 = CPU.getCurrentThreadCpuTime();
          int[] offsets = Mp3Decoder.frameOffsets(mp3);
          double[] weights = Mp3Gain.frameWeights(mp3);
          for (int s = 0; s < SHARES.length; s++) {
            long s0 = CPU.getCurrentThreadCpuTime();
            double[] estimate = sampled(mp3, offsets, weights, SHARES[s]);
            sampledNs[s] += round == 0 ? 0 : CPU.getCurrentThreadCpuTime() - s0;
            errors.get(s).add(estimate[0] - lufs);
            moved.get(s).add(estimate[1] - lufs);
          }
          if (round == 0) {
            errors.forEach(List::clear);
            moved.forEach(List::clear);
            continue; // JIT warm-up
          }
          wholeNs += t1 - t0;
          seconds += pcm.length / 22050.0;
          peakBelow.add(peakBelowLoudest(pcm, weights));
          loudestMiss.add(peak - loudestPeak(mp3, offsets, weights, 3));
        }
      }
    }
    int parts = peakBelow.size();
    System.out.printf(Locale.ROOT, "%d parts, %.1f s of audio; decoding and measuring every frame %.2f ms a part"
        + " (%.2f ms per audio second)%n", parts, seconds, wholeNs / 1e6 / parts, wholeNs / 1e6 / seconds);
    for (int s = 0; s < SHARES.length; s++) {
      System.out.printf(Locale.ROOT, "%2.0f %% of the stretches: %.2f x the CPU; loudness - whole: %s; moved by the side"
          + " info: %s%n", 100 * SHARES[s], (double) sampledNs[s] / wholeNs, stats(errors.get(s)), stats(moved.get(s)));
    }
    System.out.println("the peak's frame (or a neighbour) under the part's loudest by global gain, in steps: "
        + stats(peakBelow));
    System.out.println("true peak - peak of the 3 loudest frames by global gain (and their neighbours), dB: "
        + stats(loudestMiss));
  }

  /**
   * Loudness from {@code share} of the part's stretches, spread over it (halves, quarters, eighths:
   * van der Corput order); and that moved by the global gain of the frames left out.
   */
  static double[] sampled(byte[] mp3, int[] offsets, double[] weights, double share) {
    int n = offsets.length - 1;
    int stretches = Math.max(1, n / STRETCH);
    int wanted = Math.max(1, (int) Math.round(share * stretches));
    boolean[] taken = new boolean[stretches];
    double gate = Arrays.stream(weights).average().orElse(0) * 0.1;
    double all = 0, seen = 0;
    int allCount = 0, seenCount = 0;
    for (double w : weights) {
      if (w > gate) {
        all += w;
        allCount++;
      }
    }
    double[] powers = new double[0];
    for (int k = 0, got = 0, end = Integer.highestOneBit(stretches) * 2; k < end && got < wanted; k++) {
      int s = (int) ((Integer.reverse(k) & 0xFFFFFFFFL) / 4294967296.0 * stretches);
      if (taken[s]) {
        continue;
      }
      taken[s] = true;
      got++;
      int from = s * STRETCH, to = s == stretches - 1 ? n : from + STRETCH;
      double[] more = LoudnessMeter.analyze(Mp3Decoder.decodeRange(mp3, offsets, from, to, Mp3Decoder.WARM_UP_FRAMES),
          22050).weighted();
      powers = Arrays.copyOf(powers, powers.length + more.length);
      System.arraycopy(more, 0, powers, powers.length - more.length, more.length);
      for (int f = from; f < to; f++) {
        if (weights[f] > gate) {
          seen += weights[f];
          seenCount++;
        }
      }
    }
    double lufs = LoudnessMeter.integrated(powers);
    return new double[] {lufs, seenCount == 0 ? lufs : lufs + 10 * Math.log10(all / allCount / (seen / seenCount))};
  }

  /** How many global gain steps the frame of the highest sample (or a neighbour) is under the part's loudest frame. */
  static double peakBelowLoudest(short[] pcm, double[] weights) {
    int at = 0;
    for (int i = 0; i < pcm.length; i++) {
      at = Math.abs(pcm[i]) > Math.abs(pcm[at]) ? i : at;
    }
    int frame = Math.min(weights.length - 1, at / 576);
    double near = 0;
    for (int f = Math.max(0, frame - 1); f <= Math.min(weights.length - 1, frame + 1); f++) {
      near = Math.max(near, weights[f]);
    }
    return 2 * Math.log(Arrays.stream(weights).max().orElse(0) / near) / Math.log(2);
  }

  /** The true peak of the {@code count} frames with the highest global gain, each with its neighbours. */
  static double loudestPeak(byte[] mp3, int[] offsets, double[] weights, int count) {
    Integer[] order = new Integer[weights.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (x, y) -> Double.compare(weights[y], weights[x]));
    double peak = LoudnessMeter.SILENCE;
    for (int i = 0; i < count && i < order.length; i++) {
      int from = Math.max(0, order[i] - 1), to = Math.min(weights.length, order[i] + 2);
      peak = Math.max(peak, LoudnessMeter.truePeak(Mp3Decoder.decodeRange(mp3, offsets, from, to, Mp3Decoder.WARM_UP_FRAMES)));
    }
    return peak;
  }

  private static String stats(List<Double> v) {
    List<Double> e = new ArrayList<>(v);
    e.sort(null);
    double mean = e.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double sd = Math.sqrt(e.stream().mapToDouble(x -> (x - mean) * (x - mean)).average().orElse(0));
    return String.format(Locale.ROOT, "mean %.2f, sd %.2f, 5th %.2f, 95th %.2f, worst %.2f / %.2f", mean, sd,
        e.get(e.size() / 20), e.get(e.size() * 19 / 20), e.get(0), e.get(e.size() - 1));
  }
}
