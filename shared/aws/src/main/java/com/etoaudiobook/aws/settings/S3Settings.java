package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** @param endpoint S3_ENDPOINT: S3Proxy locally (the clients then run in local mode); unset on AWS */
@ConfigurationProperties("s3")
public record S3Settings(@Nullable String endpoint) {
  public S3Settings {
    Check.endpoint(endpoint, "S3_ENDPOINT", "endpoint");
  }
}
