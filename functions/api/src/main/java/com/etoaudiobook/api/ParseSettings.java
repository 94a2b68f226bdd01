package com.etoaudiobook.api;

import com.etoaudiobook.aws.settings.Check;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param asyncBytes PARSE_ASYNC_BYTES: larger uploads are parsed by the inbox, away from the request
 *                   (whose deadline a whole ebook's PDF may pass), and answered 202. Bound as text
 *                   and checked: Micronaut would turn a value it cannot convert into the default.
 */
@ConfigurationProperties("parse")
record ParseSettings(@Bindable(defaultValue = "4194304") String asyncBytes) {
  ParseSettings {
    Check.wholeNumber(asyncBytes, 1, 1_073_741_824, "PARSE_ASYNC_BYTES", "asyncBytes");
  }

  long asyncByteCount() {
    return Long.parseLong(asyncBytes);
  }
}
