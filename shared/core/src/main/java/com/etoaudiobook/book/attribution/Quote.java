package com.etoaudiobook.book.attribution;

/**
 * One quotation span and who says it.
 *
 * @param start   start offset (inclusive) in the text, on the opening quote mark
 * @param end     end offset (exclusive), just after the closing mark (or the paragraph end when
 *                the quotation continues in the next paragraph)
 * @param speaker display name of the speaker ({@link DialogueAttributor#NARRATOR} for a
 *                first-person narrator), or null when nobody could be guessed
 * @param type    how it was found: "explicit", "anaphoric", "implicit" or "none"
 */
public record Quote(int start, int end, String speaker, String type) {
}
