package com.etoaudiobook.bench;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.formats.DocumentParser;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.local.Converter;
import com.etoaudiobook.local.LocalRuntime;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.voice.AutoCaster;
import com.etoaudiobook.voice.Casting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark (not a test): the same book through the CLI path (in-process thread pool, files) and
 * through the local runtime (SQS via ElasticMQ, S3 via S3Proxy, the worker and assembler handlers),
 * same engine, same parallelism, cold caches. Prints audio seconds per wall second for both and
 * their ratio: what queues and storage cost.
 *
 *   bench/runtime-vs-cli.sh [FILE] [MAX_CHARS] [WARM_UP_PARTS]
 */
public final class RuntimeVsCliBench {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/pdnc-dev/DaisyMiller/novel_text.txt");
    int maxChars = args.length > 1 ? Integer.parseInt(args[1]) : 60_000;
    String text = Files.readString(file);
    if (text.length() > maxChars) {
      text = text.substring(0, text.indexOf('\n', maxChars) < 0 ? maxChars : text.indexOf('\n', maxChars));
    }
    Book book = new DocumentParser().parse("bench.txt", text.getBytes());
    EspeakEngine engine = EspeakEngine.instance();
    Casting casting = new AutoCaster(engine.voices(), List.of("en-gb-x-rp")).cast(book, Map.of());
    int parallel = Runtime.getRuntime().availableProcessors() + 1;
    System.out.printf(Locale.ROOT, "book: %d characters, %d segments, %d roles; %d parts in flight%n",
        book.characters(), book.segmentCount(), book.roles().size(), parallel);

    // Warm-up, outside the timings: both paths run the same few hundred unique lines first, so the
    // JIT has compiled what each path runs (the runtime's S3, SQS and HTTP stack is much larger than
    // the CLI's). The lines are unique: nothing of the book comes from the cache.
    int warmParts = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    StringBuilder warmText = new StringBuilder("# Warm-up\n\n");
    for (int i = 0; i < warmParts; i++) {
      warmText.append(i % 2 == 0 ? "**Ann:** " : "**Ben:** ").append("Warm-up line ").append(i)
          .append(", spoken once to wake the compiler.\n\n");
    }
    Book warm = new DocumentParser().parse("warm.md", warmText.toString().getBytes());
    Casting warmCasting = new AutoCaster(engine.voices(), List.of()).cast(warm, Map.of());
    new Converter(new FileBlobStore(Files.createTempDirectory("warm")), engine, parallel).convert(warm,
        warmCasting, JobOptions.DEFAULT, Files.createTempDirectory("warm-out"), d -> { }, t -> { });

    CpuByThread cliCpu = CpuByThread.snapshot();
    long t0 = System.nanoTime();
    Converter.Result cli = new Converter(new FileBlobStore(Files.createTempDirectory("cli")), engine, parallel)
        .convert(book, casting, JobOptions.DEFAULT, Files.createTempDirectory("cli-out"), d -> { }, t -> { });
    double cliSeconds = (System.nanoTime() - t0) / 1e9;
    String cliCpuReport = cliCpu.report(book.segmentCount(), "segment");
    double cliAudio = com.etoaudiobook.json.Json.MAPPER.readTree(cli.outDir().resolve("manifest.json").toFile())
        .get("durationMs").asLong() / 1000.0;

    double runtimeSeconds;
    double runtimeAudio;
    String runtimeCpuReport;
    // as template.yaml configures the worker (batches of 10, processed concurrently), with as many
    // concurrent invocations as the CLI has threads
    Path data = Files.createTempDirectory("rt");
    try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Options(0, data, null,
        parallel, 5, 120, engine, true, 10))) {
      runtime.bean(JobStore.class).saveBook("warm", warm);
      JobWatch.awaitDone(data, runtime.bean(JobService.class).start("warm", warm, warmCasting, JobOptions.DEFAULT).id());
      runtime.bean(JobStore.class).saveBook("bench", book);
      CpuByThread runtimeCpu = CpuByThread.snapshot();
      long t1 = System.nanoTime();
      Job job = runtime.bean(JobService.class).start("bench", book, casting, JobOptions.DEFAULT);
      JobWatch.awaitDone(data, job.id());
      Job now = runtime.bean(JobStore.class).job(job.id());
      runtimeSeconds = (System.nanoTime() - t1) / 1e9;
      runtimeCpuReport = runtimeCpu.report(book.segmentCount(), "segment");
      runtimeAudio = com.etoaudiobook.json.Json.MAPPER.readTree(runtime.bean(BlobStore.class).get(
          now.outputs().get("manifest"))).get("durationMs").asLong() / 1000.0;
    }
    double cliRate = cliAudio / cliSeconds;
    double runtimeRate = runtimeAudio / runtimeSeconds;
    System.out.printf(Locale.ROOT, "CLI path:      %7.0f s of audio in %6.1f s = %6.1f audio s per wall s%n",
        cliAudio, cliSeconds, cliRate);
    System.out.printf(Locale.ROOT, "local runtime: %7.0f s of audio in %6.1f s = %6.1f audio s per wall s%n",
        runtimeAudio, runtimeSeconds, runtimeRate);
    System.out.print("CLI path " + cliCpuReport + "local runtime " + runtimeCpuReport);
    System.out.printf(Locale.ROOT, "ratio runtime/CLI: %.2f (target >= 0.8)%n", runtimeRate / cliRate);
    System.exit(0);
  }
}
