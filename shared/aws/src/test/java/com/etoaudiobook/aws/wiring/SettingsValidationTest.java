package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.aws.AwsSettings;
import com.etoaudiobook.audio.LoudnessTarget;
import com.etoaudiobook.aws.Settings;
import com.etoaudiobook.aws.settings.LoudnessSettings;
import com.etoaudiobook.job.synthesis.CachedSynthesis;
import com.etoaudiobook.aws.settings.HeavyWorkSettings;
import com.etoaudiobook.aws.settings.MetricsSettings;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings come from environment variables through the records of aws.settings, validated when read. */
class SettingsValidationTest {
  @Test
  void environmentVariablesBecomeTheSettings() {
    try (ApplicationContext beans = BeanGraph.start(Map.of("DATA_BUCKET", "b1", "SYNTHESIS_QUEUE_URL", "http://q/s",
        "ASSEMBLY_QUEUE_URL", "http://q/a", "SPEECH_PROVIDER", "espeak", "POLLY_ENGINE", "standard",
        "MAX_RECEIVE_COUNT", "3", "UPLOAD_MAX_BYTES", "1000",
        "POLLY_LEXICONS", "names, places", "PRICES", "neural=20"))) {
      Settings s = beans.getBean(Settings.class);
      assertEquals("b1", s.bucket());
      assertEquals("http://q/s", s.synthesisQueueUrl());
      assertEquals("http://q/a", s.assemblyQueueUrl());
      assertEquals("espeak", s.speechProvider());
      assertEquals("standard", s.pollyEngine());
      assertEquals(3, s.maxReceiveCount());
      assertEquals(1000, s.uploadMaxBytes());
      assertEquals(List.of("names", "places"), s.pollyLexicons());
      assertEquals(20.0, s.prices().get("neural"));
      assertEquals(120, s.workerTimeoutSeconds(), "the default");
    }
  }

  /** A bad value stops the graph from being built, and the message names the setting. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "MAX_RECEIVE_COUNT|abc|receiveCount",
      "MAX_RECEIVE_COUNT|0|receiveCount",
      "SYNTHESIS_MAX_CONCURRENCY|-1|maxConcurrency",
      "WORKER_TIMEOUT_SECONDS|100000|timeoutSeconds",
      "UPLOAD_MAX_BYTES|lots|maxBytes",
      "SPEECH_PROVIDER|festival|provider",
      "POLLY_ENGINE|turbo|engine",
      "REDIS_URL|localhost:6379|url",
      "PRICES|neural=free|PRICES"})
  void anInvalidSettingStopsStartUpNamingIt(String variable, String value, String named) {
    try (ApplicationContext beans = BeanGraph.start(Map.of(variable, value))) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> beans.getBean(Settings.class));
      String message = SettingsError.describe(e);
      assertTrue(message.contains(named), message);
    }
  }

  /** The records read by some beans alone (the API's, the AWS clients'): each validated when its bean is made. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "METRICS_ENABLED|maybe|enabled|com.etoaudiobook.aws.settings.MetricsSettings",
      "ETOAUDIOBOOK_HEAVY_WORK_THREADS|0|threads|com.etoaudiobook.aws.settings.HeavyWorkSettings",
      "ETOAUDIOBOOK_HEAVY_WORK_DEADLINE_SECONDS|soon|deadlineSeconds|com.etoaudiobook.aws.settings.HeavyWorkSettings",
      "AWS_REGION|Europe|region|com.etoaudiobook.aws.AwsSettings",
      "S3_ENDPOINT|localhost:9000|endpoint|com.etoaudiobook.aws.AwsSettings",
      "SQS_ENDPOINT|sqs here|endpoint|com.etoaudiobook.aws.AwsSettings",
      "POLLY_ENDPOINT|ftp://polly|endpoint|com.etoaudiobook.aws.AwsSettings",
      "LOUDNESS_TARGET_LUFS|loud|targetLufs|com.etoaudiobook.job.synthesis.CachedSynthesis",
      "LOUDNESS_TARGET_LUFS|-50|targetLufs|com.etoaudiobook.aws.settings.LoudnessSettings"})
  void anInvalidSettingOfARecordStopsItsBeanNamingIt(String variable, String value, String named, Class<?> record) {
    try (ApplicationContext beans = BeanGraph.start(Map.of(variable, value))) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> beans.getBean(record));
      String message = SettingsError.describe(e);
      assertTrue(message.contains(named), message);
    }
  }

  @Test
  void theApiRecordsTakeTheirDefaultsAndValues() {
    try (ApplicationContext beans = BeanGraph.start(Map.of("METRICS_ENABLED", "false",
        "ETOAUDIOBOOK_HEAVY_WORK_THREADS", "3"))) {
      assertEquals(false, beans.getBean(MetricsSettings.class).on());
      HeavyWorkSettings heavy = beans.getBean(HeavyWorkSettings.class);
      assertEquals(List.of("3", "16", "10", "20"),
          List.of(heavy.threads(), heavy.queue(), heavy.parseDeadlineSeconds(), heavy.deadlineSeconds()));
    }
    try (ApplicationContext beans = BeanGraph.start(Map.of())) {
      assertTrue(beans.getBean(MetricsSettings.class).on(), "on unless turned off");
    }
  }

  @Test
  void theAwsClientsPointWhereTheEndpointSettingsSay() {
    try (ApplicationContext beans = BeanGraph.start(Map.of("AWS_REGION", "eu-west-1",
        "S3_ENDPOINT", "http://127.0.0.1:9000", "POLLY_ENDPOINT", " http://127.0.0.1:9001 "))) {
      AwsSettings aws = beans.getBean(AwsSettings.class);
      assertEquals("eu-west-1", aws.region());
      assertEquals(URI.create("http://127.0.0.1:9000"), aws.s3Endpoint());
      assertEquals(URI.create("http://127.0.0.1:9001"), aws.pollyEndpoint());
      assertTrue(aws.local(), "an S3 endpoint means the local emulators");
    }
  }

  /** The planner and the workers get the same target, so a key the planner computes names what a worker makes. */
  @Test
  void theLoudnessTargetReachesTheCacheKeys() {
    try (ApplicationContext beans = BeanGraph.start(Map.of("LOUDNESS_TARGET_LUFS", "-16"))) {
      assertEquals(LoudnessTarget.ofLufs(-16), beans.getBean(LoudnessSettings.class).target());
      assertEquals(-16.0, beans.getBean(CachedSynthesis.class).loudness().target().lufs());
    }
  }
}
