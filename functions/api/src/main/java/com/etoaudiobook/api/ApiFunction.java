package com.etoaudiobook.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The API's Lambda handler: Micronaut's HTTP API (payload 2.0) function. The template names this
 * class rather than Micronaut's, so the handler's name is the project's own.
 */
public class ApiFunction extends APIGatewayV2HTTPEventFunction {
  /** Lambda's entry point: builds the API's bean graph from the environment. */
  public ApiFunction() {
  }

  /** Over a running bean graph (a test's). */
  public ApiFunction(ApplicationContext context) {
    super(context);
  }
}
