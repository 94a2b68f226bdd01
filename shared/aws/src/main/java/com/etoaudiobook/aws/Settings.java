package com.etoaudiobook.aws;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Every setting the functions read, from environment variables (template.yaml sets them in AWS;
 * the local runtime sets them for its embedded services).
 *
 * @param bucket            data bucket
 * @param synthesisQueueUrl queue of parts
 * @param assemblyQueueUrl  queue of assembly requests
 * @param speechProvider    "polly" or "espeak"
 * @param pollyEngine       default Polly engine for voices that support several
 * @param maxReceiveCount   the synthesis queue's redrive maxReceiveCount
 * @param uploadMaxBytes    largest accepted upload
 * @param allowedOrigins    CORS origins
 * @param redisUrl          shared cache, or null
 */
public record Settings(String bucket, String synthesisQueueUrl, String assemblyQueueUrl, String speechProvider,
                       String pollyEngine, int maxReceiveCount, long uploadMaxBytes, List<String> allowedOrigins,
                       String redisUrl) {
  public static Settings fromEnvironment() {
    return from(System::getenv);
  }

  /** Reads the settings through {@code env} (environment variables by name). */
  public static Settings from(UnaryOperator<String> env) {
    return new Settings(
        or(env.apply("DATA_BUCKET"), "etoaudiobook-data"),
        env.apply("SYNTHESIS_QUEUE_URL"),
        env.apply("ASSEMBLY_QUEUE_URL"),
        or(env.apply("SPEECH_PROVIDER"), "polly"),
        or(env.apply("POLLY_ENGINE"), "neural"),
        Integer.parseInt(or(env.apply("MAX_RECEIVE_COUNT"), "5")),
        Long.parseLong(or(env.apply("UPLOAD_MAX_BYTES"), "20971520")),
        Arrays.stream(or(env.apply("ALLOWED_ORIGINS"), "").split(",")).map(String::strip)
            .filter(s -> !s.isEmpty()).toList(),
        blankToNull(env.apply("REDIS_URL")));
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
