package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** @param queueUrl ASSEMBLY_QUEUE_URL: queue of assembly requests */
@ConfigurationProperties("assembly")
public record AssemblySettings(@Nullable String queueUrl) {
}
