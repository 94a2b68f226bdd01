package com.etoaudiobook.api;

import com.etoaudiobook.aws.wiring.LambdaContexts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The API's Lambda handler: Micronaut's HTTP API (payload 2.0) function. The template names this
 * class rather than Micronaut's, so the handler's name is the project's own.
 */
public class ApiFunction extends APIGatewayV2HTTPEventFunction {
  /** Lambda's entry point: builds the API's bean graph from the environment. */
  public ApiFunction() {
    LambdaContexts.joinWarmUp(getApplicationContext());
  }

  /** Over a running bean graph (a test's). */
  public ApiFunction(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    // the SDK clients' TLS set-up and classes while Micronaut starts, given a second CPU
    return LambdaContexts.withWarmUp(super.newApplicationContextBuilder());
  }
}
