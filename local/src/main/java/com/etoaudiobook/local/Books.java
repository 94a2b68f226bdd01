package com.etoaudiobook.local;

import com.etoaudiobook.book.BookParser;
import com.etoaudiobook.formats.DocumentParser;

/** The parser the CLI and the local runtime use for every accepted format. */
final class Books {
  private Books() {
  }

  static BookParser parser() {
    return new DocumentParser();
  }
}
