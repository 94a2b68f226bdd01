package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/** @param bucket DATA_BUCKET: the data bucket */
@ConfigurationProperties("data")
public record DataSettings(@NotBlank @Bindable(defaultValue = "etoaudiobook-data") String bucket) {
}
