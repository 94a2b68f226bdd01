package com.etoaudiobook.book.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of a document's play labels ({@code ROPER.}, {@code Nora [busy].}, see {@link Label}) name
 * its speakers. Prose starts paragraphs with "Yes." or "Good." as often as a play starts them with
 * a name, so a name counts only when it is used as a label {@link #MIN_USES} times and its last
 * word never stands in lower case in the text ("yes", "good" do; "Roper" does not), or, in
 * capitals, twice; and only where at least two names count: a play is a dialogue.
 */
final class PlayNames {
  /** Uses as a label a name needs: a speaker of a play speaks again and again. */
  static final int MIN_USES = 3;

  private final Map<String, Integer> uses = new HashMap<>();
  private final Map<String, Boolean> caps = new HashMap<>();
  /** Names only ever written as a screenplay's cue ("MARA" alone over her line). */
  private final Map<String, Boolean> cues = new HashMap<>();
  private Set<String> accepted;

  /** Counts one line's label (null for none): a play's here, a script's in {@code colonLabels}. */
  void count(Label label, Map<String, Integer> colonLabels) {
    if (label != null && label.play()) {
      add(label);
    } else if (label != null) {
      colonLabels.merge(Label.key(label.name()), 1, Integer::sum);
    }
  }

  /** Counts one line's play label. */
  private void add(Label label) {
    String key = Label.key(label.name());
    uses.merge(key, 1, Integer::sum);
    // a play label in emphasis ("_Ogre_", marked bold) is as plain a name as capitals are
    caps.merge(key, Markup.isAllCaps(label.name()) || label.bold(), Boolean::logicalAnd);
    cues.merge(key, label.cue(), Boolean::logicalAnd);
  }

  /** Whether label names one of the play's speakers; {@link #decide} first. */
  boolean accepts(Label label) {
    return label.play() && accepted.contains(Label.key(label.name()));
  }

  /**
   * Whether a plain label of a script's syntax counts beside these names: in a play, only one used
   * twice ("LONDON: WILLIAM HEINEMANN" on its title page is an imprint, not a speaker).
   */
  boolean acceptsColon(Label label, Map<String, Integer> counts) {
    return label.accepted(counts) && (accepted.isEmpty() || label.bold()
        || counts.getOrDefault(Label.key(label.name()), 0) >= 2);
  }

  /**
   * Decides which names count, given the whole text they were read from and the lines with a
   * script's label ("MARA: Hi."): where those are as many as the play's, the script is theirs.
   */
  void decide(CharSequence text, Map<String, Integer> colonLabels) {
    int colon = colonLabels.values().stream().mapToInt(Integer::intValue).sum();
    int plays = uses.values().stream().mapToInt(Integer::intValue).sum();
    if (colon >= plays) {
      accepted = new HashSet<>();
      return;
    }
    Map<String, String> lastWords = new HashMap<>();
    for (Map.Entry<String, Integer> e : uses.entrySet()) {
      if (e.getValue() >= MIN_USES && !caps.get(e.getKey())) {
        String k = e.getKey();
        lastWords.put(k, k.substring(k.lastIndexOf(' ') + 1));
      }
    }
    Set<String> inLowerCase = lastWords.isEmpty() ? Set.of() : lowerCaseWords(text, new HashSet<>(lastWords.values()));
    accepted = new HashSet<>();
    for (Map.Entry<String, Integer> e : uses.entrySet()) {
      String last = lastWords.get(e.getKey());
      if (OPENERS.contains(e.getKey())) {
        continue;  // "PAUSE." and "SILENCE." twice do not make a play
      }
      if (caps.get(e.getKey()) ? e.getValue() >= MIN_USES - 1 : e.getValue() >= MIN_USES && !inLowerCase.contains(last)) {
        accepted.add(e.getKey());
      }
    }
    if (accepted.size() < 2) {
      accepted.clear();
      return;
    }
    // A play, then: its speakers named by common nouns count too ("Nurse.", "King.", "Lane."),
    // but not the words a speech or a direction opens with; used twice, or in capitals.
    // Names in capitals count from their first use, a play's one-line messenger too ("MESSENGER.",
    // "FIRST CLOWN."; not "AFTER THE THEATRE." of an advertisement, nor a cue alone on its line).
    for (Map.Entry<String, Integer> e : uses.entrySet()) {
      String k = e.getKey();
      boolean once = caps.get(k) && (!cues.get(k) && k.split(" ").length <= 2 || SOME_OF.matcher(k).lookingAt());
      if (!OPENERS.contains(k) && (once || e.getValue() >= 2)) {
        accepted.add(k);
      }
    }
    // several of its speakers at once ("BLAND, DE CASTRO, AND ROPER."), from their first use
    Set<String> single = Set.copyOf(accepted);
    for (String k : uses.keySet()) {
      List<String> members = Label.members(k);
      if (members.size() >= 2 && members.stream().allMatch(m -> single.contains(Label.key(m)))) {
        accepted.add(k);
      }
    }
  }

  /** Some of a play's persons speaking at once: "SOME OF THE MEN.", "ONE OF THE WAITERS.", "THE OTHERS." */
  private static final Pattern SOME_OF = Pattern.compile(
      "(?:(?:some|one|two|three|all|both|several|many|most|a few|others|each) of |(?:the )?others$|the rest$|all$|both$)");

  /** Words that open a sentence with a stop after them: "Yes. I will.", "Well. Go on." */
  private static final Set<String> OPENERS = Set.of("yes", "no", "nay", "ay", "aye", "well", "oh", "ah",
      "o", "good", "so", "then", "now", "there", "here", "indeed", "perhaps", "certainly", "nonsense",
      "nothing", "never", "really", "quite", "right", "thanks", "sir", "madam", "come", "go", "look",
      "stop", "wait", "hush", "alas", "farewell", "enough", "exactly", "silence", "pause", "again",
      "later", "next", "once", "yes sir", "very well", "all right", "good night", "good morning",
      "good-bye", "goodbye", "adieu", "amen", "why", "what", "who", "how", "listen", "stay", "hark",
      "beat", "still", "quiet", "music", "darkness", "lights", "noise", "laughter", "applause");

  /** Which of words stand in the text as a word starting in lower case. */
  private static Set<String> lowerCaseWords(CharSequence text, Set<String> words) {
    Set<String> found = new HashSet<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '\u2019'
          || text.charAt(i) == '-')) {
        i++;
      }
      if (Character.isLowerCase(c) && (s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1)))) {
        String w = text.subSequence(s, i).toString().toLowerCase(Locale.ROOT);
        if (words.contains(w)) {
          found.add(w);
        }
      }
    }
    return found;
  }
}
