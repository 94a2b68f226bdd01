package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The API's pool for documents parsed and speech synthesized within a request.
 *
 * @param threads              at most this many documents at once
 * @param queue                how many may wait for a thread
 * @param parseDeadlineSeconds any accepted file parses well within it
 * @param deadlineSeconds      synthesis; API Gateway gives a request 30 s
 */
@ConfigurationProperties("etoaudiobook.heavy-work")
public record HeavyWorkSettings(@Bindable(defaultValue = "2") String threads,
                                @Bindable(defaultValue = "16") String queue,
                                @Bindable(defaultValue = "10") String parseDeadlineSeconds,
                                @Bindable(defaultValue = "20") String deadlineSeconds) {
  private static final String VARIABLE = "ETOAUDIOBOOK_HEAVY_WORK_";

  public HeavyWorkSettings {
    Check.wholeNumber(threads, 1, 64, VARIABLE + "THREADS", "threads");
    Check.wholeNumber(queue, 1, 10_000, VARIABLE + "QUEUE", "queue");
    Check.wholeNumber(parseDeadlineSeconds, 1, 900, VARIABLE + "PARSE_DEADLINE_SECONDS", "parseDeadlineSeconds");
    Check.wholeNumber(deadlineSeconds, 1, 900, VARIABLE + "DEADLINE_SECONDS", "deadlineSeconds");
  }
}
