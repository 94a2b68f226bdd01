package com.etoaudiobook.inbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.etoaudiobook.aws.Metrics;
import com.etoaudiobook.job.inbox.Inbox;
import com.etoaudiobook.aws.wiring.LambdaContexts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** S3 ObjectCreated on inbox/ → a book and a job, with a small result object beside the file. */
public class InboxHandler extends MicronautRequestHandler<S3Event, String> {
  @Inject
  Inbox inbox;

  /**
   * Lambda's entry point: builds the function's bean graph from the environment, only the beans
   * this handler uses (no eager singletons: they doubled the init time).
   */
  public InboxHandler() {
    LambdaContexts.joinWarmUp(getApplicationContext());
  }

  /** Over a running bean graph (the local runtime's, a test's). */
  public InboxHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContexts.builderWithWarmUp();
  }

  @Override
  public String execute(S3Event event) {
    Context context = getApplicationContext().findBean(Context.class).orElse(null);
    return Metrics.around("inbox", context == null ? null : context.getAwsRequestId(), metrics -> {
      int handled = 0;
      for (var record : event.getRecords()) {
        // S3 event keys are URL-encoded, with '+' for spaces
        String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        Inbox.Result result = inbox.accept(key);
        if (result != null) {
          handled++;
          metrics.count("InboxFiles", 1, "Status", result.status());
          metrics.millis("InboxLatency", (System.nanoTime() - t0) / 1_000_000.0);
          if (!"accepted".equals(result.status())) {
            metrics.count("Failures", 1, "Reason", "inbox-" + result.reason());
          }
        }
      }
      return handled + " file(s) handled";
    });
  }
}
