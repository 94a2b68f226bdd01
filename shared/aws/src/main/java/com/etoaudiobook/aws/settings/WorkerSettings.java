package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** @param timeoutSeconds WORKER_TIMEOUT_SECONDS: the worker's timeout when no Lambda context says what is left */
@ConfigurationProperties("worker")
public record WorkerSettings(@Bindable(defaultValue = "120") String timeoutSeconds) {
  public WorkerSettings {
    Check.wholeNumber(timeoutSeconds, 1, 900, "WORKER_TIMEOUT_SECONDS", "timeoutSeconds");
  }
}
