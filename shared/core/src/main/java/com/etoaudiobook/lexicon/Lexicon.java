package com.etoaudiobook.lexicon;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pronunciation dictionary: word → how to say it. Words match whole words, ignoring case
 * ("Ahab" also matches "AHAB"), longest entry first, so "Hermione Granger" wins over "Hermione".
 * Later entries for the same word replace earlier ones (a book's entry overrides the user's).
 */
public record Lexicon(List<Entry> entries) {
  public static final int MAX_ENTRIES = 1000;
  public static final int MAX_WORD = 100;
  public static final int MAX_PRONUNCIATION = 200;
  public static final Lexicon EMPTY = new Lexicon(List.of());

  /**
   * One entry: exactly one of {@code respelling} (letters an engine reads as a word) and
   * {@code ipa} (IPA symbols, without slashes) is set.
   */
  public record Entry(String word, String respelling, String ipa) {
    public Entry {
      word = word == null ? "" : word.strip().replaceAll("\\s+", " ");
      respelling = blankToNull(respelling);
      ipa = blankToNull(ipa);
      if (word.isEmpty()) {
        throw new LexiconException("a lexicon entry has an empty word");
      }
      if (word.length() > MAX_WORD) {
        throw new LexiconException("the word '" + word.substring(0, 20) + "…' is longer than " + MAX_WORD + " characters");
      }
      if (!Character.isLetterOrDigit(word.codePointAt(0))
          || !Character.isLetterOrDigit(word.codePointBefore(word.length()))) {
        throw new LexiconException("the word '" + word + "' must start and end with a letter or digit");
      }
      if ((respelling == null) == (ipa == null)) {
        throw new LexiconException("the word '" + word + "' needs exactly one pronunciation: a respelling or IPA");
      }
      String said = respelling != null ? respelling : ipa;
      if (said.length() > MAX_PRONUNCIATION) {
        throw new LexiconException("the pronunciation of '" + word + "' is longer than " + MAX_PRONUNCIATION + " characters");
      }
      if (said.chars().anyMatch(c -> c == '<' || c == '>' || c == '"' || c == '&' || c == '[' || c == ']'
          || Character.isISOControl(c))) {
        throw new LexiconException("the pronunciation of '" + word + "' contains a character that is not allowed (< > \" & [ ] or a control)");
      }
    }

    public static Entry respelled(String word, String respelling) {
      return new Entry(word, respelling, null);
    }

    public static Entry ipa(String word, String ipa) {
      return new Entry(word, null, ipa);
    }

    /** The word, lower-cased: what matching and overriding compare. */
    @JsonIgnore
    public String key() {
      return word.toLowerCase(Locale.ROOT);
    }
  }

  /** Where an entry applies in a text: [start, end) in UTF-16 chars. */
  public record Match(int start, int end, Entry entry) {
  }

  public Lexicon {
    // one entry per word, the last one winning, in first-seen order
    Map<String, Entry> byWord = new LinkedHashMap<>();
    for (Entry e : entries == null ? List.<Entry>of() : entries) {
      byWord.remove(e.key());
      byWord.put(e.key(), e);
    }
    if (byWord.size() > MAX_ENTRIES) {
      throw new LexiconException("a lexicon holds at most " + MAX_ENTRIES + " entries; this one has " + byWord.size());
    }
    entries = List.copyOf(byWord.values());
  }

  @JsonIgnore
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** This lexicon with {@code other}'s entries added, replacing entries for the same words. */
  public Lexicon with(Lexicon other) {
    if (other == null || other.isEmpty()) {
      return this;
    }
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(other.entries);
    return new Lexicon(all);
  }

  /** Where the entries apply in {@code text}, in order and without overlaps. */
  public List<Match> matches(String text) {
    List<Match> found = new ArrayList<>();
    if (text == null || entries.isEmpty()) {
      return found;
    }
    // only entries whose first word occurs in the text go into the pattern: a part of a book
    // with a thousand entries usually meets none, and then no pattern is built at all
    Set<String> words = words(text);
    List<Entry> candidates = entries.stream().filter(e -> words.contains(firstWord(e.key()))).toList();
    if (candidates.isEmpty()) {
      return found;
    }
    Matcher m = pattern(candidates).matcher(text);
    Map<String, Entry> byKey = new LinkedHashMap<>();
    candidates.forEach(e -> byKey.put(e.key(), e));
    while (m.find()) {
      Entry e = byKey.get(m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
      if (e != null) {
        found.add(new Match(m.start(), m.end(), e));
      }
    }
    return found;
  }

  /** Only the entries that apply to {@code text}: what a part carries and its cache key covers. */
  public Lexicon applicableTo(String text) {
    if (entries.isEmpty()) {
      return EMPTY;
    }
    Map<String, Entry> used = new LinkedHashMap<>();
    for (Match m : matches(text)) {
      used.put(m.entry().key(), m.entry());
    }
    return used.isEmpty() ? EMPTY : new Lexicon(List.copyOf(used.values()));
  }

  /** A canonical description for cache keys: "" when empty, so keys without a lexicon never change. */
  public String cacheTag() {
    StringBuilder sb = new StringBuilder();
    entries.stream().sorted(Comparator.comparing(Entry::key)).forEach(e -> sb.append(e.key()).append('\u0001')
        .append(e.respelling() == null ? "" : e.respelling()).append('\u0001')
        .append(e.ipa() == null ? "" : e.ipa()).append('\u0002'));
    return sb.toString();
  }

  /** The lower-cased runs of letters and digits in a text. */
  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        start = -1;
      }
    }
    return out;
  }

  private static String firstWord(String key) {
    int end = 0;
    while (end < key.length() && Character.isLetterOrDigit(key.charAt(end))) {
      end++;
    }
    return key.substring(0, end);
  }

  private static Pattern pattern(List<Entry> entries) {
    // longest first, so a multi-word entry is preferred; spaces in an entry match any whitespace
    List<String> alternatives = entries.stream().map(Entry::word).sorted(Comparator.comparingInt(String::length).reversed())
        .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q")).toList();
    return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
