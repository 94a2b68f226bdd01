package com.etoaudiobook.api;

import com.etoaudiobook.aws.wiring.ShadedJarServices;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The API's Lambda handler: Micronaut's HTTP API (payload 2.0) function, with its service lists
 * read from the shaded jar ({@link ShadedJarServices}) before the context is built.
 */
public class ApiFunction extends APIGatewayV2HTTPEventFunction {
  /** Lambda's entry point: builds the API's bean graph from the environment. */
  public ApiFunction() {
  }

  /** Over a running bean graph (a test's). */
  public ApiFunction(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    ShadedJarServices.install(getClass());
    return super.newApplicationContextBuilder();
  }
}
