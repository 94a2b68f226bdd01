package com.etoaudiobook.book.attribution.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Second pass of the cast, over whole characters: one person the name grouping left as two.
 * A bare surname or "Mr. X" is the one full-named X of that gender ("Archer" is Newland Archer
 * when Janey Archer is his sister); "Bill" is the one William; "Bill Sikes" is "William Sikes";
 * an office used as a name ("the Collector") is the one the text calls so ("the Collector,
 * Mr. Turton") or the one bearing it as a title ("Major Callendar" for "the Major"). Two forms
 * seen side by side in one sentence ("Mr. Emerson and George Emerson") stay two people.
 */
final class CastMerges {

  /**
   * Titles a wife takes from her husband's surname, and kinship titles ("Aunt Welland"): no
   * evidence of who owns a full name with that surname.
   */
  static final Set<String> MARRIED = Set.of("mrs", "lady", "madame", "mme", "dame",
      "duchess", "countess", "baroness", "marchioness", "princess", "queen", "aunt", "uncle");

  private final Tokens t;
  private final Names names;
  private final List<Names.Person> people;
  private final Map<String, String> formTitle;
  final Map<String, String> formCore;
  private int[] sentence;
  /** Per person, the sentences its mentions are in. */
  private Map<Integer, java.util.Set<Integer>> sentencesOf;

  CastMerges(Tokens t, Names names, Map<String, String> formTitle, Map<String, String> formCore) {
    this.t = t;
    this.names = names;
    this.people = names.people;
    this.formTitle = formTitle;
    this.formCore = formCore;
    this.firstNames = new FirstNames(this, t, names);
    this.naming = new NamingPhrases(t, names);
    this.epithets = new Epithets(this, t, names);
    this.variants = new NameVariants(names);
  }

  private final FirstNames firstNames;
  private final NamingPhrases naming;
  private final Epithets epithets;
  private final NameVariants variants;

  /** People that took an office in ("the Superintendent"): they keep their own name. */
  final Set<Names.Person> officeHolders = new java.util.HashSet<>();

  /** Merges people; returns those that took others in (their gender needs a new guess). */
  List<Names.Person> run() {
    List<Names.Person> grown = new ArrayList<>();
    // Twice: "Larry Lefferts" joins "Lawrence Lefferts" first, then "Lefferts" has one to join.
    for (int pass = 0; pass < 2; pass++) {
      pass(grown);
    }
    // "Edward Bear, known … as Winnie-the-Pooh": the text says so, whoever else shares their
    // sentences; last, so the byname has joined its name first; so do spelling variants.
    for (Names.Person s : new ArrayList<>(people)) {
      Names.Person into = s.into < 0 ? naming.partner(s) : null;
      Names.Person variant = s.into < 0 && into == null ? variants.of(s) : null;
      into = variant != null && apart(s, variant, false) ? variant : into;
      if (into != null) {
        merge(s, into);
        if (!grown.contains(into)) {
          grown.add(into);
        }
      }
    }
    return grown;
  }

  private void pass(List<Names.Person> grown) {
    for (Names.Person s : new ArrayList<>(people)) {
      if (s.into >= 0) {
        continue;
      }
      Names.Person into = office(s);
      if (into != null && into != s && apart(s, into, false)) {
        officeHolders.add(into);
      }
      boolean rare = false;
      if (into == null) {
        into = bySurname(s);
        // "William Rodney … Rodney" in a sentence now and then is one man repeated; "Miss
        // Dashwood" beside "Marianne Dashwood" may well be her elder sister.
        rare = into != null && s.aliases.stream().noneMatch(a -> "miss".equals(title(a)));
      }
      if (into == null) {
        into = firstNames.byFirstName(s);
      }
      if (into == null) {
        // "Winnie-the-Pooh, or Pooh for short": the byname holds the name, side by side or not.
        into = firstNames.byname(s);
        rare = into != null;
      }
      into = into != null ? into : firstNames.hyphenated(s);
      into = into != null ? into : firstNames.ladyByTitle(s);
      boolean epithet = false;
      if (into == null) {
        into = epithets.resolve(s);
        epithet = into != null;
      }
      if (into != null && into != s && (epithet || apart(s, into, rare))) {
        if (epithet) {
          officeHolders.add(into);  // Fagin stays Fagin, however often "the Jew" is written
        }
        merge(s, into);
        if (!grown.contains(into)) {
          grown.add(into);
        }
      }
    }
  }

  String title(String form) {
    String tl = formTitle.get(form);
    return tl == null ? null : tl.toLowerCase(Locale.ROOT).replace(".", "");
  }

  String core(String form) {
    return formCore.getOrDefault(form, form);
  }

  /** The one word all of a person's forms share as their core, or null. */
  String singleCore(Names.Person p) {
    String core = null;
    for (String a : p.aliases) {
      if (!formCore.containsKey(a)) {
        continue;  // the display name, added again
      }
      String c = core(a);
      if (c.contains(" ") || core != null && !core.equals(c)) {
        return null;
      }
      core = c;
    }
    return core;
  }

  /** "the Collector", "the Major": an office or rank used as a name. */
  private Names.Person office(Names.Person s) {
    String head = null;
    for (String a : s.aliases) {
      if (!formCore.containsKey(a)) {
        continue;
      }
      // "Superintendent", "District Superintendent": one head noun, maybe with a qualifier.
      String last = NameForms.lastOf(core(a));
      if (head != null && !head.equals(last)) {
        return null;
      }
      head = last;
    }
    if (head == null) {
      return null;
    }
    for (String a : s.aliases) {
      String tl = title(a);
      if (formCore.containsKey(a) && tl != null && !Lexicon.POSTFIX_TITLES.contains(tl)) {
        return null;
      }
    }
    String lower = head.toLowerCase(Locale.ROOT);
    if (!Lexicon.STANDALONE_TITLES.contains(lower) && names.lowerCount(lower) < 2
        && !NameForms.mostlyAfterThe(t, names, s)) {
      return null;
    }
    if (links == null) {
      links = Appositions.collect(t, names);
    }
    int linked = Appositions.best(links.get(lower));
    if (linked >= 0 && linked != s.id && people.get(linked).into < 0
        && agree(s, people.get(linked))) {
      return people.get(linked);
    }
    // The one other person bearing the office as a title, or the one far more often named.
    List<Names.Person> found = new ArrayList<>();
    for (Names.Person p : people) {
      if (p == s || !viable(p) || !agree(s, p)) {
        continue;
      }
      for (String a : p.aliases) {
        if (lower.equals(title(a)) && !found.contains(p)) {
          found.add(p);
        }
      }
    }
    return dominant(found);
  }

  private Map<String, Map<Integer, Integer>> links;
  private int[] mentionCount;

  /** The one candidate, or the one named over three times as often as all others together. */
  Names.Person dominant(List<Names.Person> candidates) {
    if (candidates.size() < 2) {
      return candidates.isEmpty() ? null : candidates.get(0);
    }
    if (mentionCount == null) {
      mentionCount = new int[people.size()];
      for (Names.Mention m : names.mentions) {
        if (m.character >= 0 && m.character < mentionCount.length) {
          mentionCount[m.character]++;
        }
      }
    }
    Names.Person best = null;
    int total = 0;
    for (Names.Person p : candidates) {
      total += mentionCount[p.id];
      if (best == null || mentionCount[p.id] > mentionCount[best.id]) {
        best = p;
      }
    }
    return mentionCount[best.id] > 3 * (total - mentionCount[best.id]) ? best : null;
  }

  /** "Archer", "Mr. Archer": the one full-named Archer of that gender. */
  private Names.Person bySurname(Names.Person s) {
    String x = singleCore(s);
    if (x == null) {
      return null;
    }
    boolean titled = false;
    boolean miss = false;
    boolean mister = false;
    for (String a : s.aliases) {
      String tl = title(a);
      // A wife's title, or one that goes with a first name ("Sir Walter"), names no surname.
      if (tl != null && (MARRIED.contains(tl) || Lexicon.POSTFIX_TITLES.contains(tl)
          || tl.equals("sir"))) {
        return null;
      }
      titled |= tl != null;
      miss |= "miss".equals(tl);
      mister |= "mr".equals(tl);
    }
    // "John", "Brenda": a word some full name starts with is a first name, not a surname.
    if (GenderGuess.firstNameGender(x) != null || firstWords().contains(x)) {
      return null;
    }
    List<Names.Person> found = new ArrayList<>();
    for (Names.Person p : people) {
      // A man the text gives a rank ("Captain Tilney") is not the "Mr." of his surname.
      if (p != s && viable(p) && agree(s, p) && hasSurname(p, x, titled, s.gender, miss)
          && !(mister && (ranked(p) || boy(p)))) {
        found.add(p);
      }
    }
    // "Mr. Tilney" is the Henry Tilney named everywhere, not the brother named twice. ("Miss
    // Dashwood" may be the elder sister whatever the younger's fame; a rank is its own man.)
    return mister ? dominant(found) : found.size() == 1 ? found.get(0) : null;
  }

  private java.util.Set<String> firstWords;

  private java.util.Set<String> firstWords() {
    if (firstWords == null) {
      firstWords = new java.util.HashSet<>();
      for (Names.Person p : people) {
        for (String a : p.aliases) {
          // "Mrs. Lefferts Rushworth" keeps her maiden name: "Lefferts" is no first name.
          if (viable(p) && formCore.containsKey(a) && core(a).contains(" ")
              && !MARRIED.contains(String.valueOf(title(a)))) {
            firstWords.add(NameForms.firstOf(core(a)));
          }
        }
      }
    }
    return firstWords;
  }

  /**
   * p has a full name ending in x whose first name fits the gender ("Mr. Welland" is not
   * Augusta Welland) and is no common word ("Cousin Brenda"), or, for a bare x, a titled x.
   */
  private boolean hasSurname(Names.Person p, String x, boolean sourceTitled, String gender,
                             boolean miss) {
    for (String a : p.aliases) {
      if (!formCore.containsKey(a)) {
        continue;
      }
      String c = core(a);
      String last = NameForms.lastOf(c);
      // "Grant-Menzies" for "Menzies", "de\u00A0Worms" (one word) for "Worms".
      boolean hyphenEnd = last.endsWith("-" + x) || last.endsWith("\u00A0" + x);
      String first = NameForms.firstOf(c);
      String firstGender = GenderGuess.firstNameOrEnding(first);
      boolean fullFits = c.contains(" ") && (last.equals(x) || hyphenEnd)
          && !commonWord(first) && !(miss && MARRIED.contains(String.valueOf(title(a))))
          && (gender == null || p.gender != null || firstGender == null
          || firstGender.equals(gender));
      if (fullFits || !sourceTitled && title(a) != null
          && (c.equals(x) || c.endsWith("\u00A0" + x))) {
        return true;
      }
    }
    return false;
  }

  /**
   * p is called by a rank and his surname: "Captain Tilney", "General Tilney". (A rank before a
   * whole name, "Major Jay Gatsby" read off a medal, is how he was named once, not what he is called.)
   */
  private boolean ranked(Names.Person p) {
    return p.aliases.stream().anyMatch(a -> formCore.containsKey(a) && title(a) != null
        && Lexicon.STANDALONE_TITLES.contains(title(a)) && !core(a).contains(" "));
  }


  /** p is called "Master": a boy ("Master Peter Cratchit"), never the "Mr." of his surname. */
  private boolean boy(Names.Person p) {
    return p.aliases.stream().anyMatch(a -> "master".equals(title(a)));
  }

  /** A person the cast will keep: one who speaks or whose gender is known. */
  static boolean viable(Names.Person p) {
    return !p.dropped && p.into < 0 && (p.speeches > 0 || p.gender != null);
  }

  private java.util.Set<String> surnames;

  /** Last words of the full names of people the cast keeps. */
  java.util.Set<String> surnames() {
    if (surnames == null) {
      surnames = new java.util.HashSet<>();
      for (Names.Person p : people) {
        for (String a : p.aliases) {
          if (viable(p) && formCore.containsKey(a) && core(a).contains(" ")) {
            surnames.add(NameForms.lastOf(core(a)));
          }
        }
      }
    }
    return surnames;
  }

  static boolean agree(Names.Person a, Names.Person b) {
    return a.gender == null || b.gender == null || a.gender.equals(b.gender);
  }

  /** "Cousin", "North": a word far more often lower case than capitalised (a month is a name). */
  private boolean commonWord(String w) {
    String l = w.toLowerCase(Locale.ROOT);
    return !Lexicon.MONTHS.contains(l) && names.lowerCount(l) > 2 * names.capCount(l) + 1;
  }

  /**
   * Two people named side by side in a sentence more than once are two people ("Mr. Emerson
   * and George Emerson"); with {@code rare}, only if that is in one of every ten sentences
   * naming the rarer: a full name repeated as a bare surname ("William Rodney … Rodney").
   */
  private boolean apart(Names.Person a, Names.Person b, boolean rare) {
    if (sentencesOf == null) {
      sentence = new int[t.size];
      int s = 0;
      for (int k = 0; k < t.size; k++) {
        if (t.sentenceStart[k]) {
          s++;
        }
        sentence[k] = s;
      }
      sentencesOf = new HashMap<>();
      for (Names.Mention m : names.mentions) {
        if (m.character >= 0) {
          sentencesOf.computeIfAbsent(m.character, x -> new java.util.HashSet<>())
              .add(sentence[m.first]);
        }
      }
    }
    java.util.Set<Integer> sa = sentencesOf.getOrDefault(a.id, java.util.Set.of());
    java.util.Set<Integer> sb = sentencesOf.getOrDefault(b.id, java.util.Set.of());
    int both = 0;
    for (Integer x : sa) {
      if (sb.contains(x)) {
        both++;
      }
    }
    return both < 2 || rare && both * 10 < Math.min(sa.size(), sb.size());
  }

  private void merge(Names.Person s, Names.Person into) {
    s.into = into.id;
    s.dropped = true;
    into.aliases.addAll(s.aliases);
    into.male += s.male;
    into.female += s.female;
    into.titleMale += s.titleMale;
    into.titleFemale += s.titleFemale;
    into.speeches += s.speeches;
    for (Names.Mention m : names.mentions) {
      if (m.character == s.id) {
        m.character = into.id;
      }
    }
    java.util.Set<Integer> ss = sentencesOf == null ? null : sentencesOf.remove(s.id);
    if (ss != null) {
      sentencesOf.computeIfAbsent(into.id, x -> new java.util.HashSet<>()).addAll(ss);
    }
  }
}
