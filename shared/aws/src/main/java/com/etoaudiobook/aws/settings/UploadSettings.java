package com.etoaudiobook.aws.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** @param maxBytes UPLOAD_MAX_BYTES: largest accepted upload */
@ConfigurationProperties("upload")
public record UploadSettings(@Bindable(defaultValue = "20971520") String maxBytes) {
  public UploadSettings {
    Check.wholeNumber(maxBytes, 1, 5_368_709_120L, "UPLOAD_MAX_BYTES", "maxBytes");
  }
}
