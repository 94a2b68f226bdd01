package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;

/**
 * @param queueUrl       SYNTHESIS_QUEUE_URL: queue of parts
 * @param maxConcurrency SYNTHESIS_MAX_CONCURRENCY: worker instances sharing the quota; each paces itself
 *                       at its share while the shared limiter (Redis) is unreachable
 */
@ConfigurationProperties("synthesis")
public record SynthesisSettings(@Nullable String queueUrl,
                                @Pattern(regexp = WholeNumber.PATTERN, message = WholeNumber.MESSAGE)
                                @DecimalMin("1") @DecimalMax("10000") @Bindable(defaultValue = "1")
                                String maxConcurrency) {
}
