package com.etoaudiobook.bench;

import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.local.LocalRuntime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loopback load on GET /health and GET /api/voices: N concurrent clients for D seconds against
 * the local runtime's API, started in a child JVM so its RSS is measured alone.
 *
 * <p>Two runs: "raised" (limits far above the load: errors, latency percentiles, throughput, RSS
 * before and after) and "default" (the shipped limits: every answer must be 200 or 429 with
 * Retry-After, and the 200s of /api/voices must fit the voices bucket). All clients share one
 * address (127.0.0.1), so they share one bucket per route, as clients behind one NAT would.
 *
 * <p>Usage: {@code LoadBench [clients] [seconds]}; {@code LoadBench server <mode> <portFile>} is the child.
 */
public final class LoadBench {
  static final int VOICES_LIMIT = 30;
  static final int VOICES_WINDOW_SECONDS = 60;

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("server")) {
      server(args[1], Path.of(args[2]));
      return;
    }
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    boolean ok = run("raised", clients, seconds) & run("default", clients, seconds);
    System.out.println(ok ? "RESULT: PASS" : "RESULT: FAIL");
    System.exit(ok ? 0 : 1);
  }

  /** The child: the local runtime with the mode's limits, on a free port written to portFile. */
  static void server(String mode, Path portFile) throws Exception {
    Map<String, Object> props = new HashMap<>();
    props.put("etoaudiobook.rate-limit.enabled", "true");
    if (mode.equals("raised")) {
      props.put("etoaudiobook.rate-limit.limits", "voices=100000000/1s,detect-roles=100000000/1s,"
          + "synthesize=100000000/1s,preview-voice=100000000/1s,job-status=100000000/1s,default=100000000/1s");
    }
    if (redisUp()) {
      props.put("etoaudiobook.rate-limit.redis-url", "redis://127.0.0.1:6379");
    }
    Path data = Files.createTempDirectory("loadbench");
    LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Options(0, data, null, 2, 5, 60,
        EspeakEngine.instance()), props);
    Files.writeString(portFile, Integer.toString(runtime.url().getPort()));
    Thread.currentThread().join();
  }

  static boolean redisUp() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 6379), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  record Sample(String path, int status, long nanos, boolean retryAfter) {
  }

  static boolean run(String mode, int clients, int seconds) throws Exception {
    Path portFile = Files.createTempFile("loadbench", ".port");
    Files.delete(portFile);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process server = new ProcessBuilder(java, "-Xmx512m", "-Detoaudiobook.emf=" + System.getProperty("etoaudiobook.emf", "async"), "-cp", System.getProperty("java.class.path"),
        LoadBench.class.getName(), "server", mode, portFile.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!Files.exists(portFile) || Files.readString(portFile).isBlank()) {
        if (System.nanoTime() > deadline || !server.isAlive()) {
          throw new IllegalStateException("the server did not start");
        }
        Thread.sleep(100);
      }
      URI base = URI.create("http://127.0.0.1:" + Files.readString(portFile).strip() + "/");
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      if (mode.equals("raised")) {
        load(http, base, clients, 5, false); // warm-up: JIT, buffers, connections
      } else {
        load(http, base, clients, 2, true); // warm-up on /health only: the voices bucket stays full
      }
      System.gc();
      Thread.sleep(500);
      long rssBefore = rss(server.pid());
      long t0 = System.nanoTime();
      List<Sample> samples = load(http, base, clients, seconds, false);
      double elapsed = (System.nanoTime() - t0) / 1e9;
      long rssAfter = rss(server.pid());
      return report(mode, clients, elapsed, samples, rssBefore, rssAfter);
    } finally {
      server.destroy();
      server.waitFor();
      Files.deleteIfExists(portFile);
    }
  }

  static List<Sample> load(HttpClient http, URI base, int clients, int seconds, boolean healthOnly)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<List<Sample>> perClient = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(clients);
    AtomicLong exceptions = new AtomicLong();
    Map<String, String> firstError = new ConcurrentHashMap<>();
    for (int c = 0; c < clients; c++) {
      List<Sample> mine = new ArrayList<>();
      perClient.add(mine);
      int id = c;
      Thread t = new Thread(() -> {
        int i = id;
        while (System.nanoTime() < end) {
          String path = healthOnly || i++ % 2 == 0 ? "health" : "api/voices";
          long s = System.nanoTime();
          try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
            mine.add(new Sample(path, r.statusCode(), System.nanoTime() - s,
                r.headers().firstValue("Retry-After").isPresent()));
          } catch (IOException e) {
            exceptions.incrementAndGet();
            firstError.putIfAbsent("io", e.toString());
            mine.add(new Sample(path, -1, System.nanoTime() - s, false));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        done.countDown();
      }, "client-" + c);
      t.start();
    }
    done.await();
    if (!firstError.isEmpty()) {
      System.out.println("  first client error: " + firstError.values().iterator().next());
    }
    List<Sample> all = new ArrayList<>();
    perClient.forEach(all::addAll);
    return all;
  }

  static boolean report(String mode, int clients, double seconds, List<Sample> samples, long rssBefore,
                        long rssAfter) {
    long[] ns = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
    Map<String, Map<Integer, Long>> byPath = new java.util.TreeMap<>();
    for (Sample s : samples) {
      byPath.computeIfAbsent(s.path(), p -> new java.util.TreeMap<>()).merge(s.status(), 1L, Long::sum);
    }
    long errors = samples.stream().filter(s -> s.status() != 200 && s.status() != 429).count();
    long bad429 = samples.stream().filter(s -> s.status() == 429 && !s.retryAfter()).count();
    double growth = rssBefore <= 0 ? 0 : 100.0 * (rssAfter - rssBefore) / rssBefore;
    System.out.printf("%n== %s limits: %d clients, %.1f s, %d requests%n", mode, clients, seconds, samples.size());
    System.out.printf("  throughput %.0f req/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        samples.size() / seconds, pct(ns, 50), pct(ns, 99), ns.length == 0 ? 0 : ns[ns.length - 1] / 1e6);
    System.out.printf("  statuses %s%n", byPath);
    System.out.printf("  errors (neither 200 nor 429) %d; 429 without Retry-After %d%n", errors, bad429);
    System.out.printf("  server RSS %.1f MB before, %.1f MB after (%+.1f %%)%n", rssBefore / 1048576.0,
        rssAfter / 1048576.0, growth);
    boolean ok = errors == 0 && bad429 == 0;
    if (mode.equals("raised")) {
      long throttled = samples.stream().filter(s -> s.status() == 429).count();
      ok &= throttled == 0 && growth < 10;
      System.out.printf("  targets: 0 errors, 0 throttled (%d), RSS growth < 10 %% -> %s%n", throttled,
          ok ? "met" : "MISSED");
    } else {
      long voices200 = byPath.getOrDefault("api/voices", Map.of()).getOrDefault(200, 0L);
      long health200 = byPath.getOrDefault("health", Map.of()).getOrDefault(200, 0L);
      long healthTotal = byPath.getOrDefault("health", Map.of()).values().stream().mapToLong(Long::longValue).sum();
      // a full bucket, plus what refills while the run lasts (+1 for a token refilled mid-request)
      long allowed = VOICES_LIMIT + (long) Math.ceil(seconds * VOICES_LIMIT / VOICES_WINDOW_SECONDS) + 1;
      ok &= voices200 <= allowed && health200 == healthTotal;
      System.out.printf("  /api/voices 200s: %d, allowed at most %d (%d/%d s bucket); /health all 200: %s -> %s%n",
          voices200, allowed, VOICES_LIMIT, VOICES_WINDOW_SECONDS, health200 == healthTotal, ok ? "met" : "MISSED");
    }
    return ok;
  }

  static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  /** VmRSS of a process, in bytes. */
  static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  static String join(long[] a) {
    return Arrays.toString(a);
  }
}
