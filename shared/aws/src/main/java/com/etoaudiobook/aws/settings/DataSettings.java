package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** @param bucket DATA_BUCKET: the data bucket */
@ConfigurationProperties("data")
public record DataSettings(@Bindable(defaultValue = "etoaudiobook-data") String bucket) {
  public DataSettings {
    Check.notBlank(bucket, "DATA_BUCKET", "bucket");
  }
}
