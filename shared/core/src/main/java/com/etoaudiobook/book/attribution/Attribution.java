package com.etoaudiobook.book.attribution;

import java.util.List;

/**
 * Result of {@link DialogueAttributor#attribute(String)}.
 *
 * @param quotes     every quotation span, in text order
 * @param characters characters discovered, most frequent speakers first
 */
public record Attribution(List<Quote> quotes, List<Character> characters) {
  public Attribution {
    quotes = List.copyOf(quotes);
    characters = List.copyOf(characters);
  }
}
