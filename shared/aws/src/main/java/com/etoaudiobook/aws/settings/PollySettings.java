package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * @param engine   POLLY_ENGINE: default engine for voices that support several
 * @param lexicons POLLY_LEXICONS: lexicons applied to every request (comma-separated, at most 5)
 * @param quotas   POLLY_QUOTAS: SynthesizeSpeech calls per second by engine over Polly's defaults
 *                 ("neural=8,standard=80")
 * @param endpoint POLLY_ENDPOINT: a stand-in server in tests; unset on AWS
 */
@ConfigurationProperties("polly")
public record PollySettings(@Pattern(regexp = "standard|neural|long-form|generative",
                                     message = "must be standard, neural, long-form or generative")
                            @Bindable(defaultValue = "neural") String engine,
                            @Nullable @Size(max = 5) List<String> lexicons,
                            @Nullable String quotas,
                            @Nullable @Pattern(regexp = Endpoint.PATTERN, message = Endpoint.MESSAGE) String endpoint) {
}
