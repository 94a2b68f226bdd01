package com.etoaudiobook.book;

/** Turns the bytes of an uploaded file into a Book. */
public interface BookParser {
  /**
   * @param fileName the user's file name; its extension picks the format
   * @param content  the raw bytes
   * @throws BookFormatException when the input cannot become a book
   */
  Book parse(String fileName, byte[] content);

  /** The book's cover image (JPEG or PNG bytes) when the file carries one, else null. */
  default byte[] cover(String fileName, byte[] content) {
    return null;
  }
}
