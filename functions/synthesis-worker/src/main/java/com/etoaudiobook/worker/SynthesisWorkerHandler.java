package com.etoaudiobook.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.etoaudiobook.aws.SynthesisBatch;
import com.etoaudiobook.aws.wiring.LambdaContexts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/** SQS → one part per message; {@link SynthesisBatch} processes the batch and says which messages go back. */
public class SynthesisWorkerHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
  @Inject
  SynthesisBatch batch;

  /**
   * Lambda's entry point: builds the function's bean graph from the environment, only the beans
   * this handler uses (no eager singletons: they doubled the init time).
   */
  public SynthesisWorkerHandler() {
    LambdaContexts.joinWarmUp(getApplicationContext());
  }

  /** Over a running bean graph (the local runtime's, a test's). */
  public SynthesisWorkerHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContexts.builderWithWarmUp();
  }

  @Override
  public SQSBatchResponse execute(SQSEvent event) {
    Context context = getApplicationContext().findBean(Context.class).orElse(null);
    return context == null ? batch.process(event)
        : batch.process(event, context.getRemainingTimeInMillis(), context.getAwsRequestId());
  }
}
