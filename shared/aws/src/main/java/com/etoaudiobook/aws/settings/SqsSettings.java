package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Pattern;

/** @param endpoint SQS_ENDPOINT: ElasticMQ locally (the clients then run in local mode); unset on AWS */
@ConfigurationProperties("sqs")
public record SqsSettings(@Nullable @Pattern(regexp = Endpoint.PATTERN, message = Endpoint.MESSAGE) String endpoint) {
}
