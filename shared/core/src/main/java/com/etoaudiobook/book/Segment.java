package com.etoaudiobook.book;

/**
 * One speaker's continuous text, in reading order.
 *
 * @param index     position in the whole book, from 0
 * @param chapter   index of the chapter it belongs to
 * @param paragraph index of the source paragraph it starts in; a change means a paragraph pause
 * @param role      display name of the speaking role
 * @param delivery  optional manner of speaking ("thought", "whispering"), or null
 * @param text      what is spoken, with markup removed and everything else kept exactly
 * @param start     start offset (inclusive) in the decoded source text, in UTF-16 chars
 * @param end       end offset (exclusive) in the decoded source text
 */
public record Segment(int index, int chapter, int paragraph, String role, String delivery,
                      String text, int start, int end) {
}
