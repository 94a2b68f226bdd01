package com.etoaudiobook.engine;

/** Synthesis failed; retryable failures may succeed when the part is tried again. */
public class SpeechException extends RuntimeException {
  private final boolean retryable;

  public SpeechException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
