package com.etoaudiobook.book;

import java.util.List;

/**
 * A speaker found in the text, with the figures a user needs to cast it.
 *
 * @param name       display name as first written
 * @param segments   number of segments it speaks
 * @param characters number of characters it speaks
 * @param sample     its first line (shortened), to help pick a voice
 * @param deliveries distinct deliveries seen, in order of first appearance
 * @param gender     "female", "male" or null when unknown: a hint for casting
 */
public record Role(String name, int segments, int characters, String sample,
                   List<String> deliveries, String gender) {
  public Role {
    deliveries = List.copyOf(deliveries);
  }
}
