package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;

/** @param maxBytes UPLOAD_MAX_BYTES: largest accepted upload */
@ConfigurationProperties("upload")
public record UploadSettings(@Pattern(regexp = WholeNumber.PATTERN, message = WholeNumber.MESSAGE)
                             @DecimalMin("1") @DecimalMax("5368709120") @Bindable(defaultValue = "20971520")
                             String maxBytes) {
}
