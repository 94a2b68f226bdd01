package com.etoaudiobook.aws.settings;

/**
 * Numbers are bound as text and checked by pattern and range: a value Micronaut cannot convert to
 * a number would otherwise silently become the default ("MAX_RECEIVE_COUNT=abc" as 5).
 */
final class WholeNumber {
  static final String PATTERN = "[0-9]{1,12}";
  static final String MESSAGE = "must be a whole number";

  private WholeNumber() {
  }
}
