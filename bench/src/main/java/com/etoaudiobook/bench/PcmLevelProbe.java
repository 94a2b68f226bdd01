package com.etoaudiobook.bench;

import com.etoaudiobook.audio.LoudestSubBlocks;
import com.etoaudiobook.audio.LoudnessMeter;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.engine.espeak.EspeakEngine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): eSpeak NG parts' loudness measured the cheaper ways a voice's parts are,
 * against the K-weighted meter: the plain pass plus the K-weighting (K-weighted minus plain
 * loudness) of the voice's first part, and the K-filters over the loudest share of the sub-blocks
 * only ({@link LoudestSubBlocks#analyze}); with each way's CPU per sample.
 *
 *   bench/run.sh PcmLevelProbe
 */
public final class PcmLevelProbe {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    String[] lines = PollyQuotaBench.script(14, "probe").split("\n\n");
    List<String> texts = new ArrayList<>(List.of(lines).subList(1, lines.length));
    texts.addAll(List.of("Who goes there? she asked, holding the lamp high above her head, and the wind took her words away.",
        "Sssh! Hush now, the children are sleeping, she whispered through the crack of the door.",
        "Seventeen thousand, four hundred and six, said the clerk, and shut the book."));
    List<String> voices = List.of("en-gb-x-rp", "en+m1", "en+f1", "en+f2", "en+f3", "en+m3", "en-us", "en-us+f3", "en+f4", "en+m7");
    EspeakEngine engine = EspeakEngine.instance();
    double[] everies = {1, 0.5, 1 / 3.0, 0.25, 0.2};
    List<List<Double>> sampled = new ArrayList<>();
    List<Double> weighted = new ArrayList<>();
    long[] cost = new long[everies.length];
    long full = 0, plainNs = 0, samples = 0;
    for (int k = 0; k < everies.length; k++) {
      sampled.add(new ArrayList<>());
    }
    for (int round = 0; round < 2; round++) { // the first round warms the JIT up
      for (String voice : voices) {
        double weighting = Double.NaN;
        for (String text : texts) {
          short[] pcm = engine.synthesize(new SpeechRequest(text, voice, null, 1.0, 0)).pcm();
          long t0 = CPU.getCurrentThreadCpuTime();
          LoudnessMeter.Analysis a = LoudnessMeter.analyze(pcm, 22050);
          double exact = LoudnessMeter.integrated(a.weighted());
          long t1 = CPU.getCurrentThreadCpuTime();
          double plain = LoudnessMeter.integrated(LoudnessMeter.plain(pcm, 22050, null).weighted());
          long t2 = CPU.getCurrentThreadCpuTime();
          for (int k = 0; k < everies.length; k++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            double est = LoudnessMeter.integrated(LoudestSubBlocks.analyze(pcm, 22050, everies[k]).weighted());
            long c1 = CPU.getCurrentThreadCpuTime();
            if (round == 1) {
              cost[k] += c1 - c0;
              sampled.get(k).add(est - exact);
            }
          }
          if (round == 1) {
            full += t1 - t0;
            plainNs += t2 - t1;
            samples += pcm.length;
            if (Double.isNaN(weighting)) {
              weighting = exact - LoudnessMeter.plainLoudness(a); // the voice's first part
            } else {
              weighted.add(plain + weighting - exact);
            }
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d parts of %d voices; the K-weighted meter %.2f ns a sample, the plain pass %.2f%n",
        sampled.get(0).size(), voices.size(), full / (double) samples, plainNs / (double) samples);
    System.out.println("plain pass + the voice's first part's K-weighting - meter: " + stats(weighted));
    for (int k = 0; k < everies.length; k++) {
      System.out.printf(Locale.ROOT, "K-filters over the loudest %.2f of the sub-blocks - meter (%.2f ns a sample): %s%n", everies[k],
          cost[k] / (double) samples, stats(sampled.get(k)));
    }
  }

  private static String stats(List<Double> v) {
    List<Double> e = new ArrayList<>(v);
    e.sort((a, b) -> Double.compare(Math.abs(a), Math.abs(b)));
    double rms = Math.sqrt(e.stream().mapToDouble(x -> x * x).average().orElse(0));
    return String.format(Locale.ROOT, "rms %.3f LU, 95th percentile |.| %.3f, worst %.3f", rms,
        Math.abs(e.get(e.size() * 19 / 20)), Math.abs(e.get(e.size() - 1)));
  }
}
