package com.etoaudiobook.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;

/**
 * @param asyncBytes PARSE_ASYNC_BYTES: larger uploads are parsed by the inbox, away from the request
 *                   (whose deadline a whole ebook's PDF may pass), and answered 202. Bound as text
 *                   and checked: Micronaut would turn a value it cannot convert into the default.
 */
@ConfigurationProperties("parse")
record ParseSettings(@Pattern(regexp = "[0-9]{1,12}", message = "must be a whole number")
                     @DecimalMin("1") @DecimalMax("1073741824") @Bindable(defaultValue = "4194304") String asyncBytes) {
  long asyncByteCount() {
    return Long.parseLong(asyncBytes);
  }
}
