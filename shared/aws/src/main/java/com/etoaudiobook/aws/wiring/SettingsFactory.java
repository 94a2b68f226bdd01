package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.aws.AwsSettings;
import com.etoaudiobook.aws.Settings;
import com.etoaudiobook.aws.settings.AssemblySettings;
import com.etoaudiobook.aws.settings.DataSettings;
import com.etoaudiobook.aws.settings.PollySettings;
import com.etoaudiobook.aws.settings.PriceSettings;
import com.etoaudiobook.aws.settings.QueueSettings;
import com.etoaudiobook.aws.settings.RedisSettings;
import com.etoaudiobook.aws.settings.RegionSettings;
import com.etoaudiobook.aws.settings.S3Settings;
import com.etoaudiobook.aws.settings.SpeechSettings;
import com.etoaudiobook.aws.settings.SqsSettings;
import com.etoaudiobook.aws.settings.SynthesisSettings;
import com.etoaudiobook.aws.settings.UploadSettings;
import com.etoaudiobook.aws.settings.WorkerSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The settings the functions share, from the validated records of {@code aws.settings} (on Lambda
 * the environment variables, in the local runtime and the tests the properties the context was
 * started with), gathered in one {@link Settings} for the code that reads several.
 */
@Factory
public class SettingsFactory {
  @Singleton
  Settings settings(DataSettings data, SynthesisSettings synthesis, AssemblySettings assembly, SpeechSettings speech,
                    PollySettings polly, QueueSettings queue, UploadSettings upload,
                    RedisSettings redis, WorkerSettings worker, PriceSettings prices) {
    return new Settings(data.bucket(), synthesis.queueUrl(), assembly.queueUrl(), speech.provider(), polly.engine(),
        Integer.parseInt(queue.receiveCount()), Long.parseLong(upload.maxBytes()), redis.url(), polly.lexicons(),
        prices.table(),
        Settings.quotas(polly.quotas()), Integer.parseInt(synthesis.maxConcurrency()),
        Integer.parseInt(worker.timeoutSeconds()));
  }

  /**
   * Where the AWS clients point, from the validated AWS_REGION, S3_ENDPOINT, SQS_ENDPOINT and
   * POLLY_ENDPOINT (Lambda sets the region); static keys for local emulators are read by name.
   */
  @Singleton
  AwsSettings awsSettings(RegionSettings aws, S3Settings s3, SqsSettings sqs, PollySettings polly,
                          Environment environment) {
    Map<String, String> given = new HashMap<>();
    given.put("AWS_REGION", aws.region() == null ? null : aws.region().strip());
    given.put("S3_ENDPOINT", s3.endpoint());
    given.put("SQS_ENDPOINT", sqs.endpoint());
    given.put("POLLY_ENDPOINT", polly.endpoint());
    return AwsSettings.from(name -> given.containsKey(name) ? given.get(name)
        : environment.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'), String.class).orElse(null));
  }
}
