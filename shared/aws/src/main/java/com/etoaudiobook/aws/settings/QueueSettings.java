package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param receiveCount MAX_RECEIVE_COUNT: the synthesis queue's redrive maxReceiveCount (the worker
 *                     records a part as failed for good on the last receive)
 */
@ConfigurationProperties("max")
public record QueueSettings(@Bindable(defaultValue = "5") String receiveCount) {
  public QueueSettings {
    Check.wholeNumber(receiveCount, 1, 1000, "MAX_RECEIVE_COUNT", "receiveCount");
  }
}
