package com.etoaudiobook.bench;

import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.aws.VoiceCatalog;
import com.etoaudiobook.local.LocalRuntime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark (not a test): GET /api/voices on loopback against the local runtime in this process,
 * with the voice catalog cached (Caffeine) and uncached (the engine asked on every request).
 * N virtual users send requests back to back for a fixed time after a warm-up; prints p50, p99
 * and requests per second for both, and their ratio.
 *
 * <pre>VoicesBench [SECONDS] [USERS] [PATH]   (defaults: 10 s, 8 users, api/voices)</pre>
 */
public final class VoicesBench {
  private VoicesBench() {
  }

  record Result(String name, int requests, int errors, double seconds, long p50Nanos, long p99Nanos) {
    double rps() {
      return requests / seconds;
    }

    String line() {
      return String.format(Locale.ROOT, "%-9s %8d req %4d err  %9.0f req/s  p50 %7.3f ms  p99 %7.3f ms",
          name, requests, errors, rps(), p50Nanos / 1e6, p99Nanos / 1e6);
    }
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    String path = args.length > 2 ? args[2] : "api/voices";
    System.out.printf(Locale.ROOT, "GET /%s on loopback, %d users, %d s per run (after a %d s warm-up), %d cores%n",
        path, users, seconds, Math.max(2, seconds / 3), Runtime.getRuntime().availableProcessors());
    List<Result> results = new ArrayList<>();
    // two rounds, alternating, so neither side profits from JIT work done by the other; the second counts
    for (boolean cached : new boolean[] {true, false, true, false}) {
      Path data = Files.createTempDirectory("voices-bench");
      try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Options(0, data, null, 1, 3, 60,
          EspeakEngine.instance(), cached))) {
        URI uri = runtime.url().resolve(path);
        String name = cached ? "cached" : "uncached";
        run(uri, users, Math.max(2, seconds / 3), name); // warm-up: JIT, connections
        HttpResponse<byte[]> sample = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (results.isEmpty()) {
          System.out.println("response: " + sample.body().length + " bytes of JSON");
        }
        Result r = run(uri, users, seconds, name);
        results.add(r);
        System.out.println(r.line() + (results.size() <= 2 ? "   (round 1, not counted)" : ""));
        if (cached && results.size() > 2) {
          System.out.println("          catalog " + runtime.bean(VoiceCatalog.class).stats());
        }
      }
    }
    Result c = results.get(2);
    Result u = results.get(3);
    System.out.println("round 2:");
    System.out.println(c.line());
    System.out.println(u.line());
    System.out.printf(Locale.ROOT, "cached/uncached: %.2fx requests per second, p99 %.2fx lower%n",
        c.rps() / u.rps(), (double) u.p99Nanos() / c.p99Nanos());
    System.out.printf(Locale.ROOT, "target (cached p99 < 5 ms, >= 2000 req/s): %s%n",
        c.p99Nanos() < 5_000_000 && c.rps() >= 2000 ? "met" : "NOT met");
    System.exit(0);
  }

  static Result run(URI uri, int users, int seconds, String name) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    List<Future<long[]>> futures = new ArrayList<>();
    int[] errors = new int[users];
    long start = System.nanoTime();
    for (int u = 0; u < users; u++) {
      int user = u;
      futures.add(pool.submit(() -> {
        long[] lat = new long[1 << 16];
        int n = 0;
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
          long dt = System.nanoTime() - t0;
          if (r.statusCode() != 200 || r.body().length == 0) {
            errors[user]++;
          }
          if (n == lat.length) {
            lat = Arrays.copyOf(lat, n * 2);
          }
          lat[n++] = dt;
        }
        return Arrays.copyOf(lat, n);
      }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : futures) {
      all.add(f.get());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    int total = all.stream().mapToInt(a -> a.length).sum();
    long[] merged = new long[total];
    int i = 0;
    for (long[] a : all) {
      System.arraycopy(a, 0, merged, i, a.length);
      i += a.length;
    }
    Arrays.sort(merged);
    return new Result(name, total, Arrays.stream(errors).sum(), elapsed,
        percentile(merged, 0.50), percentile(merged, 0.99));
  }

  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
