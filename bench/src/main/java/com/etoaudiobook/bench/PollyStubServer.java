package com.etoaudiobook.bench;

import com.etoaudiobook.aws.testing.FakePolly;
import com.etoaudiobook.aws.testing.PollyStub;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Polly that throttles at Polly's quotas, on its own (PollyStub's options), speaking: each voice
 * is eSpeak NG at a level of its own ({@link StubSpeech}), or silence with {@code --silent}.
 *
 *   bench/polly-stub.sh [--port N] [--quotas neural=8,standard=80] [--latency-ms 40] [--ms-per-char 0.25] [--silent]
 */
public final class PollyStubServer {
  private PollyStubServer() {
  }

  public static void main(String[] args) throws Exception {
    int port = 0;
    Map<String, Double> quotas = new LinkedHashMap<>(PollyStub.QUOTAS);
    double latency = PollyStub.LATENCY_MS;
    double perChar = PollyStub.MS_PER_CHAR;
    boolean silent = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--silent" -> silent = true;
          case "--port" -> port = Integer.parseInt(args[++i]);
          case "--quotas" -> {
            for (String e : args[++i].split(",")) {
              String[] kv = e.split("=");
              quotas.put(kv[0].strip(), Double.parseDouble(kv[1].strip()));
            }
          }
          case "--latency-ms" -> latency = Double.parseDouble(args[++i]);
          case "--ms-per-char" -> perChar = Double.parseDouble(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
    } catch (RuntimeException e) {
      System.err.println("polly-stub: " + e.getMessage() + " (options: --port N --quotas engine=rate,..."
          + " --latency-ms MS --ms-per-char MS --silent)");
      System.exit(2);
    }
    FakePolly polly = PollyStub.start(port, quotas).withLatency(latency, perChar);
    if (!silent) {
      polly.withSpeech(new StubSpeech());
    }
    System.out.println("Polly stub at " + polly.endpoint() + " (quotas " + quotas + " per second, "
        + (silent ? "silent" : "speaking") + ")");
    Thread.currentThread().join();
  }
}
