package com.etoaudiobook.book.attribution.internal;

import java.util.Locale;

/**
 * One person written two ways: a name with a pet suffix ("Skaggsy" for Skaggs, "Bobbie" for
 * Bob) and a rare spelling of a common name, a misprint or a variant ("Mr. Browlow" three
 * times beside "Mr. Brownlow" over a hundred, "Charly" beside "Charley"). Either joins the
 * person of the plain or common form, when their genders agree.
 */
final class NameVariants {

  /** A variant is seen at most this often, and the common form ten times as often. */
  private static final int RARE = 3;

  private final Names names;
  private int[] seen;

  NameVariants(Names names) {
    this.names = names;
  }

  /** The person s is a variant of, or null. */
  Names.Person of(Names.Person s) {
    if (seen == null) {
      seen = new int[names.people.size()];
      for (Names.Mention m : names.mentions) {
        if (m.character >= 0 && m.character < seen.length) {
          seen[m.character]++;
        }
      }
    }
    Names.Person found = null;
    for (Names.Person p : names.people) {
      if (p == s || p.dropped || p.into >= 0 || !CastMerges.agree(s, p)
          || count(p) <= count(s)) {
        continue;
      }
      if (pet(s, p) || rare(s, p)) {
        if (found != null && found != p) {
          return null;
        }
        found = p;
      }
    }
    return found;
  }

  private int count(Names.Person p) {
    return p.id < seen.length ? seen[p.id] : 0;
  }

  /** "Skaggsy" for "Skaggs": one word, the other's one word or first word plus -y or -ie. */
  private static boolean pet(Names.Person s, Names.Person p) {
    if (s.name.indexOf(' ') >= 0) {
      return false;
    }
    String w = s.name.toLowerCase(Locale.ROOT);
    for (String a : p.aliases) {
      String l = a.toLowerCase(Locale.ROOT);
      if (l.indexOf(' ') < 0 && l.length() >= 4
          && (w.equals(l + "y") || w.equals(l + "ie") || w.equals(l + "sy"))) {
        return true;
      }
    }
    return false;
  }

  /** Seen at most {@link #RARE} times, one letter away from a form seen ten times as often. */
  private boolean rare(Names.Person s, Names.Person p) {
    if (count(s) > RARE || count(p) < 10 * count(s) || count(s) == 0) {
      return false;
    }
    for (String v : s.aliases) {
      for (String a : p.aliases) {
        if (v.length() >= 5 && oneEdit(v, a)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * a and b differ by one letter inserted, deleted or replaced in their last word, not its first
   * letter ("Mr. Browlow", "Mr. Brownlow"; never "Mr." and "Mrs.").
   */
  static boolean oneEdit(String a, String b) {
    if (a.equals(b) || Math.abs(a.length() - b.length()) > 1 || a.isEmpty() || b.isEmpty()
        || a.charAt(0) != b.charAt(0)) {
      return false;
    }
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    int j = 0;
    while (j < a.length() - i && j < b.length() - i
        && a.charAt(a.length() - 1 - j) == b.charAt(b.length() - 1 - j)) {
      j++;
    }
    int word = Math.max(a.lastIndexOf(' '), a.lastIndexOf('\u00A0')) + 1;
    return i > word && a.length() - i - j <= 1 && b.length() - i - j <= 1
        && Character.isLetter(a.length() > b.length() ? a.charAt(i) : b.charAt(i));
  }
}
