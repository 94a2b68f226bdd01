package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** @param provider SPEECH_PROVIDER: "polly" or "espeak" */
@ConfigurationProperties("speech")
public record SpeechSettings(@Bindable(defaultValue = "polly") String provider) {
  public SpeechSettings {
    Check.matches(provider, "polly|espeak", "must be polly or espeak", "SPEECH_PROVIDER", "provider");
  }
}
