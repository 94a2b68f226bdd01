package com.etoaudiobook.job;

/**
 * A book whose file is parsed away from the API (too large to parse within a request): PARSING until
 * the inbox has read it, FAILED with the reason when it could not become a book. Once parsed, the
 * book itself is stored and this record is gone.
 *
 * @param reason a refusal's reason, as the inbox's results say it (e.g. "binary", "too-large")
 */
public record BookParsing(String state, String file, long since, String reason, String message) {
  public static final String PARSING = "PARSING";
  public static final String FAILED = "FAILED";

  public static BookParsing parsing(String file) {
    return new BookParsing(PARSING, file, System.currentTimeMillis(), null, null);
  }

  public BookParsing failed(String why, String detail) {
    return new BookParsing(FAILED, file, since, why, detail);
  }
}
