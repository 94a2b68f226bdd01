package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** @param region AWS_REGION: Lambda sets it; unset or empty means us-east-1 (the local emulators accept any) */
@ConfigurationProperties("aws")
public record RegionSettings(@Nullable String region) {
  public RegionSettings {
    Check.matches(region, "\\s*([a-z]{2}(-[a-z]+)+-[0-9]+)?\\s*", "must be an AWS region id such as eu-west-1",
        "AWS_REGION", "region");
  }
}
