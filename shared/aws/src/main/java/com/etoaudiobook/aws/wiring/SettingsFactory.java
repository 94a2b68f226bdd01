package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.aws.AwsSettings;
import com.etoaudiobook.aws.Settings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The settings, read once from Micronaut's environment: on Lambda that is the environment
 * variables (Micronaut maps POLLY_ENGINE to polly.engine), in the local runtime and the tests the
 * properties the context was started with.
 */
@Factory
public class SettingsFactory {
  @Singleton
  Settings settings(Environment environment) {
    return Settings.from(variables(environment));
  }

  @Singleton
  AwsSettings awsSettings(Environment environment) {
    return AwsSettings.from(variables(environment));
  }

  /** A setting by its environment variable's name (DATA_BUCKET), as a property (data.bucket). */
  static UnaryOperator<String> variables(Environment environment) {
    return name -> environment.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'), String.class)
        .orElse(null);
  }
}
