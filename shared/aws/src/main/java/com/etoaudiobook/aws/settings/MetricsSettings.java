package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param enabled METRICS_ENABLED: whether {@code GET /metrics} answers; on locally, off on AWS
 *                (template.yaml), where the route is public. Bound as text and checked: Micronaut
 *                would read any other word as false.
 */
@ConfigurationProperties("metrics")
public record MetricsSettings(@Bindable(defaultValue = "true") String enabled) {
  public MetricsSettings {
    Check.matches(enabled, "(?i)\\s*(true|false)\\s*", "must be true or false", "METRICS_ENABLED", "enabled");
  }

  public boolean on() {
    return Boolean.parseBoolean(enabled.strip());
  }
}
