package com.etoaudiobook.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark (not a test): the init time of each function's handler, each in a fresh JVM on the
 * function's own Lambda jar (as built by {@code mvn package}), with the template's JVM options and
 * local settings (S3/SQS endpoints on loopback, eSpeak NG). Each FOLDER holds the four jars and the
 * template.yaml they were built with (which names each jar's handler); with a second folder
 * (the reference, e.g. built from an earlier commit) it prints the ratio of each median to the
 * reference's.
 *
 * <pre>ColdStartBench RUNS FOLDER [REFERENCE_FOLDER]</pre>
 */
public final class ColdStartBench {
  private static final Pattern FUNCTION = Pattern.compile(
      "CodeUri: functions/[^/]+/target/([\\w-]+)\\.jar\\s*\\n\\s*Handler: ([\\w.$]+)");

  private ColdStartBench() {
  }

  record Sample(long initMs, long jvmMs) {
  }

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    Map<String, long[]> measured = measure(Path.of(args[1]), runs);
    Map<String, long[]> reference = args.length > 2 ? measure(Path.of(args[2]), runs) : Map.of();
    System.out.printf(Locale.ROOT, "%n%-17s %12s %12s %14s %14s%n", "function", "init ms p50", "jvm ms p50",
        "ref init p50", "init ratio");
    for (var e : measured.entrySet()) {
      long[] ref = reference.get(e.getKey());
      System.out.printf(Locale.ROOT, "%-17s %12d %12d %14s %14s%n", e.getKey(), e.getValue()[0], e.getValue()[1],
          ref == null ? "-" : Long.toString(ref[0]),
          ref == null ? "-" : String.format(Locale.ROOT, "%.2f", e.getValue()[0] / (double) ref[0]));
    }
  }

  /** Median init and JVM-to-ready milliseconds per function jar in {@code dir}. */
  static Map<String, long[]> measure(Path dir, int runs) throws Exception {
    String template = Files.readString(dir.resolve("template.yaml"));
    Map<String, String> handlers = new LinkedHashMap<>();
    Matcher m = FUNCTION.matcher(template);
    while (m.find()) {
      handlers.put(m.group(1), m.group(2).replaceFirst("::.*$", ""));
    }
    Map<String, long[]> out = new LinkedHashMap<>();
    for (var h : handlers.entrySet()) {
      List<Sample> samples = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        samples.add(probe(dir.resolve(h.getKey() + ".jar"), h.getValue()));
      }
      long[] init = samples.stream().mapToLong(Sample::initMs).sorted().toArray();
      long[] jvm = samples.stream().mapToLong(Sample::jvmMs).sorted().toArray();
      System.out.printf(Locale.ROOT, "%s %-17s init ms %s%n", dir, h.getKey(), Arrays.toString(init));
      out.put(h.getKey(), new long[] {init[runs / 2], jvm[runs / 2]});
    }
    return out;
  }

  private static Sample probe(Path jar, String handler) throws Exception {
    String classes = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", jar + ":" + classes, ColdStartProbe.class.getName(), handler).redirectErrorStream(true);
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
    Process p = pb.start();
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
      throw new IllegalStateException(jar + " " + handler + " failed:\n" + all);
    }
    Matcher m = Pattern.compile("init_ms=(\\d+) jvm_ms=(\\d+)").matcher(result);
    if (!m.find()) {
      throw new IllegalStateException(result);
    }
    return new Sample(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
  }
}
