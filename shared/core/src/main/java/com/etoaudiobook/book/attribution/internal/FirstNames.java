package com.etoaudiobook.book.attribution.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The cast's second pass by first names: "Bill" is the one William, "Bill Sikes" is "William
 * Sikes", "Kit" is the one Kitty, "Meg" (said only by the characters) the one Margaret,
 * "Winnie-the-Pooh" the one Pooh. Helpers of {@link CastMerges}.
 */
final class FirstNames {

  private final CastMerges m;
  private final Tokens t;
  private final Names names;
  private final List<Names.Person> people;

  FirstNames(CastMerges m, Tokens t, Names names) {
    this.m = m;
    this.t = t;
    this.names = names;
    this.people = names.people;
  }

  /** Titles of kinship, said before a first name as often as a surname ("Aunt Polly", "Aunt Welland"). */
  private static final java.util.Set<String> KIN = java.util.Set.of("uncle", "aunt", "cousin");

  /** "Bill" for the one William; "Bill Sikes" for "William Sikes". */
  Names.Person byFirstName(Names.Person s) {
    List<String> fulls = new ArrayList<>();
    String single = m.singleCore(s);
    for (String a : s.aliases) {
      if (m.formCore.containsKey(a) && m.core(a).contains(" ")) {
        fulls.add(m.core(a));
      }
      // "Mr. Tarks" names a surname; "Mr. Bill Tarks" still has Bill for a first name, and so has "Uncle
      // Ebenezer" where no full name ends in Ebenezer.
      if (m.formCore.containsKey(a) && m.title(a) != null && !m.core(a).contains(" ")
          && !(KIN.contains(m.title(a)) && !m.surnames().contains(m.core(a)))) {
        return null;
      }
    }
    if (single == null && fulls.isEmpty()) {
      return null;
    }
    // "Michael" said by the characters (inside quotations) of the man the narrator calls Mike:
    // the narrator's name for him is the other one.
    boolean quotedFormal = single != null && quotedShare(s) * 4 >= 3;
    List<Names.Person> found = new ArrayList<>();
    for (Names.Person p : people) {
      if (p == s || !CastMerges.viable(p) || !CastMerges.agree(s, p)) {
        continue;
      }
      boolean fits = false;
      String other = m.singleCore(p);
      if (single != null && other != null) {
        // "Kit" for the one Kitty, both known by a first name only; "Meg" for the one Margaret
        // when only the characters say "Meg", never as a speaker (Bill the lizard, who talks,
        // is no Father William).
        fits = clipped(single, other) || quotedFormal && s.speeches == 0
            && Hypocorisms.petFormOf(single, other) && narrated(p)
            || bothNarrated(s, p) && Hypocorisms.petFormOf(single, other);
      }
      for (String a : p.aliases) {
        if (!m.formCore.containsKey(a) || !m.core(a).contains(" ")) {
          continue;
        }
        String first = NameForms.firstOf(m.core(a));
        if (single != null) {
          // Only a pet form joins a formal one: "Henry" alone is not Harry Sandys, unless the
          // narration never calls him Henry.
          fits |= Hypocorisms.petFormOf(single, first) || single.equals(first)
              && !m.surnames().contains(single) || clipped(single, first)
              || quotedFormal && Hypocorisms.petFormOf(first, single) && narrated(p);
        } else {
          for (String f : fulls) {
            fits |= NameForms.lastOf(f).equals(NameForms.lastOf(m.core(a)))
                && !NameForms.firstOf(f).equals(first) && Hypocorisms.same(NameForms.firstOf(f), first);
          }
        }
      }
      if (fits) {
        found.add(p);
      }
    }
    // The less frequent form joins the more frequent one.
    return m.dominant(found);
  }

  /**
   * "Winnie-the-Pooh" is the one "Pooh": a hyphenated byname with a lowercase word inside
   * ("-the-", "-of-") names the one known by its last part.
   */
  Names.Person byname(Names.Person s) {
    String single = m.singleCore(s);
    if (single == null || !single.matches("\\p{Lu}[^-]*(-\\p{Ll}+)+-\\p{Lu}[^-]*")) {
      return null;
    }
    String head = single.substring(single.lastIndexOf('-') + 1);
    List<Names.Person> found = new ArrayList<>();
    for (Names.Person p : people) {
      if (p != s && CastMerges.viable(p) && CastMerges.agree(s, p) && p.aliases.stream()
          .anyMatch(a -> m.formCore.containsKey(a) && head.equals(m.core(a)))) {
        found.add(p);
      }
    }
    return m.dominant(found);
  }

  /**
   * "Jock Menzies" is the one "Jock Grant-Menzies": a full name whose surname ends another's
   * double-barrelled one, with the same (or a pet) first name.
   */
  Names.Person hyphenated(Names.Person s) {
    List<String[]> fulls = new ArrayList<>();
    for (String a : s.aliases) {
      if (m.formCore.containsKey(a) && m.core(a).contains(" ")
          && !NameForms.lastOf(m.core(a)).contains("-")) {
        fulls.add(new String[] {NameForms.firstOf(m.core(a)), NameForms.lastOf(m.core(a))});
      }
    }
    if (fulls.isEmpty()) {
      return null;
    }
    List<Names.Person> found = new ArrayList<>();
    for (Names.Person p : people) {
      if (p == s || !CastMerges.viable(p) || !CastMerges.agree(s, p)) {
        continue;
      }
      boolean fits = false;
      for (String a : p.aliases) {
        if (!m.formCore.containsKey(a) || !m.core(a).contains(" ")) {
          continue;
        }
        String first = NameForms.firstOf(m.core(a));
        String last = NameForms.lastOf(m.core(a));
        for (String[] f : fulls) {
          fits |= last.endsWith("-" + f[1]) && Hypocorisms.same(f[0], first);
        }
      }
      if (fits) {
        found.add(p);
      }
    }
    return m.dominant(found);
  }

  /**
   * "Lady Cockpurse", never heard speaking and named mostly by the characters, is the one
   * speaking woman with a full name of that surname ("Polly Cockpurse"): the narrator uses her
   * name, the others her title. Only "Lady": a silent "Mrs. Vane" is as often Sibyl Vane's
   * mother.
   */
  Names.Person ladyByTitle(Names.Person s) {
    String single = m.singleCore(s);
    if (single == null || s.speeches > 0 || quotedShare(s) < 0.5 || s.aliases.stream()
        .anyMatch(a -> m.formCore.containsKey(a) && !"lady".equals(m.title(a)))) {
      return null;
    }
    List<Names.Person> found = new ArrayList<>();
    for (Names.Person p : people) {
      if (p != s && CastMerges.viable(p) && "female".equals(p.gender) && p.speeches > 0
          && p.aliases.stream().anyMatch(a -> m.formCore.containsKey(a)
          && m.core(a).contains(" ") && NameForms.lastOf(m.core(a)).equals(single))) {
        found.add(p);
      }
    }
    return found.size() == 1 ? found.get(0) : null;
  }

  /**
   * "Roberta was the eldest", and later "said Bobbie": the narration calls one girl by both, the
   * pronouns after each the same (a father Robert and his son Bobby, named side by side, stay two:
   * CastMerges' apart).
   */
  private boolean bothNarrated(Names.Person s, Names.Person p) {
    int a = Integer.signum(s.male + s.titleMale - s.female - s.titleFemale);
    int b = Integer.signum(p.male + p.titleMale - p.female - p.titleFemale);
    return a != 0 && a == b && narrated(s) && narrated(p);
  }

  /** "Kit" and "Kitty": one pet form cut short from the other. */
  private static boolean clipped(String a, String b) {
    return !a.equals(b) && (a.startsWith(b) || b.startsWith(a)) && Hypocorisms.same(a, b);
  }

  /** p is named in the narration more than in quotations: the narrator's name for p. */
  private boolean narrated(Names.Person p) {
    return quotedShare(p) < 0.5;
  }

  /** The share of s's mentions inside quotations. */
  double quotedShare(Names.Person s) {
    int n = 0;
    int quoted = 0;
    for (Names.Mention x : names.mentions) {
      if (x.character == s.id) {
        n++;
        quoted += t.quote[x.first] >= 0 ? 1 : 0;
      }
    }
    return n == 0 ? 0 : (double) quoted / n;
  }
}
