package com.etoaudiobook.bench;

import com.etoaudiobook.aws.VoiceCatalog;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.book.BookParser;
import com.etoaudiobook.voice.AutoCaster;
import com.etoaudiobook.aws.PollyEngine;
import com.etoaudiobook.aws.wiring.BeanGraph;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.aws.StorageRequests;
import com.etoaudiobook.aws.testing.FakePolly;
import com.etoaudiobook.aws.testing.PollyStub;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.synthesis.CachedSynthesis;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.job.synthesis.PartFailure;
import com.etoaudiobook.job.Progress;
import com.etoaudiobook.local.LocalRuntime;
import com.etoaudiobook.voice.Casting;
import com.etoaudiobook.aws.SynthesisBatch;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark (not a test): the fan-out at Polly's real limits. The whole local runtime with the
 * template's defaults (10 worker instances, batches of 10, 5 receives, 720 s visibility, 120 s
 * timeout) synthesizes a book of a few hundred parts through a local Polly stub that throttles at
 * Polly's quotas and answers in a time proportional to the text. Per engine it prints the achieved
 * call rate against the quota, throttled calls, dead parts, invocations past their timeout, the
 * job's time against the ideal (calls ÷ quota), and S3 requests per part by operation. The stub
 * answers with speech ({@link StubSpeech}), so the workers level every part as they would Polly's.
 *
 *   bench/polly-quota.sh [PARTS [ENGINES]]      (default 400 and neural,standard)
 */
public final class PollyQuotaBench {
  /** The stub speaks (each voice at its own level), so every part is levelled as Polly's would be. */
  static final StubSpeech SPEECH = new StubSpeech().prepare(
      FakePolly.LIBRARY.stream().map(v -> (String) v.get("Id")).toList());

  /** What one job through the runtime came to. */
  record Run(String engine, int parts, long calls, long throttled, long dead, long overruns, double jobSeconds,
             double firstCallSeconds, double lastCallSeconds, double lastPartSeconds, double assemblingSeconds, double synthesisRate, Map<String, Long> storage, String cpu, long levelled,
             long measured, long peaky) {
  }

  /** A script of {@code parts} unique lines of 60 to 300 characters, four roles taking turns. */
  static String script(int parts, String tag) {
    String[] roles = {"Ann", "Bob", "Cara", "Dan"};
    String filler = "the lantern swung over the quay while the tide came in slowly and the gulls argued about"
        + " nothing at all as the boats knocked together in the dark harbour beyond the wall";
    StringBuilder out = new StringBuilder("# Quota\n\n");
    for (int i = 0; i < parts; i++) {
      int length = 60 + (i * 37) % 240;
      StringBuilder line = new StringBuilder("Line " + i + " of " + tag + ", ");
      while (line.length() < length) {
        line.append(filler, 0, Math.min(filler.length(), length - line.length())).append(' ');
      }
      out.append("**").append(roles[i % roles.length]).append(":** ").append(line.toString().strip())
          .append(".\n\n");
    }
    return out.toString();
  }

  static Run run(String engine, int parts, String tag) throws Exception {
    Path dir = Files.createTempDirectory("polly-quota");
    try (FakePolly polly = PollyStub.start(0, PollyStub.QUOTAS).withSpeech(SPEECH);
         // REDIS_URL from this process's environment, as the functions read it
         PollyEngine pollyEngine = (PollyEngine) BeanGraph.start(Map.of("SPEECH_PROVIDER", "polly",
             "POLLY_ENGINE", engine, "POLLY_ENDPOINT", polly.endpoint().toString())).getBean(SpeechEngine.class)) {
      // the template: SynthesisMaxConcurrency 10, BatchSize 10, maxReceiveCount 5, VisibilityTimeout 720
      try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Options(0, dir, null, 10, 5, 720,
          pollyEngine, true, 10))) {
        Book book = runtime.bean(BookParser.class).parse("quota.md", script(parts, tag).getBytes());
        Casting casting = runtime.bean(AutoCaster.class).cast(book, voices(book, runtime, engine));
        runtime.bean(JobStore.class).saveBook("bench", book);
        polly.reset();
        Map<String, Long> storage0 = StorageRequests.snapshot();
        long overruns0 = SynthesisBatch.overruns();
        CpuByThread cpu = CpuByThread.snapshot();
        var loudness = runtime.bean(CachedSynthesis.class).loudness();
        long levelled0 = loudness.calibratedParts(), measured0 = loudness.measuredParts(), peaky0 = loudness.peakyParts();
        long wall0 = System.currentTimeMillis();
        long t0 = System.nanoTime();
        Job job = runtime.bean(JobService.class).start("bench", book, casting, JobOptions.DEFAULT);
        long[] assembling = {0};
        long dead = awaitEnd(runtime, dir, job.id(), assembling);
        double seconds = (System.nanoTime() - t0) / 1e9;
        // when the last part's record was stored (S3Proxy keeps objects as files): the end of synthesis
        long lastPart;
        try (var files = Files.list(dir.resolve("s3").resolve(LocalRuntime.BUCKET).resolve("jobs").resolve(job.id())
            .resolve("parts"))) {
          lastPart = files.mapToLong(f -> f.toFile().lastModified()).max().orElse(wall0);
        }
        List<FakePolly.Call> calls = polly.speechCalls();
        long accepted = calls.size() - polly.throttled();
        double span = (calls.get(calls.size() - 1).atNanos() - calls.get(0).atNanos()) / 1e9;
        Map<String, Long> storage = new LinkedHashMap<>();
        StorageRequests.snapshot().forEach((k, v) -> {
          long d = v - storage0.getOrDefault(k, 0L);
          if (d > 0) {
            storage.put(k, d);
          }
        });
        return new Run(engine, job.partsTotal(), accepted, polly.throttled(), dead,
            SynthesisBatch.overruns() - overruns0, seconds, (calls.get(0).atNanos() - t0) / 1e9,
            (calls.get(calls.size() - 1).atNanos() - t0) / 1e9, (lastPart - wall0) / 1e3,
            assembling[0] == 0 ? Double.NaN : (assembling[0] - t0) / 1e9,
            (accepted - 1) / span, storage, cpu.report(job.partsTotal(), "part"),
            loudness.calibratedParts() - levelled0, loudness.measuredParts() - measured0,
            loudness.peakyParts() - peaky0);
      }
    } finally {
      // each run stores the book twice over (about 100 MB for 400 parts): not left in /tmp
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Every role cast explicitly on {@code engine}, to voices that have it, so one quota applies. */
  static Map<String, Casting.Assignment> voices(Book book, LocalRuntime runtime, String engine) {
    var pool = runtime.bean(VoiceCatalog.class).voices().stream().filter(v -> v.engines().contains(engine)).toList();
    Map<String, Casting.Assignment> out = new LinkedHashMap<>();
    int i = 0;
    for (Role r : book.roles()) {
      out.put(r.name(), new Casting.Assignment(pool.get(i++ % pool.size()).id(), engine, 1.0, 0));
    }
    return out;
  }

  /**
   * Waits until the job is done, or failed for good; returns its dead parts.
   *
   * @param assembling set to when the job was first seen ASSEMBLING (System.nanoTime()), 0 if never
   */
  static long awaitEnd(LocalRuntime runtime, Path dir, String jobId, long[] assembling) throws Exception {
    Path file = dir.resolve("s3").resolve(LocalRuntime.BUCKET).resolve("jobs").resolve(jobId).resolve("job.json");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(20);
    for (int tick = 0; System.nanoTime() < deadline; tick++) {
      try {
        String state = Files.readString(file);
        if (state.contains("\"state\":\"DONE\"")) {
          return 0;
        }
        if (assembling[0] == 0 && state.contains("\"state\":\"ASSEMBLING\"")) {
          assembling[0] = System.nanoTime();
        }
      } catch (NoSuchFileException | java.nio.charset.MalformedInputException e) {
        // not written yet, or caught mid-rename
      }
      if (tick % 100 == 99) { // every second or so: a part may be dead, and then the job never ends
        Progress p = runtime.bean(JobService.class).progress(jobId);
        if (p.partsFailed() > 0 && p.partsDone() + p.partsFailed() >= p.partsTotal()) {
          return p.failures().stream().filter(PartFailure::dead).count();
        }
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("job " + jobId + " did not end in 20 minutes");
  }

  public static void main(String[] args) throws Exception {
    // the workers' EMF metric records go to stdout, as in Lambda: keep them out of the figures
    java.io.PrintStream out = System.out;
    System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    int parts = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    List<String> engines = List.of((args.length > 1 ? args[1] : "neural,standard").split(","));
    out.printf(Locale.ROOT, "Polly quota: %d parts per job, template defaults (10 instances x batch 10),"
        + " stub latency %.0f ms + %.2f ms/char, limiter %s, %d cores at load average %.1f%n", parts,
        PollyStub.LATENCY_MS, PollyStub.MS_PER_CHAR, System.getenv("REDIS_URL") == null ? "per process" : "in Redis",
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    // JIT warm-up, not measured
    run("standard", 60, "warm-up");
    for (String engine : engines) {
      Run r = run(engine, parts, engine + "-" + System.nanoTime());
      double quota = PollyStub.QUOTAS.get(engine);
      double ideal = r.calls() / quota;
      out.printf(Locale.ROOT, "%-9s %d parts, %d calls: %.2f calls/s while synthesizing = %.2f of the quota"
          + " %.0f/s (%.2f over the whole job); throttled %d; dead parts %d; invocations past their timeout %d%n"
          + "          job %.2f s vs ideal %.2f s (calls / quota) = %.3f x ideal; first engine call at %.2f s, last at"
          + " %.2f s = %.3f x ideal; last part stored at %.2f s; job seen assembling at %.2f s (parts' results"
          + " read); done %.2f s after the last call%n", engine, r.parts(), r.calls(), r.synthesisRate(),
          r.synthesisRate() / quota, quota, r.calls() / r.jobSeconds() / quota, r.throttled(), r.dead(), r.overruns(),
          r.jobSeconds(), ideal, r.jobSeconds() / ideal, r.firstCallSeconds(), r.lastCallSeconds(),
          r.lastCallSeconds() / ideal, r.lastPartSeconds(), r.assemblingSeconds(), r.jobSeconds() - r.lastCallSeconds());
      out.printf(Locale.ROOT, "          loudness: %d parts levelled by their voice's level, %d decoded and measured"
          + " (%d of them of a known voice whose peaks left no room)%n", r.levelled(), r.measured(), r.peaky());
      printStorage(r, out);
      out.print(r.cpu()); // where the 2 cores went: what keeps the runtime from the quota when it falls short
    }
  }

  /** S3 requests per part: the synthesis path (part and cache-writer threads), assembly, the rest. */
  static void printStorage(Run r, java.io.PrintStream out) {
    Map<String, Map<String, Long>> byArea = new LinkedHashMap<>();
    r.storage().forEach((key, n) -> {
      String pool = key.substring(0, key.indexOf(' '));
      String area = pool.equals("part") || pool.equals("cache-writer") ? "synthesis"
          : pool.contains("assembly") ? "assembly" : pool.contains("synthesis") ? "worker batches" : "other (" + pool + ")";
      byArea.computeIfAbsent(area, k -> new LinkedHashMap<>()).merge(key.substring(key.indexOf(' ') + 1), n, Long::sum);
    });
    byArea.forEach((area, ops) -> {
      long total = ops.values().stream().mapToLong(Long::longValue).sum();
      StringBuilder line = new StringBuilder();
      ops.forEach((op, n) -> line.append(String.format(Locale.ROOT, " %s %.3f", op, n / (double) r.parts())));
      out.printf(Locale.ROOT, "          storage, %s: %.3f requests per part:%s%n", area,
          total / (double) r.parts(), line);
    });
  }
}
