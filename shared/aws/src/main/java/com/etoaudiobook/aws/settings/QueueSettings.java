package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;

/**
 * @param receiveCount MAX_RECEIVE_COUNT: the synthesis queue's redrive maxReceiveCount (the worker
 *                     records a part as failed for good on the last receive)
 */
@ConfigurationProperties("max")
public record QueueSettings(@Pattern(regexp = WholeNumber.PATTERN, message = WholeNumber.MESSAGE)
                            @DecimalMin("1") @DecimalMax("1000") @Bindable(defaultValue = "5") String receiveCount) {
}
