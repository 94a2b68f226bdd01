package com.etoaudiobook.book.attribution.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether the text treats a noun as a person: "the turnkey, who", "the waiter ... he" are people;
 * "in the sky", "on the floor", "among the boulders" are things; "very nervous", "was thin" are
 * adjectives. A noun without clear evidence counts as a person (a speaker's description).
 */
final class Animacy {

  private static final Set<String> PERSONAL = Set.of("who", "whom", "whose", "he", "she", "his",
      "her", "him", "himself", "herself");
  private static final Set<String> IMPERSONAL = Set.of("which", "it", "its", "itself");
  /** Prepositions of place: what follows them is where, not who. */
  private static final Set<String> LOCATIVE = Set.of("in", "on", "into", "onto", "under",
      "across", "through", "over", "among", "amongst", "beneath", "behind", "above", "below",
      "upon", "along", "inside", "within", "against");
  /** Words before a predicative adjective: "was thin", "very nervous". */
  private static final Set<String> ADJECTIVE_BEFORE = Set.of("very", "so", "too", "more", "most",
      "less", "rather", "quite", "was", "were", "is", "are", "be", "been", "seemed", "looked",
      "felt", "grew", "became");

  private final Tokens t;
  private final Map<String, Boolean> cache = new HashMap<>();

  /** One per book: each noun is weighed once. */
  Animacy(Tokens t) {
    this.t = t;
  }

  private final Map<String, String> genders = new HashMap<>();

  /**
   * The gender of a person noun: its ending ("policeman", "landlady", "hostess"), else the he or
   * she that first follows it in the narration, when that is clear; null when unknown.
   */
  String gender(String noun) {
    return genders.computeIfAbsent(noun, n -> {
      String marked = markedGender(n);
      return marked != null ? marked : votes(n);
    }).transform(g -> g.isEmpty() ? null : g);
  }

  /** The gender a noun's own ending gives ("housemaid", "hostess", "boatman"), not the text's pronouns; else null. */
  static String markedGender(String n) {
    if (n.endsWith("woman") || n.endsWith("lady") || n.endsWith("girl") || n.endsWith("maid")
        || n.endsWith("ess") && !n.endsWith("ness")) {
      return "female";
    }
    if (n.endsWith("man") || n.endsWith("boy")) {
      return "male";
    }
    return null;
  }

  private String votes(String noun) {
    int he = 0;
    int she = 0;
    for (int k : t.positions(noun)) {
      if (t.quote[k] >= 0) {
        continue;
      }
      for (int j = k + 1; j < t.size && j <= k + 8 && t.para[j] == t.para[k] && t.quote[j] < 0;
           j++) {
        if (Lexicon.MALE_PRONOUNS.contains(t.lower[j])) {
          he++;
          break;
        }
        if (Lexicon.FEMALE_PRONOUNS.contains(t.lower[j])) {
          she++;
          break;
        }
      }
    }
    return he >= 2 && he >= 2 * she ? "male" : she >= 2 && she >= 2 * he ? "female" : "";
  }

  boolean person(String noun) {
    return cache.computeIfAbsent(noun, this::weigh);
  }

  /** "the nervous", "the careless": adjective endings, never a person's head noun. */
  private static final java.util.regex.Pattern ADJECTIVE =
      java.util.regex.Pattern.compile("(ous|ful|less|able|ible|ish)$");

  private boolean weigh(String noun) {
    if (ADJECTIVE.matcher(noun).find()) {
      return false;
    }
    int personal = 0;
    int thing = 0;
    // Only the noun's own mentions, from the book's index: scanning the whole book per noun
    // made a book of many one-off descriptions quadratic.
    int[] own = t.positions(noun);
    int[] plurals = t.positions(noun + "s");
    for (int i = 0; i < own.length + plurals.length; i++) {
      int k = i < own.length ? own[i] : plurals[i - own.length];
      if (t.quote[k] >= 0) {
        continue;
      }
      String before = k > 0 ? t.lower[k - 1] : "";
      String beforeThe = k > 1 ? t.lower[k - 2] : "";
      if (ADJECTIVE_BEFORE.contains(before)) {
        thing++;
      } else if ((before.equals("the") || before.equals("a")) && LOCATIVE.contains(beforeThe)) {
        thing++;
      }
      // The word right after the noun, or after its comma: "the turnkey, who", "the box which".
      int j = k + 1 < t.size && t.word[k + 1].equals(",") ? k + 2 : k + 1;
      if (j < t.size && t.para[j] == t.para[k]) {
        if (PERSONAL.contains(t.lower[j])) {
          personal++;
        } else if (IMPERSONAL.contains(t.lower[j])) {
          thing++;
        }
      }
    }
    // One "jumped on the boy" is no evidence: a thing is seen as one again and again.
    if (thing >= 2 && thing > 2 * personal) {
      return false;
    }
    // "The letter said", "the glee began": only a noun whose usual sense is a person, or one the
    // narration treats as one ("the thing, who"), is someone who talks; the endings of agent
    // nouns ("-er") name letters and papers as often as people. An animal in a speech cue talks.
    return PersonNouns.isPerson(noun) || PersonNouns.isAnimal(noun) || personal > thing;
  }
}
