package com.etoaudiobook.voice;

import java.util.Locale;
import java.util.Set;

/** A guess at a role's gender from its name, for casting when the text gives no better hint. */
public final class RoleGender {
  private static final Set<String> FEMALE = Set.of("mrs", "mrs.", "miss", "ms", "ms.", "lady", "queen", "princess",
      "duchess", "madam", "madame", "mother", "mom", "mum", "grandma", "grandmother", "granny", "aunt", "sister",
      "girl", "woman", "witch", "wife", "daughter", "niece", "nurse", "nun", "she", "her", "dame", "countess",
      "empress", "goddess", "heroine", "maid", "waitress", "actress", "mistress", "baroness", "abbess",
      "mary", "anna", "emma", "alice", "elizabeth", "sarah", "jane", "wren", "luna", "mara", "inès", "ines",
      "zoë", "zoe", "daisy", "amy", "beth", "clara", "rose", "lucy", "grace", "lily", "eva", "julia", "sophie");
  private static final Set<String> MALE = Set.of("mr", "mr.", "sir", "lord", "king", "prince", "duke", "father",
      "dad", "grandpa", "grandfather", "uncle", "brother", "boy", "man", "wizard", "husband", "son", "nephew",
      "monk", "he", "him", "count", "emperor", "god", "hero", "captain", "keeper", "baron", "abbot", "butler",
      "john", "james", "tom", "peter", "paul", "george", "william", "henry", "charles", "ansel", "jack", "harry",
      "frederick", "arthur", "edward", "robert", "david", "michael", "daniel", "samuel");

  private RoleGender() {
  }

  /** "female", "male", or null when the name says nothing. */
  public static String guess(String roleName) {
    if (roleName == null) {
      return null;
    }
    for (String word : roleName.toLowerCase(Locale.ROOT).split("[\\s,()]+")) {
      if (FEMALE.contains(word)) {
        return "female";
      }
      if (MALE.contains(word)) {
        return "male";
      }
    }
    return null;
  }
}
