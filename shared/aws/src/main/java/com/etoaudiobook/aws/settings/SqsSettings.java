package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** @param endpoint SQS_ENDPOINT: ElasticMQ locally (the clients then run in local mode); unset on AWS */
@ConfigurationProperties("sqs")
public record SqsSettings(@Nullable String endpoint) {
  public SqsSettings {
    Check.endpoint(endpoint, "SQS_ENDPOINT", "endpoint");
  }
}
