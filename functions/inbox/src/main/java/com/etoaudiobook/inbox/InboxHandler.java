package com.etoaudiobook.inbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.etoaudiobook.aws.Metrics;
import com.etoaudiobook.aws.Services;
import com.etoaudiobook.job.inbox.Inbox;


import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** S3 ObjectCreated on inbox/ → a book and a job, with a small result object beside the file. */
public final class InboxHandler implements RequestHandler<S3Event, String> {
  private final Inbox inbox;

  public InboxHandler() {
    this(Services.fromEnvironment());
  }

  public InboxHandler(Services services) {
    this.inbox = services.inbox();
  }

  @Override
  public String handleRequest(S3Event event, Context context) {
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
