package com.etoaudiobook.voice;

/** A casting names a role the book does not have, or a voice the engine does not have. */
public class CastingException extends IllegalArgumentException {
  public CastingException(String message) {
    super(message);
  }
}
