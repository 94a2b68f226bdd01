package com.etoaudiobook.aws.settings;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The checks the settings records make in their constructors, which Micronaut calls when it binds
 * them: a bad value stops start-up with the variable's name, the record component's, and the value.
 * Plain checks rather than Bean Validation: its validator was a fifth of a function's init time
 * (the API's own settings records use them too).
 */
public final class Check {
  private static final Pattern WHOLE = Pattern.compile("[0-9]{1,12}");
  private static final Pattern ENDPOINT = Pattern.compile("\\s*(https?://\\S+)?\\s*");

  private Check() {
  }

  /**
   * A whole number from {@code min} to {@code max}, kept as text: Micronaut, converting to a number
   * itself, would turn a value it cannot read into the default ("MAX_RECEIVE_COUNT=abc" as 5).
   */
  public static String wholeNumber(String value, long min, long max, String variable, String component) {
    if (value == null || !WHOLE.matcher(value).matches() || Long.parseLong(value) < min
        || Long.parseLong(value) > max) {
      throw invalid(variable, component, "must be a whole number from " + min + " to " + max, value);
    }
    return value;
  }

  /** A number Micronaut has bound (as a long) from {@code min} to {@code max}. */
  public static long range(long value, long min, long max, String variable, String component) {
    if (value < min || value > max) {
      throw invalid(variable, component, "must be from " + min + " to " + max, value);
    }
    return value;
  }

  /** A number from {@code min} to {@code max} with at most three decimals, or none (null or blank). */
  static String numberOrNone(String value, long min, long max, String what, String variable, String component) {
    if (value == null || value.isBlank()) {
      return value;
    }
    if (!value.matches("-?[0-9]{1,3}(\\.[0-9]{1,3})?") || new BigDecimal(value).compareTo(BigDecimal.valueOf(min)) < 0
        || new BigDecimal(value).compareTo(BigDecimal.valueOf(max)) > 0) {
      throw invalid(variable, component, "must be " + what + " from " + min + " to " + max, value);
    }
    return value;
  }

  /** The whole value matches {@code regex}; null passes (an unset setting). */
  static String matches(String value, String regex, String rule, String variable, String component) {
    if (value != null && !value.matches(regex)) {
      throw invalid(variable, component, rule, value);
    }
    return value;
  }

  /** An http(s) URL overriding a service's endpoint, or none (null or blank). */
  static String endpoint(String value, String variable, String component) {
    if (value != null && !ENDPOINT.matcher(value).matches()) {
      throw invalid(variable, component, "must be an http:// or https:// URL", value);
    }
    return value;
  }

  static String notBlank(String value, String variable, String component) {
    if (value == null || value.isBlank()) {
      throw invalid(variable, component, "must not be blank", value);
    }
    return value;
  }

  static IllegalArgumentException invalid(String variable, String component, String rule, Object value) {
    return new IllegalArgumentException(variable + " (" + component + ") " + rule + ", not '" + value + "'");
  }
}
