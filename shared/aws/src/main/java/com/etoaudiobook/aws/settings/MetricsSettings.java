package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Pattern;

/**
 * @param enabled METRICS_ENABLED: whether {@code GET /metrics} answers; on locally, off on AWS
 *                (template.yaml), where the route is public. Text checked by pattern: Micronaut would
 *                read any other word as false.
 */
@ConfigurationProperties("metrics")
public record MetricsSettings(@Pattern(regexp = "(?i)\\s*(true|false)\\s*", message = "must be true or false")
                              @Bindable(defaultValue = "true") String enabled) {
  public boolean on() {
    return Boolean.parseBoolean(enabled.strip());
  }
}
