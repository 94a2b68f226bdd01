package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;

/**
 * @param engine   POLLY_ENGINE: default engine for voices that support several
 * @param lexicons POLLY_LEXICONS: lexicons applied to every request (comma-separated, at most 5)
 * @param quotas   POLLY_QUOTAS: SynthesizeSpeech calls per second by engine over Polly's defaults
 *                 ("neural=8,standard=80")
 * @param endpoint POLLY_ENDPOINT: a stand-in server in tests; unset on AWS
 */
@ConfigurationProperties("polly")
public record PollySettings(@Bindable(defaultValue = "neural") String engine,
                            @Nullable List<String> lexicons,
                            @Nullable String quotas,
                            @Nullable String endpoint) {
  /** Polly applies at most five lexicons to a request. */
  static final int MAX_LEXICONS = 5;

  public PollySettings {
    Check.matches(engine, "standard|neural|long-form|generative",
        "must be standard, neural, long-form or generative", "POLLY_ENGINE", "engine");
    if (lexicons != null && lexicons.size() > MAX_LEXICONS) {
      throw Check.invalid("POLLY_LEXICONS", "lexicons", "must name at most " + MAX_LEXICONS + " lexicons", lexicons);
    }
    Check.endpoint(endpoint, "POLLY_ENDPOINT", "endpoint");
  }
}
