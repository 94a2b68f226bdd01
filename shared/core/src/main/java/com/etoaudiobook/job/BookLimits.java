package com.etoaudiobook.job;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.BookFormatException;

/**
 * What one book may hold, so the work and memory a job takes stay proportional to a real book.
 * War and Peace is about 3.2 million characters and, split at every change of speaker, some
 * 30,000 segments; a plan holds one part per segment or more, each a message and an object.
 */
public final class BookLimits {
  public static final int MAX_SEGMENTS = 50_000;
  public static final int MAX_CHARACTERS = 5_000_000;

  private BookLimits() {
  }

  /** @throws BookFormatException "too-large", naming the limit, when the book is over either */
  public static Book check(Book book) {
    int segments = book.segmentCount();
    if (segments > MAX_SEGMENTS) {
      throw new BookFormatException("too-large", "The text splits into " + segments
          + " segments; a book may have at most " + MAX_SEGMENTS);
    }
    long characters = book.characters();
    if (characters > MAX_CHARACTERS) {
      throw new BookFormatException("too-large", "The text has " + characters
          + " characters; a book may have at most " + MAX_CHARACTERS);
    }
    return book;
  }
}
