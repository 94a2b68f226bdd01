package com.etoaudiobook.aws;

import java.time.Duration;

/** Short-lived URLs that let a browser upload or download one object directly. */
public interface UrlSigner {
  /**
   * A URL for one PUT of exactly {@code size} bytes of {@code contentType}; the client must send
   * those Content-Type and Content-Length headers, which are part of the signature.
   */
  String putUrl(String key, String contentType, long size, Duration ttl);

  /** A URL for a GET; with a file name the response asks the browser to save it under that name. */
  String getUrl(String key, Duration ttl, String fileName);
}
