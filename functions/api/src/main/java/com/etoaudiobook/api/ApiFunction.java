package com.etoaudiobook.api;

import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.aws.AwsClients;
import com.etoaudiobook.aws.wiring.InitWarmUp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The API's Lambda handler: Micronaut's HTTP API (payload 2.0) function. The template names this
 * class rather than Micronaut's, so the handler's name is the project's own.
 */
public class ApiFunction extends APIGatewayV2HTTPEventFunction {
  /** Set while the context is built (no initializer: that would clear it after the super constructor). */
  private InitWarmUp warmUp;

  /** Lambda's entry point: builds the API's bean graph from the environment. */
  public ApiFunction() {
    warmUp.join();
  }

  /** Over a running bean graph (a test's). */
  public ApiFunction(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    // the SDK clients' TLS and classes, and LAME (previews are encoded), while Micronaut starts
    warmUp = InitWarmUp.start(AwsClients::warmUp, Mp3Encoder.Backend::best);
    return super.newApplicationContextBuilder();
  }
}
