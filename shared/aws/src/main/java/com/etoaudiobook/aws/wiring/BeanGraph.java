package com.etoaudiobook.aws.wiring;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.PropertySource;

import java.util.Map;

/**
 * Starts the functions' bean graph outside Lambda (the local runtime, the CLI, tests, benchmarks)
 * with settings given as Lambda gives them: environment variables by name (DATA_BUCKET), which
 * Micronaut maps to properties (data.bucket) over those of this process's environment.
 */
public final class BeanGraph {
  private BeanGraph() {
  }

  /**
   * @param variables  settings by environment variable name
   * @param singletons beans given ready-made (an engine, a store, a queue), which the factories then do not build
   */
  public static ApplicationContextBuilder builder(Map<String, ?> variables, Object... singletons) {
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) variables;
    return ApplicationContext.builder().singletons(singletons)
        .propertySources(PropertySource.of("variables", values, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));
  }

  public static ApplicationContext start(Map<String, ?> variables, Object... singletons) {
    return builder(variables, singletons).start();
  }
}
