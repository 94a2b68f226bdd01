package com.etoaudiobook.book.attribution;

import java.util.List;

/**
 * A character found in the text.
 *
 * @param name    display name (the fullest form seen, e.g. "Fitzwilliam Darcy")
 * @param aliases every form seen that refers to it, including {@code name}
 * @param gender  "female", "male" or null when unknown, like {@code Role.gender}
 */
public record Character(String name, List<String> aliases, String gender) {
  public Character {
    aliases = List.copyOf(aliases);
  }
}
