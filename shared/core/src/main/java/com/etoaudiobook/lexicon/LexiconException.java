package com.etoaudiobook.lexicon;

/** A lexicon (a file, or entries sent to the API) that cannot be used, with what is wrong. */
public class LexiconException extends IllegalArgumentException {
  public LexiconException(String message) {
    super(message);
  }

  public LexiconException(String message, Throwable cause) {
    super(message, cause);
  }
}
