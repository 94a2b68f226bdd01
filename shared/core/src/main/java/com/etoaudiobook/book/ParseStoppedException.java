package com.etoaudiobook.book;

/**
 * Parsing stopped before its end because its thread was interrupted: the caller's deadline passed
 * (the API's parse deadline, {@link Cancellation#within}) or the caller gave up. A refusal like any
 * other, so every caller that handles {@link BookFormatException} handles this one.
 */
public final class ParseStoppedException extends BookFormatException {
  public ParseStoppedException() {
    super("stopped", "Parsing the file was stopped before it finished (it ran past the time allowed "
        + "for one file); split the document into smaller files");
  }
}
