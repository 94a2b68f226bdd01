package com.etoaudiobook.book.edit;

import java.util.List;

/**
 * One correction of a book's casting, as sent by the API and read from a CLI edits file. Which
 * fields count depends on {@code op}:
 * <ul>
 *   <li>{@code rename}: {@code role} is called {@code to} from now on</li>
 *   <li>{@code merge}: every line of {@code from} goes to {@code into}, and {@code from} is gone</li>
 *   <li>{@code move}: the {@code segments} (book-wide indexes) go to the role {@code to}, new or not</li>
 *   <li>{@code narrate}: the {@code segments} are read by the Narrator, plainly</li>
 * </ul>
 */
public record EditOperation(String op, String role, String to, String from, String into, List<Integer> segments) {
  public static EditOperation rename(String role, String to) {
    return new EditOperation("rename", role, to, null, null, null);
  }

  public static EditOperation merge(String from, String into) {
    return new EditOperation("merge", null, null, from, into, null);
  }

  public static EditOperation move(List<Integer> segments, String to) {
    return new EditOperation("move", null, to, null, null, segments);
  }

  public static EditOperation narrate(List<Integer> segments) {
    return new EditOperation("narrate", null, null, null, null, segments);
  }
}
