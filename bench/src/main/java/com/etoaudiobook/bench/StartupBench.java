package com.etoaudiobook.bench;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.BookParser;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.job.Progress;
import com.etoaudiobook.local.LocalRuntime;
import com.etoaudiobook.voice.AutoCaster;
import com.etoaudiobook.voice.Casting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): the local runtime's start-up, to ready (the API serving, interrupted jobs
 * resumed), with many finished jobs stored, against the same start-up with none. One real job is
 * run to the end; its objects are then copied (hard links in the embedded S3's directory) under new
 * job ids until OBJECTS objects lie under jobs/. A second job is interrupted by closing the runtime,
 * so each start-up has a job to resume; after the last, that job is followed to its end.
 *
 *   bench/startup.sh [OBJECTS]      (default 100000)
 */
public final class StartupBench {
  private StartupBench() {
  }

  private static String script(int lines) {
    StringBuilder s = new StringBuilder("# Start-up\n\n");
    for (int i = 0; i < lines; i++) {
      s.append(i % 2 == 0 ? "**Ann:** " : "**Bob:** ").append("Line ").append(i)
          .append(" of the start-up script, long enough to take a moment to say.\n\n");
    }
    return s.toString();
  }

  private static LocalRuntime start(Path dir) throws Exception {
    return LocalRuntime.start(new LocalRuntime.Options(0, dir, null, 2, 5, 60, EspeakEngine.instance()));
  }

  private static Job job(LocalRuntime runtime, String name, int lines) {
    Book book = runtime.bean(BookParser.class).parse(name + ".md", script(lines).getBytes());
    Casting casting = runtime.bean(AutoCaster.class).cast(book, Map.of());
    runtime.bean(JobStore.class).saveBook("bench", book);
    return runtime.bean(JobService.class).start("bench", book, casting, JobOptions.DEFAULT);
  }

  private static boolean done(LocalRuntime runtime, String jobId) {
    return "DONE".equals(String.valueOf(runtime.bean(JobService.class).progress(jobId).job().state()));
  }

  private static long count(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  public static void main(String[] args) throws Exception {
    // the workers' EMF metric records go to stdout, as in Lambda: keep them out of the figures
    java.io.PrintStream out = System.out;
    System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    int objects = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("startup-bench");
    Path jobs = dir.resolve("s3").resolve(LocalRuntime.BUCKET).resolve("jobs");
    String finished;
    String interrupted;
    try (LocalRuntime runtime = start(dir)) {
      finished = job(runtime, "finished", 12).id();
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (!done(runtime, finished)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the first job did not finish in 2 minutes");
        }
        Thread.sleep(50);
      }
      interrupted = job(runtime, "interrupted", 200).id();
    }
    double empty = time(dir);
    long perJob = count(jobs.resolve(finished));
    out.printf(Locale.ROOT, "start-up with %d object(s) under jobs/: %.2f s to ready (a finished job has %d objects;"
        + " copying it until there are %d)%n", count(jobs), empty, perJob, objects);
    int copies = 0;
    for (long n = count(jobs); n < objects; n += perJob) {
      link(jobs.resolve(finished), jobs.resolve(String.format(Locale.ROOT, "%s-copy%06d", finished, copies++)));
    }
    long stored = count(jobs);
    long t0 = System.nanoTime();
    try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Options(0, dir, null, 2, 5, 60,
        EspeakEngine.instance()))) {
      double full = (System.nanoTime() - t0) / 1e9;
      Progress p = runtime.bean(JobService.class).progress(interrupted);
      out.printf(Locale.ROOT, "start-up with %d objects under jobs/: %.2f s to ready (%.2f x the start-up without"
              + " them; target < 5 s); the interrupted job resumed at %d of %d parts%n", stored, full, full / empty,
          p.partsDone(), p.partsTotal());
      long deadline = System.nanoTime() + 600_000_000_000L;
      while (!done(runtime, interrupted) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      out.printf(Locale.ROOT, "the resumed job %s %.1f s after the start%n",
          done(runtime, interrupted) ? "finished" : "had not finished", (System.nanoTime() - t0) / 1e9);
    }
  }

  /** Start-up to ready, then closed at once (the interrupted job stays interrupted). */
  private static double time(Path dir) throws Exception {
    long t0 = System.nanoTime();
    try (LocalRuntime runtime = start(dir)) {
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  /** The finished job's objects under a new id: hard links, with the embedded S3's metadata (xattrs) shared. */
  private static void link(Path from, Path to) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(from)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      Path target = to.resolve(from.relativize(f).toString());
      Files.createDirectories(target.getParent());
      Files.createLink(target, f);
    }
  }
}
