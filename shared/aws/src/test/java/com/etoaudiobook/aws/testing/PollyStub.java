package com.etoaudiobook.aws.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link FakePolly} on its own, as a Polly that throttles at the default quotas, for running the
 * local runtime on "Polly" without an AWS account:
 *
 * <pre>
 *   java -cp ... com.etoaudiobook.aws.testing.PollyStub [--port 4566] [--quotas neural=8,standard=80]
 *        [--latency-ms 40] [--ms-per-char 0.25]
 *   POLLY_ENDPOINT=http://127.0.0.1:4566 ./etoaudiobook serve --engine polly
 * </pre>
 */
public final class PollyStub {
  /** Polly's default SynthesizeSpeech quotas per engine. */
  public static final Map<String, Double> QUOTAS = Map.of("standard", 80.0, "neural", 8.0, "long-form", 8.0,
      "generative", 8.0);
  /** A few tens of milliseconds per request plus a quarter millisecond per character. */
  public static final double LATENCY_MS = 40;
  public static final double MS_PER_CHAR = 0.25;

  private PollyStub() {
  }

  /** A stub with Polly's quotas, latency in proportion to the text, and the larger voice set. */
  public static FakePolly start(int port, Map<String, Double> quotas) throws java.io.IOException {
    return new FakePolly(null, port).withQuotas(quotas).withLatency(LATENCY_MS, MS_PER_CHAR)
        .withVoices(FakePolly.LIBRARY);
  }

  public static void main(String[] args) throws Exception {
    int port = 0;
    Map<String, Double> quotas = new LinkedHashMap<>(QUOTAS);
    double latency = LATENCY_MS;
    double perChar = MS_PER_CHAR;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--quotas" -> {
          for (String e : args[i + 1].split(",")) {
            String[] kv = e.split("=");
            quotas.put(kv[0].strip(), Double.parseDouble(kv[1].strip()));
          }
        }
        case "--latency-ms" -> latency = Double.parseDouble(args[i + 1]);
        case "--ms-per-char" -> perChar = Double.parseDouble(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    FakePolly polly = start(port, quotas).withLatency(latency, perChar);
    System.out.println("Polly stub at " + polly.endpoint() + " (quotas " + quotas + " per second)");
    Thread.currentThread().join();
  }
}
