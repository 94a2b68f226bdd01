package com.etoaudiobook.book.attribution.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds proper-name mentions in the token stream and groups them into characters: titles are
 * kept, "Mr. Darcy", "Darcy" and "Fitzwilliam Darcy" become one character, gender comes from
 * titles, a first-name list and the pronouns that follow the name.
 */
final class Names {

  /** A proper-name mention spanning tokens [first, last). */
  static final class Mention {
    final int first;
    final int last;
    final String title;
    final String core;
    final String form;
    final boolean possessive;
    int character = -1;

    Mention(int first, int last, String title, String core, boolean possessive) {
      this.first = first;
      this.last = last;
      this.title = title;
      this.core = core;
      this.form = title == null ? core : title + " " + core;
      this.possessive = possessive;
    }
  }

  /** A character under construction. */
  static final class Person {
    final int id;
    String name;
    final Set<String> aliases = new LinkedHashSet<>();
    String gender;
    int male;
    int female;
    int titleMale;
    int titleFemale;
    int speeches;
    boolean dropped;

    Person(int id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  private final Tokens t;
  private final Map<String, Integer> capMid = new HashMap<>();
  private final Map<String, Integer> lowerCount = new HashMap<>();
  /** Capitalised occurrences anywhere, sentence starts included. */
  private final Map<String, Integer> capAll = new HashMap<>();
  final List<Mention> mentions = new ArrayList<>();
  /** Mention index starting at / ending at (last token) each token, or -1. */
  final int[] mentionStart;
  final int[] mentionEnd;
  final List<Person> people = new ArrayList<>();

  Names(Tokens t) {
    this.t = t;
    mentionStart = new int[t.size];
    mentionEnd = new int[t.size];
    java.util.Arrays.fill(mentionStart, -1);
    java.util.Arrays.fill(mentionEnd, -1);
    countCase();
    findMentions();
  }

  private static String base(String lower) {
    if (lower.endsWith("'s") || lower.endsWith("\u2019s")) {
      return lower.substring(0, lower.length() - 2);
    }
    return lower;
  }

  private void countCase() {
    for (int i = 0; i < t.size; i++) {
      if (!t.isWord[i]) {
        continue;
      }
      String b = base(t.lower[i]);
      if (t.isCap(i)) {
        capAll.merge(b, 1, Integer::sum);
        if (!t.sentenceStart[i]) {
          capMid.merge(b, 1, Integer::sum);
        }
      } else if (java.lang.Character.isLowerCase(t.word[i].charAt(0))) {
        lowerCount.merge(b, 1, Integer::sum);
      }
    }
  }

  /** A capitalised word the text treats as a name: capitalised mid-sentence more than not. */
  boolean isNameWord(int i) {
    if (!t.isCap(i) || t.isAllCaps(i)) {
      return false;
    }
    String b = base(t.lower[i]);
    if (Lexicon.STOP.contains(b) || Lexicon.SPEECH_VERBS.contains(b) || Tokens.isTitle(b)
        || b.length() < 2) {
      return false;
    }
    int cap = capMid.getOrDefault(b, 0);
    return cap >= 1 && lowerCount.getOrDefault(b, 0) <= cap;
  }

  /**
   * A sentence-initial capitalised word never seen elsewhere, directly followed by a name word:
   * the first name of "Fitzwilliam Darcy arrived".
   */
  private boolean isUnknownInitialWord(int i) {
    if (!t.sentenceStart[i] || !t.isCap(i) || t.isAllCaps(i) || i + 1 >= t.size
        || t.para[i + 1] != t.para[i] || !isNameWord(i + 1) || isPossessive(i)) {
      return false;
    }
    String b = t.lower[i];
    // "Unluckily Aziz", "What'll Fagin": adverbs and contractions open sentences, not names.
    return !Lexicon.STOP.contains(b) && !Lexicon.SPEECH_VERBS.contains(b) && !Tokens.isTitle(b)
        && lowerCount.getOrDefault(b, 0) == 0 && b.length() > 1 && !b.endsWith("ly")
        && b.indexOf('\'') < 0 && b.indexOf('\u2019') < 0
        && (capAll.getOrDefault(b, 0) >= 2 || firstNameGender(b) != null);
  }

  private boolean isPossessive(int i) {
    String l = t.lower[i];
    return l.endsWith("'s") || l.endsWith("\u2019s");
  }

  private void findMentions() {
    int i = 0;
    while (i < t.size) {
      if (t.paraFirst[t.para[i]] == i && isHeading(t.para[i])) {
        // Chapter titles are in title case: "The Rabbit Sends in a Little Bill".
        i = t.paraLast[t.para[i]];
        continue;
      }
      int next = tryMention(i);
      i = next > i ? next : i + 1;
    }
  }

  private boolean isHeading(int p) {
    int words = 0;
    int caps = 0;
    for (int k = t.paraFirst[p]; k < t.paraLast[p]; k++) {
      if (t.quote[k] >= 0) {
        return false;
      }
      if (t.isWord[k]) {
        words++;
        if (t.isCap(k) || java.lang.Character.isDigit(t.word[k].charAt(0))) {
          caps++;
        }
      }
    }
    return words > 0 && words <= 14 && caps * 2 > words;
  }

  private int tryMention(int i) {
    if (!t.isWord[i] || !t.isCap(i)) {
      return i;
    }
    String title = null;
    int j = i;
    String l = t.lower[i];
    if (Tokens.isTitle(l) && !t.isAllCaps(i)) {
      title = t.word[i];
      j = i + 1;
      if (j < t.size && t.word[j].equals(".") && t.para[j] == t.para[i]) {
        title = title + ".";
        j++;
      }
    }
    StringBuilder core = new StringBuilder();
    int k = j;
    int words = 0;
    boolean possessive = false;
    while (k < t.size && words < 4 && t.para[k] == t.para[i] && t.quote[k] == t.quote[i]) {
      if ((isNameWord(k) || words == 0 && title == null && isUnknownInitialWord(k))
          && (words == 0 || !t.sentenceStart[k])) {
        if (core.length() > 0) {
          core.append(' ');
        }
        String w = t.word[k];
        if (isPossessive(k)) {
          w = w.substring(0, w.length() - 2);
          possessive = true;
        }
        core.append(w);
        words++;
        k++;
        if (possessive) {
          break;
        }
      } else if (words > 0 && t.word[k].length() == 1 && t.isCap(k) && k + 2 < t.size
          && t.word[k + 1].equals(".") && isNameWord(k + 2)) {
        // A middle initial: "Annie P. Miller".
        core.append(' ').append(t.word[k]).append('.');
        k += 2;
      } else {
        break;
      }
    }
    if (words == 0) {
      if (title != null && Lexicon.STANDALONE_TITLES.contains(l) && !t.sentenceStart[i]) {
        // "the Duchess", "the Captain": a title used as a name.
        add(new Mention(i, i + 1, null, t.word[i], false));
        return i + 1;
      }
      return i;
    }
    // A month alone is a date, not a name ("March" but not "March Hare").
    if (words == 1 && title == null && Lexicon.MONTHS.contains(core.toString().toLowerCase())) {
      return k;
    }
    add(new Mention(i, k, title, core.toString(), possessive));
    return k;
  }

  private void add(Mention m) {
    int idx = mentions.size();
    mentions.add(m);
    mentionStart[m.first] = idx;
    mentionEnd[m.last - 1] = idx;
  }

  static String titleGender(String title) {
    if (title == null) {
      return null;
    }
    String l = title.toLowerCase().replace(".", "");
    if (Lexicon.MALE_TITLES.contains(l)) {
      return "male";
    }
    if (Lexicon.FEMALE_TITLES.contains(l)) {
      return "female";
    }
    return null;
  }

  /**
   * Groups mention forms into characters. {@code speakerForms} counts how often each form was
   * found next to a speech verb: those are characters for sure; other names need a title or to
   * be frequent and not look like places.
   */
  void buildCharacters(Map<String, Integer> speakerForms) {
    Map<String, Integer> formCount = new HashMap<>();
    Map<String, Integer> placeCount = new HashMap<>();
    Map<String, Integer> thingCount = new HashMap<>();
    Map<String, Integer> theCount = new HashMap<>();
    Map<String, String> formTitle = new HashMap<>();
    Map<String, String> formCore = new HashMap<>();
    for (Mention m : mentions) {
      formCount.merge(m.form, 1, Integer::sum);
      formTitle.put(m.form, m.title);
      formCore.put(m.form, m.core);
      if (m.first > 0 && t.quote[m.first] < 0
          && Lexicon.PLACE_PREPOSITIONS.contains(t.lower[m.first - 1])) {
        placeCount.merge(m.form, 1, Integer::sum);
      }
      // "in India", "an Englishman": a person is hardly ever inside something or "a" name.
      if (m.first > 0 && !m.possessive && Lexicon.THING_MARKERS.contains(t.lower[m.first - 1])) {
        thingCount.merge(m.form, 1, Integer::sum);
      }
      if (m.first > 0 && t.lower[m.first - 1].equals("the")) {
        theCount.merge(m.form, 1, Integer::sum);
      }
    }
    Set<String> keep = new LinkedHashSet<>();
    for (Map.Entry<String, Integer> e : formCount.entrySet()) {
      String form = e.getKey();
      int n = e.getValue();
      boolean speaker = speakerForms.getOrDefault(form, 0) > 0;
      boolean titled = formTitle.get(form) != null;
      // People are sometimes "to"/"of" someone; places mostly are ("at Vevey", "of Rome").
      boolean placeLike = placeCount.getOrDefault(form, 0) * 2 >= n;
      boolean knownFirst = isKnownFirstName(formCore.get(form));
      boolean fullKnown = knownFirst && formCore.get(form).contains(" ");
      boolean thing = !titled && (thingCount.getOrDefault(form, 0) * 4 >= n
          || isPlaceName(formCore.get(form)));
      if (!thing && (speaker || titled
          || (!placeLike && (fullKnown || n >= 3 && (knownFirst || n >= 8))))) {
        keep.add(form);
      }
    }
    // "the Wellands", "the Newland Archers": a family in the plural, not one speaker.
    Set<String> singularWords = new java.util.HashSet<>();
    for (String form : keep) {
      singularWords.add(lastOf(formCore.get(form)));
    }
    keep.removeIf(form -> {
      String last = lastOf(formCore.get(form));
      return last.length() > 3 && last.endsWith("s")
          && singularWords.contains(last.substring(0, last.length() - 1))
          && theCount.getOrDefault(form, 0) * 2 >= formCount.get(form)
          || Lexicon.PLURAL_TITLES.contains(firstOf(form).toLowerCase(java.util.Locale.ROOT)
              .replace(".", ""));
    });
    // A full name seen once still names a kept character: "Martha Hughes" for "Martha".
    Set<String> keptWords = new java.util.HashSet<>();
    for (String form : keep) {
      if (!formCore.get(form).contains(" ")) {
        keptWords.add(formCore.get(form));
      }
    }
    for (String form : formCount.keySet()) {
      String core = formCore.get(form);
      if (core.contains(" ") && (keptWords.contains(firstOf(core))
          || keptWords.contains(lastOf(core)))) {
        keep.add(form);
      }
    }
    // Full names (two or more core words) anchor the grouping.
    Map<String, String> coreToKey = new LinkedHashMap<>();
    Map<String, List<String>> lastWord = new HashMap<>();
    Map<String, List<String>> firstWord = new HashMap<>();
    Set<String> mrsFull = new java.util.HashSet<>();
    for (String form : keep) {
      String core = formCore.get(form);
      String title = formTitle.get(form);
      if (title != null && title.toLowerCase().startsWith("mrs") && core.contains(" ")) {
        mrsFull.add(lastOf(core));
      }
      if (core.contains(" ")) {
        // Middle names and initials don't make another person: key on first + last word.
        String key = fullKey(core);
        if (!coreToKey.containsKey(key)) {
          coreToKey.put(key, key);
          lastWord.computeIfAbsent(lastOf(core), x -> new ArrayList<>()).add(key);
          firstWord.computeIfAbsent(firstOf(core), x -> new ArrayList<>()).add(key);
        }
      }
    }
    Map<String, String> formKey = new LinkedHashMap<>();
    for (String form : keep) {
      String core = formCore.get(form);
      String title = formTitle.get(form);
      if (core.contains(" ")) {
        formKey.put(form, fullKey(core));
        continue;
      }
      String tg = titleGender(title);
      List<String> byLast = filterGender(lastWord.getOrDefault(core, List.of()), tg);
      List<String> byFirst = firstWord.getOrDefault(core, List.of());
      boolean mrs = title != null && title.toLowerCase().startsWith("mrs");
      boolean firstNameTitle = title != null && (title.toLowerCase().startsWith("miss")
          || title.toLowerCase().startsWith("sir") || title.toLowerCase().startsWith("lady")
          || title.toLowerCase().startsWith("master"));
      List<String> byFirstG = filterGender(byFirst, tg);
      if (firstNameTitle && byLast.isEmpty() && byFirstG.size() == 1) {
        // "Miss Daisy", "Sir Walter", "Master Randolph": title + first name.
        formKey.put(form, byFirstG.get(0));
      } else if (title != null && !title.toLowerCase().startsWith("miss") && !mrs
          && !title.toLowerCase().startsWith("mr") && !title.toLowerCase().startsWith("ms")
          && !title.toLowerCase().startsWith("sir") && !title.toLowerCase().startsWith("lady")) {
        // "King", "Captain Smith": rank titles keep their own identity unless a full name.
        formKey.put(form, byLast.size() == 1 ? byLast.get(0) : form);
      } else if (mrs && !mrsFull.contains(core)) {
        // "Mrs. Bennet" is rarely "Elizabeth Bennet": a married title joins a full name only
        // when that full name was itself written with it ("Mrs. Nora Blake").
        formKey.put(form, form);
      } else if (byLast.size() == 1 && (title != null || byFirst.isEmpty())) {
        formKey.put(form, byLast.get(0));
      } else if (title == null && byFirst.size() == 1 && byLast.isEmpty()) {
        formKey.put(form, byFirst.get(0));
      } else if (title == null) {
        formKey.put(form, "\u0000" + core);
      } else {
        formKey.put(form, form);
      }
    }
    // A bare surname with exactly one titled form and no full name joins that form ("Darcy" ->
    // "Mr. Darcy").
    Map<String, List<String>> titledByCore = new HashMap<>();
    for (String form : keep) {
      if (formTitle.get(form) != null && !formCore.get(form).contains(" ")
          && formKey.get(form).equals(form)) {
        titledByCore.computeIfAbsent(formCore.get(form), x -> new ArrayList<>()).add(form);
      }
    }
    for (Map.Entry<String, String> e : formKey.entrySet()) {
      if (e.getValue().startsWith("\u0000")) {
        String core = e.getValue().substring(1);
        List<String> titled = titledByCore.getOrDefault(core, List.of());
        e.setValue(titled.size() == 1 ? titled.get(0) : core);
      }
    }
    Map<String, Person> byKey = new LinkedHashMap<>();
    Map<String, Person> byForm = new HashMap<>();
    for (String form : keep) {
      String key = formKey.get(form);
      Person p = byKey.computeIfAbsent(key, k -> {
        Person np = new Person(people.size(), k);
        people.add(np);
        return np;
      });
      p.aliases.add(form);
      if (!form.equals(formCore.get(form)) && !formCore.get(form).contains(" ")
          && coreToKey.containsKey(key)) {
        // "Mr. Darcy" also stands for "Darcy" when that form was never seen alone.
        p.aliases.add(formCore.get(form));
      }
      byForm.put(form, p);
    }
    for (Person p : people) {
      p.name = displayName(p, formCount);
      p.aliases.add(p.name);
    }
    for (Mention m : mentions) {
      Person p = byForm.get(m.form);
      if (p != null) {
        m.character = p.id;
        String tg = titleGender(m.title);
        if ("male".equals(tg)) {
          p.titleMale++;
        } else if ("female".equals(tg)) {
          p.titleFemale++;
        } else if (m.title == null && m.core.indexOf(' ') < 0) {
          String sg = titleGender(m.core);
          if ("male".equals(sg)) {
            p.titleMale++;
          } else if ("female".equals(sg)) {
            p.titleFemale++;
          }
        }
      }
    }
    countPronouns();
    // Pronoun votes are measured against the text's overall he/she balance: in a novel about
    // one heroine "she" follows every name, so only a clear excess says something.
    int allMale = 0;
    int allFemale = 0;
    for (Person p : people) {
      allMale += p.male;
      allFemale += p.female;
    }
    double base = (allMale + 1.0) / (allMale + allFemale + 2.0);
    for (Person p : people) {
      p.gender = guessGender(p, base);
      for (String a : p.aliases) {
        p.speeches += speakerForms.getOrDefault(a, 0);
      }
    }
    // A name that never speaks and has no gender evidence is most likely a thing or a place
    // ("Americans", "Italy"): don't let it attract pronouns.
    for (Person p : people) {
      p.dropped = p.speeches == 0 && p.gender == null;
    }
    for (Mention m : mentions) {
      if (m.character >= 0 && people.get(m.character).dropped) {
        m.character = -1;
      }
    }
  }

  /** "New York", "Wimpole Street", "Grand Hotel": a name ending or starting like a place. */
  static boolean isPlaceName(String core) {
    String first = firstOf(core).toLowerCase(java.util.Locale.ROOT);
    String last = lastOf(core).toLowerCase(java.util.Locale.ROOT);
    return core.contains(" ") && (first.equals("new") || first.equals("saint")
        || first.equals("st")) || Lexicon.PLACE_NOUNS.contains(last);
  }

  private static List<String> filterGender(List<String> fulls, String gender) {
    if (gender == null) {
      return fulls;
    }
    List<String> out = new ArrayList<>();
    for (String f : fulls) {
      String g = firstNameGender(firstOf(f));
      if (g == null || g.equals(gender)) {
        out.add(f);
      }
    }
    return out;
  }

  private static String displayName(Person p, Map<String, Integer> formCount) {
    // The longest untitled full name, else the most frequent form.
    String best = null;
    for (String a : p.aliases) {
      if (a.contains(" ") && titleOf(a) == null && (best == null || a.length() > best.length())) {
        best = a;
      }
    }
    if (best != null) {
      return best;
    }
    int bestCount = -1;
    for (String a : p.aliases) {
      int c = formCount.getOrDefault(a, 0);
      if (c > bestCount) {
        best = a;
        bestCount = c;
      }
    }
    return best;
  }

  private static String titleOf(String form) {
    int sp = form.indexOf(' ');
    if (sp < 0) {
      return null;
    }
    String first = form.substring(0, sp).toLowerCase().replace(".", "");
    return Tokens.isTitle(first) ? first : null;
  }

  private static String fullKey(String core) {
    return firstOf(core) + " " + lastOf(core);
  }

  private static String lastOf(String core) {
    return core.substring(core.lastIndexOf(' ') + 1);
  }

  private static String firstOf(String core) {
    int sp = core.indexOf(' ');
    return sp < 0 ? core : core.substring(0, sp);
  }

  static String firstNameGender(String first) {
    String l = first.toLowerCase();
    if (Lexicon.MALE_NAMES.contains(l)) {
      return "male";
    }
    if (Lexicon.FEMALE_NAMES.contains(l)) {
      return "female";
    }
    return null;
  }

  private static boolean isKnownFirstName(String core) {
    return firstNameGender(firstOf(core)) != null;
  }

  /** Votes from the first he/she pronoun after a narration mention, before another name. */
  private void countPronouns() {
    for (Mention m : mentions) {
      if (m.character < 0 || t.quote[m.first] >= 0) {
        continue;
      }
      int limit = Math.min(t.size, m.last + 15);
      for (int k = m.last; k < limit; k++) {
        if (t.para[k] != t.para[m.first] || t.quote[k] >= 0 || mentionStart[k] >= 0) {
          break;
        }
        String l = t.lower[k];
        if (Lexicon.MALE_PRONOUNS.contains(l)) {
          people.get(m.character).male++;
          break;
        }
        if (Lexicon.FEMALE_PRONOUNS.contains(l)) {
          people.get(m.character).female++;
          break;
        }
      }
    }
  }

  private static String guessGender(Person p, double base) {
    if (p.titleMale > p.titleFemale) {
      return "male";
    }
    if (p.titleFemale > p.titleMale) {
      return "female";
    }
    String byName = null;
    for (String a : p.aliases) {
      String first = firstOf(a);
      if (titleOf(a) != null) {
        first = firstOf(a.substring(a.indexOf(' ') + 1));
      }
      byName = firstNameGender(first);
      if (byName != null) {
        break;
      }
    }
    if (byName != null) {
      return byName;
    }
    int n = p.male + p.female;
    if (n == 0) {
      return null;
    }
    // Clearly one-sided votes decide alone (a cast of male animals has a male base rate).
    if (p.male >= 3 && p.male >= 4 * p.female) {
      return "male";
    }
    if (p.female >= 3 && p.female >= 4 * p.male) {
      return "female";
    }
    double ratio = (p.male + 0.5) / (n + 1.0);
    double margin = n >= 4 ? 0.15 : 0.3;
    if (ratio > base + margin || p.female == 0 && p.male >= 2) {
      return "male";
    }
    if (ratio < base - margin || p.male == 0 && p.female >= 2) {
      return "female";
    }
    return null;
  }
}
