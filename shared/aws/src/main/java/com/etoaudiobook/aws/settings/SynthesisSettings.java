package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param queueUrl       SYNTHESIS_QUEUE_URL: queue of parts
 * @param maxConcurrency SYNTHESIS_MAX_CONCURRENCY: worker instances sharing the quota; each paces itself
 *                       at its share while the shared limiter (Redis) is unreachable
 */
@ConfigurationProperties("synthesis")
public record SynthesisSettings(@Nullable String queueUrl, @Bindable(defaultValue = "1") String maxConcurrency) {
  public SynthesisSettings {
    Check.wholeNumber(maxConcurrency, 1, 10_000, "SYNTHESIS_MAX_CONCURRENCY", "maxConcurrency");
  }
}
