package com.etoaudiobook.book.attribution.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 3, building the cast: which name forms are people (speakers, titled names, frequent
 * names that are not places or kinds of people), which forms are one person ("Mr. Darcy",
 * "Darcy", "Fitzwilliam Darcy"; never "Mr." and "Mrs." of one surname), each person's display
 * name, and gender from titles, first names and the pronouns that follow the name.
 */
final class CastBuilder {
  /** A family's titles before a surname ("Uncle Pumblechook"): the same person as its one "Mr." or "Mrs.". */
  private static final Set<String> KIN = Set.of("uncle", "aunt");

  /**
   * A family's word for one of its own ("Mother asked"), written more often than the one name it
   * opens: that name ("a Mother Goose wall-paper", "a Father Christmas") is someone else, or no one.
   */
  private static final Set<String> FAMILY_WORDS = Set.of("mother", "father", "mamma", "mama", "mummy", "mommy",
      "papa", "daddy", "granny", "grandma", "grandpa", "grandmother", "grandfather", "nanny", "nurse",
      "uncle", "aunt", "auntie");


  /**
   * "the Admiral Benbow", "the General Wolfe": an inn or a ship named after a man, a rank or a
   * plain honorific and a name mostly after "the", where a man so titled goes without it ("Captain
   * Smollett said"). (Not a noble's title: "the Duke of Omnium", "the Countess Olenska" are people.)
   */
  private static boolean signboard(String title, int n, int afterThe, int cues) {
    return SIGNBOARD_TITLES.contains(title.toLowerCase(java.util.Locale.ROOT).replace(".", ""))
        && n >= 3 && afterThe * 4 >= n * 3 && cues * 4 < n;
  }

  private static final Set<String> SIGNBOARD_TITLES = Set.of("admiral", "captain", "general",
      "colonel", "major", "lieutenant", "sergeant", "commodore", "mr", "mrs", "miss", "dr");

  private static final java.util.regex.Pattern PEOPLE_PLURAL =
      java.util.regex.Pattern.compile("^\\p{Lu}\\p{Ll}*(sh|ch|s|y|le)men$");

  private final Tokens t;
  private final List<Names.Mention> mentions;
  private final int[] mentionStart;
  private final List<Names.Person> people;
  private final Names names;
  private final Set<String> firstNames = new java.util.HashSet<>();

  CastBuilder(Tokens t, Names names) {
    this.t = t;
    this.names = names;
    this.mentions = names.mentions;
    this.mentionStart = names.mentionStart;
    this.people = names.people;
  }

  /**
   * Groups mention forms into characters. {@code speakerForms} counts how often each form was
   * found next to a speech verb: those are characters for sure; other names need a title or to
   * be frequent and not look like places.
   */
  void build(Map<String, Integer> speakerForms) {
    FormEvidence ev = new FormEvidence(t, mentions);
    Map<String, Integer> formCount = ev.count;
    Map<String, Integer> placeCount = ev.place;
    Map<String, Integer> thingCount = ev.thing;
    Map<String, Integer> theCount = ev.afterThe;
    Map<String, String> formTitle = ev.title;
    Map<String, String> formCore = ev.core;
    // "Frances" of "Frances Clyne" is a first name, whatever "France" is.
    for (String core : formCore.values()) {
      if (core.contains(" ")) {
        firstNames.add(NameForms.firstOf(core));
      }
    }
    Set<String> keep = new LinkedHashSet<>();
    for (Map.Entry<String, Integer> e : formCount.entrySet()) {
      String form = e.getKey();
      int n = e.getValue();
      // A name found next to a speech verb now and then, but mostly "in"/"to"/"of" it, is a place
      // whose cue was misread ("India", "York").
      int cues = speakerForms.getOrDefault(form, 0);
      // A name that speaks is a person "to"/"of" someone ("he turned to Ann"): only "in", "at",
      // "from"... count against it; one that never speaks is a place "to"/"of" it too ("of Rome").
      int places = (cues > 0 ? ev.strongPlace : placeCount).getOrDefault(form, 0);
      // One cue for a name seen mostly after "in"/"on the" is a misread place ("the Strand").
      boolean speaker = cues > 0 && cues * 4 > places && !(cues == 1 && places * 2 >= n);
      boolean titled = formTitle.get(form) != null;
      boolean placeLike = places * 2 >= n;
      boolean knownFirst = NameForms.isKnownFirstName(formCore.get(form));
      boolean fullKnown = knownFirst && formCore.get(form).contains(" ");
      // "the Hindus", "the European": a name that never speaks and mostly follows "the" is a
      // group or a kind.
      boolean group = !speaker && theCount.getOrDefault(form, 0) * 2 > n
          && !Lexicon.STANDALONE_TITLES.contains(formCore.get(form).toLowerCase());
      // A frequent name seen "in"/"an" it one time in ten is a country or a kind, never a person.
      int things = thingCount.getOrDefault(form, 0);
      boolean thing = !titled && (things * 4 >= n || n >= 20 && things * 10 >= n || group
          || NameForms.isPlaceName(formCore.get(form)))
          || titled && NameForms.isRoyalPlace(formTitle.get(form), formCore.get(form))
          || titled && signboard(formTitle.get(form), n, theCount.getOrDefault(form, 0), cues);
      // "Englishmen", "Frenchmen", "Clergymen": a plural of people, never one speaker.
      boolean peoplePlural = !titled && (PEOPLE_PLURAL.matcher(formCore.get(form)).find()
          || NameForms.isKindPlural(formCore.get(form), names, firstNames));
      boolean glued = !titled && (NameForms.gluedToNoun(formCore.get(form), n, names)
          || NameForms.pluralOfNoun(formCore.get(form), names));
      if (!thing && !peoplePlural && !glued && (speaker || titled
          || (!placeLike && (fullKnown || n >= 3 && (knownFirst || n >= 8))))) {
        keep.add(form);
      }
    }
    // "the Wellands", "the Newland Archers": a family in the plural, not one speaker.
    Set<String> singularWords = new java.util.HashSet<>();
    for (String form : keep) {
      singularWords.add(NameForms.lastOf(formCore.get(form)));
    }
    keep.removeIf(form -> {
      String last = NameForms.lastOf(formCore.get(form));
      return last.length() > 3 && last.endsWith("s")
          && singularWords.contains(last.substring(0, last.length() - 1))
          && theCount.getOrDefault(form, 0) * 2 >= formCount.get(form)
          || Lexicon.PLURAL_TITLES.contains(NameForms.firstOf(form).toLowerCase(java.util.Locale.ROOT)
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
      // "Red Gables, Catherine Street": a place that starts with a kept first name.
      if (core.contains(" ") && !NameForms.isPlaceName(core)
          && (keptWords.contains(NameForms.firstOf(core))
          || keptWords.contains(NameForms.lastOf(core))) && (formTitle.get(form) != null
          || !NameForms.gluedToNoun(core, formCount.get(form), names))) {
        keep.add(form);
      }
    }
    // "the Richard Lasts", "the Lady Frasers", "the Newland Archers": a full or titled name in
    // the plural, mostly after "the", is a household; never one speaker (and the step above
    // may have brought it back by its first word).
    keep.removeIf(form -> {
      String core = formCore.get(form);
      String last = NameForms.lastOf(core);
      return speakerForms.getOrDefault(form, 0) == 0
          && (core.contains(" ") || formTitle.get(form) != null)
          && last.length() > 3 && last.endsWith("s") && !last.endsWith("ss")
          && theCount.getOrDefault(form, 0) * 2 >= formCount.get(form);
    });
    // "called Scrooge Scrooge": one name said twice is no first name and surname
    keep.removeIf(form -> formCore.get(form).contains(" ")
        && NameForms.firstOf(formCore.get(form)).equals(NameForms.lastOf(formCore.get(form))));
    // Full names (two or more core words) anchor the grouping.
    Map<String, String> coreToKey = new LinkedHashMap<>();
    Map<String, List<String>> lastWord = new HashMap<>();
    Map<String, List<String>> firstWord = new HashMap<>();
    Set<String> mrsFull = new java.util.HashSet<>();
    // first names written under a married title ("Mrs. Rachel Lynde"): "Mrs. Rachel" is her
    Set<String> mrsFirst = new java.util.HashSet<>();
    Map<String, Set<String>> keyTitles = new HashMap<>();
    for (String form : keep) {
      String core = formCore.get(form);
      String title = formTitle.get(form);
      if (title != null && (title.toLowerCase().startsWith("mrs")
          || title.toLowerCase().startsWith("lady")) && core.contains(" ")) {
        mrsFull.add(NameForms.lastOf(core));
        mrsFirst.add(NameForms.firstOf(core));
      }
      if (core.contains(" ")) {
        // Middle names and initials don't make another person: key on first + last word.
        String key = NameForms.fullKey(core);
        if (title != null) {
          keyTitles.computeIfAbsent(key, x -> new java.util.HashSet<>())
              .add(title.toLowerCase(java.util.Locale.ROOT).replace(".", ""));
        }
        if (!coreToKey.containsKey(key)) {
          coreToKey.put(key, key);
          // "Harvest Thanksgiving Tony": a full name ending in a first name, and not starting
          // with one, is words glued to a name; "Tony" alone is not its surname.
          if (GenderGuess.firstNameGender(NameForms.lastOf(core)) == null
              || GenderGuess.firstNameGender(NameForms.firstOf(core)) != null) {
            lastWord.computeIfAbsent(NameForms.lastOf(core), x -> new ArrayList<>()).add(key);
          }
          firstWord.computeIfAbsent(NameForms.firstOf(core), x -> new ArrayList<>()).add(key);
        }
      }
    }
    // Gender of each full name, from its first name or the pronouns after its untitled forms:
    // "Mr. Hilbery" does not join "Katharine Hilbery", "Mrs. John Dashwood" is not John.
    Map<String, int[]> votes = GenderGuess.formVotes(t, mentions, mentionStart);
    Map<String, int[]> keyVotes = new HashMap<>();
    Map<String, Integer> keyCount = new HashMap<>();
    for (String form : keep) {
      String core = formCore.get(form);
      if (core.contains(" ")) {
        keyCount.merge(NameForms.fullKey(core), formCount.get(form), Integer::sum);
        if (formTitle.get(form) == null) {
          int[] v = keyVotes.computeIfAbsent(NameForms.fullKey(core), x -> new int[2]);
          int[] fv = votes.getOrDefault(form, new int[2]);
          v[0] += fv[0];
          v[1] += fv[1];
        }
      }
    }
    Map<String, String> fullGender = new HashMap<>();
    Map<String, String> titledGender = new HashMap<>();
    for (String form : keep) {
      // "Miss Katharine Hilbery": a titled full name tells the gender (unless titles disagree).
      // "Mrs. John Dashwood" is John's wife: a married title says nothing of the full name.
      String tg = GenderGuess.titleGender(formTitle.get(form));
      if (tg != null && formCore.get(form).contains(" ")
          && !formTitle.get(form).toLowerCase().startsWith("mrs")) {
        titledGender.merge(NameForms.fullKey(formCore.get(form)), tg, (a, b) -> a.equals(b) ? a : "");
      }
    }
    for (String key : coreToKey.keySet()) {
      String g = GenderGuess.firstNameOrEnding(NameForms.firstOf(key));
      if (g == null && titledGender.containsKey(key) && !titledGender.get(key).isEmpty()) {
        g = titledGender.get(key);
      }
      fullGender.put(key, g != null ? g : GenderGuess.clear(keyVotes.get(key)));
    }
    Map<String, String> formKey = new LinkedHashMap<>();
    for (String form : keep) {
      String core = formCore.get(form);
      String title = formTitle.get(form);
      String tg = GenderGuess.titleGender(title);
      if (core.contains(" ")) {
        String g = fullGender.get(NameForms.fullKey(core));
        formKey.put(form, tg != null && g != null && !g.equals(tg) ? form : NameForms.fullKey(core));
        continue;
      }
      // An untitled name's own pronouns stand in for a title: "Archer ... he" is the man.
      String own = tg != null ? tg : GenderGuess.clear(votes.get(form));
      List<String> byLast = new ArrayList<>();
      for (String full : lastWord.getOrDefault(core, List.of())) {
        String g = fullGender.get(full);
        if (own == null || g == null || g.equals(own)) {
          byLast.add(full);
        }
      }
      List<String> byFirst = firstWord.getOrDefault(core, List.of());
      if (title == null) {
        byFirst = NameForms.dominant(byFirst, keyCount);
      }
      boolean mrs = title != null && title.toLowerCase().startsWith("mrs");
      boolean firstNameTitle = title != null && (title.toLowerCase().startsWith("miss")
          || title.toLowerCase().startsWith("sir") || title.toLowerCase().startsWith("lady")
          || title.toLowerCase().startsWith("master") || title.toLowerCase().startsWith("mistress"));
      List<String> byFirstG = NameForms.filterGender(byFirst, tg);
      boolean lord = title != null && title.toLowerCase().startsWith("lord");
      if ((firstNameTitle || lord) && byLast.isEmpty() && byFirstG.isEmpty()) {
        // "Lord Tony" for the one "Lord Antony Dewhurst": a pet form of the full name's first
        List<String> byFormal = new ArrayList<>();
        for (String formal : Hypocorisms.formalsOf(core)) {
          for (String full : firstWord.getOrDefault(NameForms.capitalized(formal), List.of())) {
            if (keyTitles.getOrDefault(full, Set.of()).contains(title.toLowerCase(java.util.Locale.ROOT).replace(".", ""))) {
              byFormal.add(full);
            }
          }
        }
        byFirstG = NameForms.filterGender(byFormal, tg);
      }
      if ((firstNameTitle || lord || mrs && mrsFirst.contains(core)) && byLast.isEmpty() && byFirstG.size() == 1) {
        // "Miss Daisy", "Sir Walter", "Master Randolph", "Mistress Mary": title + first name; "Mrs. Rachel" too
        // where the text writes "Mrs. Rachel Lynde".
        formKey.put(form, byFirstG.get(0));
      } else if (title != null && !title.toLowerCase().startsWith("miss") && !mrs
          && !title.toLowerCase().startsWith("mr") && !title.toLowerCase().startsWith("ms")
          && !title.toLowerCase().startsWith("sir") && !title.toLowerCase().startsWith("lady")) {
        // "King", "Captain Smith": rank titles keep their own identity unless a full name,
        // or the one full name written with that rank ("Captain Frederick Tilney").
        String rank = title.toLowerCase(java.util.Locale.ROOT).replace(".", "");
        List<String> ranked = byLast.stream()
            .filter(k -> keyTitles.getOrDefault(k, Set.of()).contains(rank)).toList();
        formKey.put(form, byLast.size() == 1 ? byLast.get(0) : ranked.size() == 1 ? ranked.get(0)
            : form);
      } else if ((mrs || title != null && title.toLowerCase().startsWith("lady")
          && byFirst.isEmpty()) && !mrsFull.contains(core)) {
        // "Mrs. Bennet" is rarely "Elizabeth Bennet", nor "Lady Vane" (a wife's title on her
        // husband's surname) "Cassandra Vane": a married title joins a full name only when
        // that full name was itself written with it ("Mrs. Nora Blake", "Lady Jane Vane").
        formKey.put(form, form);
      } else if (byLast.size() == 1 && (title != null || byFirst.isEmpty())
          && !(title == null && theCount.getOrDefault(form, 0) * 2 > formCount.get(form)
          && keyCount.getOrDefault(byLast.get(0), 0) < 2)) {
        // (but "said the Spirit" is not "the Evil Spirit's nose", seen once: a word that mostly
        // follows "the" is a noun, no surname, and joins a phrase ending in it only if that recurs)
        formKey.put(form, byLast.get(0));
      } else if (title == null && byFirst.size() == 1 && !(FAMILY_WORDS.contains(core.toLowerCase(java.util.Locale.ROOT))
          && keyCount.getOrDefault(byFirst.get(0), 0) < formCount.get(form)) && (byLast.isEmpty()
          || (keyCount.getOrDefault(byFirst.get(0), 0) > 2 * byLast.stream()
          .mapToInt(k -> keyCount.getOrDefault(k, 0)).sum())
          || byLast.size() == 1 && (
          // A tie between one-offs ("Adela Quested", "Presently Adela"): the full name whose
          // gender is the bare name's own.
          own != null && own.equals(fullGender.get(byFirst.get(0)))
          && !own.equals(fullGender.get(byLast.get(0)))
          && keyCount.getOrDefault(byFirst.get(0), 0)
          >= keyCount.getOrDefault(byLast.get(0), 0)))) {
        // "Newland" is "Newland Archer" (seen far more often than a stray "Luyden Newland").
        formKey.put(form, byFirst.get(0));
      } else if (title == null) {
        formKey.put(form, "\u0000" + core);
      } else {
        formKey.put(form, form);
      }
    }
    // A titled form that stands for itself is keyed without the title's dot: British and
    // American spellings of one title are one person ("Mrs Mann", "Mrs. Mann").
    for (Map.Entry<String, String> e : formKey.entrySet()) {
      String form = e.getKey();
      if (formTitle.get(form) != null && e.getValue().equals(form)) {
        e.setValue(NameForms.titledKey(formTitle.get(form), formCore.get(form)));
      }
    }
    // "Uncle Pumblechook" is the one "Mr. Pumblechook", "Aunt Norris" the one "Mrs. Norris": a family's
    // title and a surname, beside one other titled form of that surname and gender (not "Father
    // Brown", a priest's title too)
    for (String form : keep) {
      String title = formTitle.get(form);
      String core = formCore.get(form);
      if (title == null || core.contains(" ") || !KIN.contains(title.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      String gender = GenderGuess.titleGender(title);
      Set<String> others = new java.util.HashSet<>();
      for (String other : keep) {
        String t = formTitle.get(other);
        if (t != null && !other.equals(form) && core.equals(formCore.get(other)) && !KIN.contains(t.toLowerCase(java.util.Locale.ROOT))
            && gender != null && gender.equals(GenderGuess.titleGender(t))) {
          others.add(formKey.get(other));
        }
      }
      if (others.size() == 1) {
        formKey.put(form, others.iterator().next());
      }
    }
    // A bare surname with exactly one titled form and no full name joins that form ("Darcy" ->
    // "Mr. Darcy").
    Map<String, List<String>> titledByCore = new HashMap<>();
    Set<String> titledKeys = new java.util.HashSet<>();
    for (String form : keep) {
      String title = formTitle.get(form);
      if (title != null && !formCore.get(form).contains(" ")
          && formKey.get(form).equals(NameForms.titledKey(title, formCore.get(form)))
          && titledKeys.add(formKey.get(form))) {
        titledByCore.computeIfAbsent(formCore.get(form), x -> new ArrayList<>()).add(form);
      }
    }
    for (Map.Entry<String, String> e : formKey.entrySet()) {
      if (e.getValue().startsWith("\u0000")) {
        String core = e.getValue().substring(1);
        List<String> titled = titledByCore.getOrDefault(core, List.of());
        String own = GenderGuess.clear(votes.get(core));
        // "Gregory" (he) does not join "Miss Gregory", his sister.
        String titleGender = titled.size() == 1
            ? GenderGuess.titleGender(formTitle.get(titled.get(0))) : null;
        boolean agree = titled.size() == 1 && (own == null || titleGender == null
            || own.equals(titleGender));
        // "Turton" (he) beside "Mr. Turton" and "Mrs. Turton": the one titled form of his gender.
        List<String> sameGender = own == null ? List.of() : titled.stream()
            .filter(f -> own.equals(GenderGuess.titleGender(formTitle.get(f)))).toList();
        // "Sowerberry" beside Mr. and Mrs. Sowerberry, no pronoun telling: narration names a
        // woman by her title, so a bare surname is the one man of that name; unless it mostly
        // follows "the" ("the Vane family"): then it names the household.
        List<String> men = titled.stream()
            .filter(f -> "male".equals(GenderGuess.titleGender(formTitle.get(f)))).toList();
        int[] v = votes.getOrDefault(core, new int[2]);
        if (own == null && !agree && men.size() == 1 && v[1] <= v[0]
            && theCount.getOrDefault(core, 0) * 3 < formCount.getOrDefault(core, 0)) {
          sameGender = men;
        }
        e.setValue(agree ? formKey.get(titled.get(0))
            : sameGender.size() == 1 ? formKey.get(sameGender.get(0)) : core);
      }
    }
    Map<String, Names.Person> byKey = new LinkedHashMap<>();
    Map<String, Names.Person> byForm = new HashMap<>();
    for (String form : keep) {
      if (Lexicon.PLURAL_TITLES.contains(
          NameForms.firstOf(form).toLowerCase(java.util.Locale.ROOT).replace(".", ""))) {
        // "Mesdames Callendar" names two people, never one role. (The form still took part in
        // the grouping above: it keeps "Miss Callendar" from joining a lone full name.)
        continue;
      }
      String key = formKey.get(form);
      Names.Person p = byKey.computeIfAbsent(key, k -> {
        Names.Person np = new Names.Person(people.size(), k);
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
    for (Names.Person p : people) {
      p.name = NameForms.displayName(p, formCount, names);
      p.aliases.add(p.name);
    }
    for (Names.Mention m : mentions) {
      Names.Person p = byForm.get(m.form);
      if (p != null) {
        m.character = p.id;
        String tg = GenderGuess.titleGender(m.title);
        if ("male".equals(tg)) {
          p.titleMale++;
        } else if ("female".equals(tg)) {
          p.titleFemale++;
        } else if (m.title == null && m.core.indexOf(' ') < 0) {
          String sg = GenderGuess.titleGender(m.core);
          if ("male".equals(sg)) {
            p.titleMale++;
          } else if ("female".equals(sg)) {
            p.titleFemale++;
          }
        }
      }
    }
    GenderGuess.countPronouns(t, mentions, mentionStart, people);
    // Pronoun votes are measured against the text's overall he/she balance: in a novel about
    // one heroine "she" follows every name, so only a clear excess says something.
    int allMale = 0;
    int allFemale = 0;
    for (Names.Person p : people) {
      allMale += p.male;
      allFemale += p.female;
    }
    double base = (allMale + 1.0) / (allMale + allFemale + 2.0);
    for (Names.Person p : people) {
      p.gender = GenderGuess.guess(p, base);
      // Too close to call for a voice, but enough to prefer this one for a "he" or a "she".
      p.lean = p.gender != null ? p.gender : p.male > 1.5 * p.female ? "male"
          : p.female > 1.5 * p.male ? "female" : null;
      for (String a : p.aliases) {
        p.speeches += speakerForms.getOrDefault(a, 0);
      }
    }
    CastMerges merges = new CastMerges(t, names, formTitle, formCore);
    for (Names.Person p : merges.run()) {
      p.gender = GenderGuess.guess(p, base);
      p.lean = p.gender != null ? p.gender : p.male > 1.5 * p.female ? "male"
          : p.female > 1.5 * p.male ? "female" : null;
      if (!merges.officeHolders.contains(p)) {
        p.name = NameForms.displayName(p, formCount, names);
        p.aliases.add(p.name);
      }
    }
    new CastFilter(t, names).drop(formCount, placeCount);
    if (CastFilter.SHOW) {
      CastFilter.show(t, names);
    }
    for (Names.Mention m : mentions) {
      if (m.character >= 0 && people.get(m.character).dropped) {
        m.character = -1;
      }
    }
  }
}
