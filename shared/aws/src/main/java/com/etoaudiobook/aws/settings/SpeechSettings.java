package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Pattern;

/** @param provider SPEECH_PROVIDER: "polly" or "espeak" */
@ConfigurationProperties("speech")
public record SpeechSettings(@Pattern(regexp = "polly|espeak", message = "must be polly or espeak")
                             @Bindable(defaultValue = "polly") String provider) {
}
