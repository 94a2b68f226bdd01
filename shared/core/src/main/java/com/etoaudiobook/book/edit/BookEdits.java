package com.etoaudiobook.book.edit;

import java.util.List;

/**
 * A list of corrections to apply together (all or nothing).
 *
 * @param baseVersion the book version the edits were made on; a stored book that moved on since is
 *                    a conflict. Null skips the check (the CLI's edits file)
 * @param operations  applied in order, each to the result of the ones before
 */
public record BookEdits(Integer baseVersion, List<EditOperation> operations) {
}
