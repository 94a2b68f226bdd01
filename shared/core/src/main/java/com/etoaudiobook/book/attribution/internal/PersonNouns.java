package com.etoaudiobook.book.attribution.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Word lists from WordNet (see the resource files for its licence): common nouns whose usual
 * sense is a person ("turnkey", "waiter", "ancestress"), the heads a description role needs; nouns
 * of animals, which speak in fables and children's books ("said the rabbit"); and
 * the surnames and full names of real people ("Titian", "Theodore Roosevelt"), whom a novel
 * talks about far more often than it lets them speak.
 */
final class PersonNouns {

  private PersonNouns() {
  }

  private static final class Lists {
    static final Set<String> PERSON = load("person-nouns.txt");
    static final Set<String> ANIMAL = load("animal-nouns.txt");
    static final Set<String> FAMOUS = load("famous-surnames.txt");
    static final Set<String> FAMOUS_FULL = load("famous-full-names.txt");
  }

  /**
   * Whether a lowercase noun, singular or plural, names a kind of person: "waiter", "ladies",
   * "policemen", "wood-cutter" (its parts joined, or its last part).
   */
  static boolean isPerson(String noun) {
    if (noun.isEmpty()) {
      return false;
    }
    if (singular(noun)) {
      return true;
    }
    int dash = noun.lastIndexOf('-');
    return dash > 0 && (singular(noun.replace("-", "")) || singular(noun.substring(dash + 1)));
  }

  /**
   * Whether a lowercase noun, singular or plural, names an animal ("rabbit", "weasels"): in a
   * speech cue ("said an elderly rabbit"), a book whose animals talk.
   */
  static boolean isAnimal(String noun) {
    return !noun.isEmpty() && singular(noun, Lists.ANIMAL);
  }

  private static boolean singular(String w) {
    return singular(w, Lists.PERSON);
  }

  private static boolean singular(String w, Set<String> p) {
    return p.contains(w)
        || w.endsWith("men") && p.contains(w.substring(0, w.length() - 3) + "man")
        || w.endsWith("ies") && p.contains(w.substring(0, w.length() - 3) + "y")
        || w.endsWith("es") && p.contains(w.substring(0, w.length() - 2))
        || w.endsWith("s") && !w.endsWith("ss") && p.contains(w.substring(0, w.length() - 1));
  }

  /** Whether a capitalised word is the surname of a real person ("Beethoven", "Titian"). */
  static boolean isFamousSurname(String word) {
    return Lists.FAMOUS.contains(word);
  }

  /** Whether "First Last" are the first and last words of a real person's name. */
  static boolean isFamousFullName(String firstAndLast) {
    return Lists.FAMOUS_FULL.contains(firstAndLast);
  }

  private static Set<String> load(String name) {
    Set<String> out = new HashSet<>();
    try (InputStream in = PersonNouns.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line.trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
