package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** @param origins ALLOWED_ORIGINS: origins the API accepts for CORS (comma-separated; "*" for any) */
@ConfigurationProperties("allowed")
public record OriginSettings(@Nullable List<String> origins) {
}
