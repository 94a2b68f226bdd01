package com.etoaudiobook.book;

/** The input cannot become a book; the message names the problem in words a user understands. */
public class BookFormatException extends RuntimeException {
  private final String reason;

  /** @param reason short machine-readable class of problem: empty, binary, encoding, no-speech, too-large, unsupported */
  public BookFormatException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
