package com.etoaudiobook.bench;

import com.etoaudiobook.audio.SilenceFrame;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.book.BookParser;
import com.etoaudiobook.voice.AutoCaster;
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
 * Prints the speedup of the fan-out (job start to the last part stored) over one worker against
 * the ideal, and the whole job's time with assembly beside it.
 *
 *   bench/fanout.sh [PARTS [WORKERS,...]]      (default 256 and 1,4,16,32)
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

  /** Fan-out and whole-job seconds, and CPU milliseconds per part over the whole job. */
  record Run(double fanOutSeconds, double jobSeconds, double cpuMsPerPart, String cpu) {
  }

  /** One job of {@code parts} unique lines through a fresh runtime with {@code workers} concurrent workers. */
  static Run run(SleepingEngine engine, int parts, int workers, String tag) throws Exception {
    Path dir = Files.createTempDirectory("fanout");
    try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Options(0, dir, null, workers, 5, 60,
        engine, true, 1))) {
      StringBuilder script = new StringBuilder("# Fan-out\n\n");
      for (int p = 0; p < parts; p++) {
        // unique text per run: nothing may come from the synthesis cache
        script.append("**Ann:** Line ").append(p).append(" of run ").append(tag).append(".\n\n");
      }
      Book book = runtime.bean(BookParser.class).parse("fanout.md", script.toString().getBytes());
      var casting = runtime.bean(AutoCaster.class).cast(book, Map.of());
      runtime.bean(JobStore.class).saveBook("bench", book);
      long cpu0 = CpuByThread.processCpuNanos();
      CpuByThread cpu = CpuByThread.snapshot();
      long t0 = System.nanoTime();
      Job job = runtime.bean(JobService.class).start("bench", book, casting, JobOptions.DEFAULT);
      JobWatch.awaitParts(dir, job.id(), job.partsTotal());
      double fanOut = (System.nanoTime() - t0) / 1e9;
      JobWatch.awaitDone(dir, job.id());
      return new Run(fanOut, (System.nanoTime() - t0) / 1e9, (CpuByThread.processCpuNanos() - cpu0) / 1e6 / parts,
          cpu.report(parts, "part"));
    }
  }

  public static void main(String[] args) throws Exception {
    int parts = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int[] workers = args.length > 1
        ? java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {1, 4, 16, 32};
    int cores = Runtime.getRuntime().availableProcessors();
    SleepingEngine engine = new SleepingEngine();
    System.out.printf(Locale.ROOT, "fan-out: %d parts, engine sleeps %d ms per part, batch size 1, %d cores%n",
        parts, SLEEP_MS, cores);
    // JIT warm-up, not measured: otherwise the first run pays for compilation and flatters the rest
    run(engine, 128, 32, "warm-up");
    Run[] runs = new Run[workers.length];
    for (int i = 0; i < workers.length; i++) {
      runs[i] = run(engine, parts, workers[i], Integer.toString(workers[i]));
      double ideal = Math.ceil(parts / (double) workers[i]) * SLEEP_MS / 1000.0;
      double speedup = runs[0].fanOutSeconds() / runs[i].fanOutSeconds();
      double idealSpeedup = Math.ceil(parts / (double) workers[0]) / Math.ceil(parts / (double) workers[i]);
      System.out.printf(Locale.ROOT, "%2d workers: all parts stored in %6.2f s (ideal %6.2f s)  speedup %5.2f of ideal"
          + " %5.2f = %.2f   [job with assembly %6.2f s; %.1f ms CPU per part]%n",
          workers[i], runs[i].fanOutSeconds(), ideal, speedup, idealSpeedup, speedup / idealSpeedup,
          runs[i].jobSeconds(), runs[i].cpuMsPerPart());
    }
    System.out.print("with " + workers[workers.length - 1] + " workers, the job's " + runs[workers.length - 1].cpu());
  }
}
