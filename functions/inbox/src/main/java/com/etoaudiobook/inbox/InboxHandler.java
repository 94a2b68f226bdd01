package com.etoaudiobook.inbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.etoaudiobook.aws.Services;
import com.etoaudiobook.job.Inbox;

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
    int handled = 0;
    for (var record : event.getRecords()) {
      // S3 event keys are URL-encoded, with '+' for spaces
      String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
      if (inbox.accept(key) != null) {
        handled++;
      }
    }
    return handled + " file(s) handled";
  }
}
