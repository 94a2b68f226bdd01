package com.etoaudiobook.aws.wiring;

import io.micronaut.core.convert.exceptions.ConversionErrorException;

/** What a user needs to hear of a bad setting, out of the bean graph's exception chain. */
public final class SettingsError {
  /** Bean Validation's line for a record that failed a constraint (the API's own records use it). */
  private static final java.util.regex.Pattern VIOLATION = java.util.regex.Pattern.compile(
      "\\.(\\w+Settings\\.\\w+) - ([^\\n]+)");
  private SettingsError() {
  }

  /**
   * The check, constraint or conversion that failed, with the setting's name; else the innermost
   * message. The records of aws.settings throw an {@code IllegalArgumentException} naming the variable.
   */
  public static String describe(Throwable error) {
    // a record that failed its constraints: "...ParseSettings.asyncBytes - must be ..."
    java.util.Map<String, java.util.Set<String>> violations = new java.util.LinkedHashMap<>();
    for (Throwable t = error; t != null; t = t.getCause()) {
      java.util.regex.Matcher m = VIOLATION.matcher(String.valueOf(t.getMessage()));
      while (m.find()) {
        violations.computeIfAbsent(m.group(1), k -> new java.util.LinkedHashSet<>()).add(m.group(2).strip());
      }
    }
    if (!violations.isEmpty()) {
      return "invalid setting: " + String.join("; ", violations.entrySet().stream()
          .map(e -> e.getKey() + " " + String.join(", ", e.getValue())).toList());
    }
    Throwable last = error;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConversionErrorException c) {
        return "invalid setting: " + c.getArgument().getName() + " " + c.getConversionError().getCause().getMessage();
      }
      if (t instanceof IllegalArgumentException && t.getCause() == null) {
        return "invalid setting: " + t.getMessage();
      }
      last = t;
    }
    return last.getMessage();
  }
}
