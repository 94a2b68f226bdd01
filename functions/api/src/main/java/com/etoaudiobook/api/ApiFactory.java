package com.etoaudiobook.api;

import com.etoaudiobook.aws.Services;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** On Lambda the services come from the environment; the local runtime registers its own. */
@Factory
class ApiFactory {
  @Singleton
  @Requires(missingBeans = Services.class)
  Services services() {
    return Services.fromEnvironment();
  }
}
