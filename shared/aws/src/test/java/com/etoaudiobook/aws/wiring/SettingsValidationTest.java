package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.aws.AwsSettings;
import com.etoaudiobook.audio.LoudnessTarget;
import com.etoaudiobook.aws.Settings;
import com.etoaudiobook.aws.settings.LoudnessSettings;
import com.etoaudiobook.job.synthesis.CachedSynthesis;
import com.etoaudiobook.aws.settings.HeavyWorkSettings;
import com.etoaudiobook.aws.settings.MetricsSettings;
import com.etoaudiobook.aws.settings.PriceSettings;
import com.etoaudiobook.job.pricing.Pricing;
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
      "MAX_RECEIVE_COUNT|abc|MAX_RECEIVE_COUNT (receiveCount) must be a whole number from 1 to 1000, not 'abc'",
      "MAX_RECEIVE_COUNT|0|MAX_RECEIVE_COUNT (receiveCount)",
      "SYNTHESIS_MAX_CONCURRENCY|-1|SYNTHESIS_MAX_CONCURRENCY (maxConcurrency)",
      "WORKER_TIMEOUT_SECONDS|100000|WORKER_TIMEOUT_SECONDS (timeoutSeconds)",
      "UPLOAD_MAX_BYTES|lots|UPLOAD_MAX_BYTES (maxBytes)",
      "SPEECH_PROVIDER|festival|SPEECH_PROVIDER (provider) must be polly or espeak",
      "POLLY_ENGINE|turbo|POLLY_ENGINE (engine)",
      "POLLY_LEXICONS|a,b,c,d,e,f|POLLY_LEXICONS (lexicons) must name at most 5",
      "REDIS_URL|localhost:6379|REDIS_URL (url)",
      "DATA_BUCKET|' '|DATA_BUCKET (bucket) must not be blank",
      "PRICES|neural=free|PRICES entry 'neural=free' has no valid number"})
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
      "METRICS_ENABLED|maybe|METRICS_ENABLED (enabled)|com.etoaudiobook.aws.settings.MetricsSettings",
      "ETOAUDIOBOOK_HEAVY_WORK_THREADS|0|ETOAUDIOBOOK_HEAVY_WORK_THREADS (threads)|com.etoaudiobook.aws.settings.HeavyWorkSettings",
      "ETOAUDIOBOOK_HEAVY_WORK_DEADLINE_SECONDS|soon|ETOAUDIOBOOK_HEAVY_WORK_DEADLINE_SECONDS (deadlineSeconds)|com.etoaudiobook.aws.settings.HeavyWorkSettings",
      "AWS_REGION|Europe|AWS_REGION (region)|com.etoaudiobook.aws.AwsSettings",
      "S3_ENDPOINT|localhost:9000|S3_ENDPOINT (endpoint)|com.etoaudiobook.aws.AwsSettings",
      "SQS_ENDPOINT|sqs here|SQS_ENDPOINT (endpoint)|com.etoaudiobook.aws.AwsSettings",
      "POLLY_ENDPOINT|ftp://polly|POLLY_ENDPOINT (endpoint)|com.etoaudiobook.aws.AwsSettings",
      "LOUDNESS_TARGET_LUFS|loud|LOUDNESS_TARGET_LUFS (targetLufs)|com.etoaudiobook.job.synthesis.CachedSynthesis",
      "LOUDNESS_TARGET_LUFS|-50|LOUDNESS_TARGET_LUFS (targetLufs) must be a number of LUFS such as -18 from -40 to -5|com.etoaudiobook.aws.settings.LoudnessSettings"})
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

  /** PRICES has a record of its own, bound by the variable's whole name; the estimate's prices come from it. */
  @Test
  void thePricesSettingIsARecordThatPricingReads() {
    try (ApplicationContext beans = BeanGraph.start(Map.of("PRICES", "neural=20, Standard=3"))) {
      assertEquals(Map.of("neural", 20.0, "standard", 3.0), beans.getBean(PriceSettings.class).table());
      assertEquals(20.0, beans.getBean(Pricing.class).usdPerMillion().get("neural"));
    }
    try (ApplicationContext beans = BeanGraph.start(Map.of())) {
      assertEquals(Map.of(), beans.getBean(PriceSettings.class).table(), "the list prices alone");
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
