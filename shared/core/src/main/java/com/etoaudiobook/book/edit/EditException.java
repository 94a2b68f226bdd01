package com.etoaudiobook.book.edit;

/** An edit that cannot apply (unknown role, segment out of range, empty name...): the user's, not a bug. */
public final class EditException extends IllegalArgumentException {
  public EditException(String message) {
    super(message);
  }
}
