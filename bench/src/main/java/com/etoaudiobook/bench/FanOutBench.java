package com.etoaudiobook.bench;

import com.etoaudiobook.audio.SilenceFrame;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.local.LocalRuntime;
import com.etoaudiobook.voice.Voice;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark (not a test): fan-out scaling of the synthesis queue. A test engine sleeps 300 ms per
 * part (what a remote engine costs, without the CPU), and the same job runs through the local
 * runtime (S3Proxy, ElasticMQ, pollers, worker handler) with 1, 4, 16 and 32 concurrent workers.
 * Prints the speedup over one worker against the ideal.
 *
 *   bench/fanout.sh [PARTS]      (default 64)
 */
public final class FanOutBench {
  static final long SLEEP_MS = 300;

  /** Sleeps, then answers 300 ms of silence: a stand-in for a remote engine. */
  static final class SleepingEngine implements SpeechEngine {
    private final byte[] silence;

    SleepingEngine() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        SilenceFrame.write(out, 12);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      silence = out.toByteArray();
    }

    @Override
    public String provider() {
      return "bench-sleep";
    }

    @Override
    public List<Voice> voices() {
      return List.of(new Voice("sleeper", "Sleeper", "en-US", "English", "female", List.of("bench"), 22050,
          "bench-sleep"));
    }

    @Override
    public int maxCharacters() {
      return 3000;
    }

    @Override
    public Speech synthesize(SpeechRequest request) {
      try {
        Thread.sleep(SLEEP_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new Speech(null, silence, 22050, List.of(), 0);
    }
  }

  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  public static void main(String[] args) throws Exception {
    int parts = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int[] workers = {1, 4, 16, 32};
    double[] seconds = new double[workers.length];
    double[] cpuPerPart = new double[workers.length];
    int cores = Runtime.getRuntime().availableProcessors();
    SleepingEngine engine = new SleepingEngine();
    System.out.printf(Locale.ROOT, "fan-out: %d parts, engine sleeps %d ms per part, batch size 1%n", parts, SLEEP_MS);
    for (int i = 0; i < workers.length; i++) {
      Path dir = Files.createTempDirectory("fanout");
      try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Options(0, dir, null, workers[i], 5, 60,
          engine, true, 1))) {
        StringBuilder script = new StringBuilder("# Fan-out\n\n");
        for (int p = 0; p < parts; p++) {
          // unique text per run: nothing may come from the synthesis cache
          script.append("**Ann:** Line ").append(p).append(" of run ").append(workers[i]).append(".\n\n");
        }
        Book book = runtime.services().parser().parse("fanout.md", script.toString().getBytes());
        var casting = runtime.services().caster().cast(book, Map.of());
        runtime.services().store().saveBook("bench", book);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        Job job = runtime.services().jobs().start("bench", book, casting, JobOptions.DEFAULT);
        JobWatch.awaitDone(dir, job.id());
        seconds[i] = (System.nanoTime() - t0) / 1e9;
        cpuPerPart[i] = (cpuNanos() - cpu0) / 1e6 / parts;
      }
      double ideal = Math.ceil(parts / (double) workers[i]) * SLEEP_MS / 1000.0;
      double speedup = seconds[0] / seconds[i];
      double idealSpeedup = Math.ceil(parts / 1.0) / Math.ceil(parts / (double) workers[i]);
      // what the queue, storage and handler cost in CPU bounds the wall time on this machine
      double cpuBound = cpuPerPart[i] * parts / 1000.0 / cores;
      System.out.printf(Locale.ROOT, "%2d workers: %6.2f s (ideal %5.2f s)  speedup %5.2f of ideal %5.2f = %.2f"
          + "   [%.1f ms CPU per part: no faster than %.2f s on %d cores]%n",
          workers[i], seconds[i], ideal, speedup, idealSpeedup, speedup / idealSpeedup, cpuPerPart[i], cpuBound, cores);
    }
  }
}
