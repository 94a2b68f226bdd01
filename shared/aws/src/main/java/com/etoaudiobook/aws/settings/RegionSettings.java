package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Pattern;

/** @param region AWS_REGION: Lambda sets it; unset or empty means us-east-1 (the local emulators accept any) */
@ConfigurationProperties("aws")
public record RegionSettings(@Nullable @Pattern(regexp = "\\s*([a-z]{2}(-[a-z]+)+-[0-9]+)?\\s*",
                                                message = "must be an AWS region id such as eu-west-1")
                             String region) {
}
