package com.etoaudiobook.aws.settings;

/** An endpoint override: an http(s) URL, or empty for the service's own. */
final class Endpoint {
  static final String PATTERN = "\\s*(https?://\\S+)?\\s*";
  static final String MESSAGE = "must be an http:// or https:// URL";

  private Endpoint() {
  }
}
