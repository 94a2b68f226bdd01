package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;

/**
 * The API's pool for documents parsed and speech synthesized within a request.
 *
 * @param threads              at most this many documents at once
 * @param queue                how many may wait for a thread
 * @param parseDeadlineSeconds any accepted file parses well within it
 * @param deadlineSeconds      synthesis; API Gateway gives a request 30 s
 */
@ConfigurationProperties("etoaudiobook.heavy-work")
public record HeavyWorkSettings(@Pattern(regexp = WholeNumber.PATTERN, message = WholeNumber.MESSAGE)
                                @DecimalMin("1") @DecimalMax("64") @Bindable(defaultValue = "2") String threads,
                                @Pattern(regexp = WholeNumber.PATTERN, message = WholeNumber.MESSAGE)
                                @DecimalMin("1") @DecimalMax("10000") @Bindable(defaultValue = "16") String queue,
                                @Pattern(regexp = WholeNumber.PATTERN, message = WholeNumber.MESSAGE)
                                @DecimalMin("1") @DecimalMax("900") @Bindable(defaultValue = "10")
                                String parseDeadlineSeconds,
                                @Pattern(regexp = WholeNumber.PATTERN, message = WholeNumber.MESSAGE)
                                @DecimalMin("1") @DecimalMax("900") @Bindable(defaultValue = "20")
                                String deadlineSeconds) {
}
