package com.etoaudiobook.worker;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The handler built as Lambda builds it (the no-argument constructor, settings from the process's
 * environment, here system properties): its init warm-up runs beside Micronaut's start and is
 * joined before the constructor returns.
 */
class LambdaInitTest {
  static final Map<String, String> SETTINGS = Map.of("speech.provider", "espeak", "data.bucket", "b",
      "synthesis.queue-url", "http://127.0.0.1:9/q/s", "assembly.queue-url", "http://127.0.0.1:9/q/a",
      "s3.endpoint", "http://127.0.0.1:9", "sqs.endpoint", "http://127.0.0.1:9", "aws.region", "us-east-1");

  @Test
  void theHandlerInitsWithItsWarmUp() throws Exception {
    SETTINGS.forEach(System::setProperty);
    try (SynthesisWorkerHandler handler = new SynthesisWorkerHandler()) {
      assertNotNull(handler.batch);
    } finally {
      SETTINGS.keySet().forEach(System::clearProperty);
    }
  }
}
