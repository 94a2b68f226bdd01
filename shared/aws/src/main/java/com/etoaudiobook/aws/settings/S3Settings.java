package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Pattern;

/** @param endpoint S3_ENDPOINT: S3Proxy locally (the clients then run in local mode); unset on AWS */
@ConfigurationProperties("s3")
public record S3Settings(@Nullable @Pattern(regexp = Endpoint.PATTERN, message = Endpoint.MESSAGE) String endpoint) {
}
