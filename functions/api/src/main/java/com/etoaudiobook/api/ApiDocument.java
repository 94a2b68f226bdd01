package com.etoaudiobook.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * Names the OpenAPI document micronaut-openapi generates from the controllers at compile time
 * (META-INF/swagger/etoaudiobook-1.0.0.yml); docs/openapi.yml is its checked-in copy.
 */
@OpenAPIDefinition(info = @Info(title = "etoaudiobook", version = HealthController.VERSION,
    description = "EtoAudioBook HTTP API: see docs/API.md. Errors are application/problem+json (Problem.Details)."))
final class ApiDocument {
  private ApiDocument() {
  }
}
