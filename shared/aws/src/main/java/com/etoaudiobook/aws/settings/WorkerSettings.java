package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;

/** @param timeoutSeconds WORKER_TIMEOUT_SECONDS: the worker's timeout when no Lambda context says what is left */
@ConfigurationProperties("worker")
public record WorkerSettings(@Pattern(regexp = WholeNumber.PATTERN, message = WholeNumber.MESSAGE)
                             @DecimalMin("1") @DecimalMax("900") @Bindable(defaultValue = "120")
                             String timeoutSeconds) {
}
