package com.etoaudiobook.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Benchmark (not a test): the init time of each function's handler, each in a fresh JVM on the
 * function's own Lambda jar (as built by {@code mvn package}) unpacked into a folder as Lambda
 * unpacks it into /var/task, with the template's JVM options and local settings (S3/SQS endpoints
 * on loopback, eSpeak NG). Each FOLDER holds the four jars and the template.yaml they were built
 * with (which names each jar's handler). With a second folder (the reference, e.g. built from an
 * earlier commit) the runs of the two alternate, so that the load of a shared machine falls on both
 * alike, and it prints the ratio of each median to the reference's: wall time of the constructor,
 * and the CPU time of the JVM's threads meanwhile (which a busy machine stretches less). With
 * several reference folders (a before and a long-ago build) all take turns in one run.
 *
 * <pre>ColdStartBench RUNS FOLDER [REFERENCE_FOLDER...]</pre>
 */
public final class ColdStartBench {
  private static final Pattern FUNCTION = Pattern.compile(
      "CodeUri: functions/[^/]+/target/([\\w-]+)\\.jar\\s*\\n\\s*Handler: ([\\w.$]+)");

  private ColdStartBench() {
  }

  record Sample(long initMs, long cpuMs, long jvmMs) {
  }

  /** One build: each function's unpacked code and handler class. */
  record Build(Path dir, Map<String, String> handlers) {
    static Build of(Path dir) throws IOException {
      Map<String, String> handlers = new LinkedHashMap<>();
      Matcher m = FUNCTION.matcher(Files.readString(dir.resolve("template.yaml")));
      while (m.find()) {
        handlers.put(m.group(1), m.group(2).replaceFirst("::.*$", ""));
        unpack(dir.resolve(m.group(1) + ".jar"), dir.resolve("task").resolve(m.group(1)));
      }
      return new Build(dir, handlers);
    }

    Sample probe(String function) throws Exception {
      return ColdStartBench.probe(dir.resolve("task").resolve(function), handlers.get(function));
    }
  }

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    Build measured = Build.of(Path.of(args[1]));
    List<Build> references = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      references.add(Build.of(Path.of(args[i])));
    }
    String loadBefore = load();
    // per function: this build's medians, then each reference's (null where it lacks the function)
    Map<String, List<long[]>> results = new LinkedHashMap<>();
    for (String function : measured.handlers().keySet()) {
      List<Build> builds = new ArrayList<>(List.of(measured));
      references.stream().filter(r -> r.handlers().containsKey(function)).forEach(builds::add);
      List<List<Sample>> samples = new ArrayList<>();
      builds.forEach(b -> samples.add(new ArrayList<>()));
      for (int i = 0; i < runs; i++) {
        // rotate which goes first, so none always follows another's page-cache and JIT work
        for (int k = 0; k < builds.size(); k++) {
          int b = (i + k) % builds.size();
          samples.get(b).add(builds.get(b).probe(function));
        }
      }
      List<long[]> medians = new ArrayList<>();
      for (int b = 0; b < builds.size(); b++) {
        medians.add(medians(builds.get(b).dir(), function, samples.get(b)));
      }
      List<long[]> row = new ArrayList<>(List.of(medians.get(0)));
      int next = 1;
      for (Build r : references) {
        row.add(r.handlers().containsKey(function) ? medians.get(next++) : null);
      }
      results.put(function, row);
    }
    System.out.printf(Locale.ROOT, "%nload average before: %s; after: %s%n", loadBefore, load());
    for (int r = 0; r <= Math.max(0, references.size() - 1); r++) {
      if (!references.isEmpty()) {
        System.out.printf(Locale.ROOT, "%nagainst %s%n", references.get(r).dir());
      }
      System.out.printf(Locale.ROOT, "%-17s %11s %10s %11s %10s %12s %10s%n", "function", "init ms p50", "cpu ms p50",
          "ref init", "ref cpu", "init ratio", "cpu ratio");
      for (var e : results.entrySet()) {
        long[] a = e.getValue().get(0);
        long[] b = references.isEmpty() ? null : e.getValue().get(r + 1);
        System.out.printf(Locale.ROOT, "%-17s %11d %10d %11s %10s %12s %10s%n", e.getKey(), a[0], a[1],
            b != null ? Long.toString(b[0]) : "-", b != null ? Long.toString(b[1]) : "-",
            b != null ? String.format(Locale.ROOT, "%.2f", a[0] / (double) b[0]) : "-",
            b != null ? String.format(Locale.ROOT, "%.2f", a[1] / (double) b[1]) : "-");
      }
    }
  }

  /** Median init, CPU and JVM-to-ready milliseconds, after printing each run's. */
  private static long[] medians(Path dir, String function, List<Sample> samples) {
    long[] init = samples.stream().mapToLong(Sample::initMs).sorted().toArray();
    long[] cpu = samples.stream().mapToLong(Sample::cpuMs).sorted().toArray();
    long[] jvm = samples.stream().mapToLong(Sample::jvmMs).sorted().toArray();
    System.out.printf(Locale.ROOT, "%s %-17s init ms %s cpu ms %s%n", dir, function, Arrays.toString(init),
        Arrays.toString(cpu));
    int mid = samples.size() / 2;
    return new long[] {init[mid], cpu[mid], jvm[mid]};
  }

  private static String load() {
    try {
      return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    } catch (IOException e) {
      return "?";
    }
  }

  /** The jar's entries under {@code task} (again only when the jar is newer), as Lambda unpacks a function's code. */
  static void unpack(Path jar, Path task) throws IOException {
    Path done = task.resolve(".unpacked");
    if (Files.exists(done) && Files.getLastModifiedTime(done).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
      return;
    }
    if (Files.exists(task)) {
      try (var files = Files.walk(task)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(task);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        Path target = task.resolve(entry.getName()).normalize();
        if (!target.startsWith(task)) {
          throw new IOException("entry outside the folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    Files.writeString(done, jar.toString());
  }

  private static Sample probe(Path folder, String handler) throws Exception {
    Path task = folder.toAbsolutePath(); // the JVM runs in it, as Lambda's does in /var/task
    String classes = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    // Lambda's Java class path: the unpacked code, then the jars of its lib/ folder
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", task + ":" + task.resolve("lib") + "/*:" + classes, ColdStartProbe.class.getName(), handler)
        .redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.endsWith("_ENDPOINT") || k.equals("REDIS_URL"));
    // template.yaml's Globals (JVM options, settings) with the local runtime's endpoints
    env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    env.put("AWS_REGION", "us-east-1");
    env.put("DATA_BUCKET", "etoaudiobook-data");
    env.put("S3_ENDPOINT", "http://127.0.0.1:9");
    env.put("SQS_ENDPOINT", "http://127.0.0.1:9");
    env.put("SYNTHESIS_QUEUE_URL", "http://127.0.0.1:9/000000000000/synthesis");
    env.put("ASSEMBLY_QUEUE_URL", "http://127.0.0.1:9/000000000000/assembly");
    env.put("SPEECH_PROVIDER", "espeak");
    env.put("AWS_EMF_ENVIRONMENT", "Local");
    Process p = pb.directory(task.toFile()).start();
    String result = null;
    StringBuilder all = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        all.append(line).append('\n');
        if (line.startsWith("init_ms=")) {
          result = line;
        }
      }
    }
    if (p.waitFor() != 0 || result == null) {
      throw new IllegalStateException(task + " " + handler + " failed:\n" + all);
    }
    Matcher m = Pattern.compile("init_ms=(\\d+) cpu_ms=(\\d+) jvm_ms=(\\d+)").matcher(result);
    if (!m.find()) {
      throw new IllegalStateException(result);
    }
    return new Sample(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
  }
}
