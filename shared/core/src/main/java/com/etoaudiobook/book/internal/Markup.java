package com.etoaudiobook.book.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Removes Markdown markup from text that will be spoken, keeping every other character as is. */
public final class Markup {
  // Each part stops at the next character that could open another: "[[[[..." or "*a *a *a ..." without
  // a closer made every opener scan to the end of the line, quadratic (30 KB took 18 s).
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\[\\]]*]\\([^()]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]*)]\\([^()]*\\)");
  // The mark first, then what must not come before it (a lookbehind that includes the mark): an expression
  // that starts with a lookbehind runs it at every position of a long line, mark or not.
  private static final Pattern STRONG = Pattern.compile("\\*\\*|__(?<![\\p{L}\\p{N}]__)|__(?![\\p{L}\\p{N}])");
  // Single * or _ only count as emphasis when they hug a word, so "5 * 3" and snake_case survive.
  private static final Pattern EM_STAR = Pattern.compile("\\*(?<![\\p{L}\\p{N}*\\\\]\\*)(?=[^\\s*])([^*\\n\\r]+?)(?<=[^\\s*\\\\])\\*(?![\\p{L}\\p{N}*])");
  private static final Pattern EM_UNDER = Pattern.compile("_(?<![\\p{L}\\p{N}_\\\\]_)(?=[^\\s_])([^_\\n\\r]+?)(?<=[^\\s_\\\\])_(?![\\p{L}\\p{N}_])");
  /** "=Katrine=": bold as Distributed Proofreaders mark it in plain text (hugging a word, so "a = b" survives). */
  private static final Pattern BOLD_EQUALS = Pattern.compile("=(?<![\\p{L}\\p{N}=\\\\]=)(?=[^\\s=])([^=\\n\\r]+?)(?<=[^\\s=\\\\])=(?![\\p{L}\\p{N}=])");
  private static final Pattern CODE = Pattern.compile("`+([^`]*)`+");
  private static final Pattern BULLET = Pattern.compile("(?m)^[ \\t]*[*+][ \\t]+");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_\\[\\]#>!()+-])");
  private static final Set<String> SMALL_WORDS = Set.of("a", "an", "and", "as", "at", "but", "by",
      "for", "in", "nor", "of", "on", "or", "the", "to", "with");
  private static final Pattern ROMAN =
      Pattern.compile("M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");

  private Markup() {
  }

  /** Markup-free text; line structure and all non-markup characters unchanged. */
  public static String clean(String s) {
    if (s.indexOf('*') < 0 && s.indexOf('_') < 0 && s.indexOf('[') < 0 && s.indexOf('`') < 0
        && s.indexOf('\\') < 0 && s.indexOf('=') < 0) {
      return s;
    }
    // Each expression only where its mark occurs: on a long line every find costs a pass over it.
    String r = s;
    if (r.indexOf('[') >= 0) {
      r = IMAGE.matcher(r).replaceAll("");
      r = LINK.matcher(r).replaceAll("$1");
    }
    if (r.indexOf('`') >= 0) {
      r = CODE.matcher(r).replaceAll("$1");
    }
    if (r.indexOf('*') >= 0 || r.indexOf('+') >= 0) {
      r = BULLET.matcher(r).replaceAll("");
    }
    if (r.contains("**") || r.contains("__")) {
      r = STRONG.matcher(r).replaceAll("");
    }
    if (r.indexOf('*') >= 0) {
      r = EM_STAR.matcher(r).replaceAll("$1");
    }
    if (r.indexOf('_') >= 0) {
      r = EM_UNDER.matcher(r).replaceAll("$1");
    }
    if (r.indexOf('=') >= 0) {
      r = BOLD_EQUALS.matcher(r).replaceAll("$1");
    }
    return r.indexOf('\\') >= 0 ? ESCAPE.matcher(r).replaceAll("$1") : r;
  }

  /**
   * An emphasis mark left over at a word's edge, where its pair sat on another line or past a
   * quotation's end ("said Robin._", "_It means"): the speech engine says "dot" for "._" and
   * "asterisk" for a star. Marks inside a word ("snake_case", "f*ck") stay. A run is matched
   * from its first mark only (possessive, and no mark before it): a long run stays linear.
   */
  private static final Pattern STRAY_MARK = Pattern.compile(
      "(?<![\\p{L}\\p{N}_*])[_*]++(?=[\\p{L}\\p{N}\"“‘'(])|(?<=[\\p{L}\\p{N}.,;:!?\"”’')])[_*]++(?![\\p{L}\\p{N}])");

  /** "* * *" inside a paragraph: a break the page shows, not words (bounded, so linear). */
  private static final Pattern STARS = Pattern.compile(
      "(?<![\\p{L}\\p{N}])\\*(?:[ \\t]{1,8}\\*){1,8}(?![\\p{L}\\p{N}])");

  public static String dropStrayMarks(String s) {
    if (s.indexOf('_') < 0 && s.indexOf('*') < 0) {
      return s;
    }
    String r = s.indexOf('*') >= 0 ? STARS.matcher(s).replaceAll("") : s;
    return STRAY_MARK.matcher(r).replaceAll("");
  }

  /** Words a title written by hand often leaves in lower case besides {@link #SMALL_WORDS}: "The Widow and her Child". */
  private static final Set<String> TITLE_LOWER_WORDS = Set.of("her", "his", "their", "its", "is", "was");

  /** "of", "the", "and", "her": a word a title leaves in lower case. */
  public static boolean isSmallWord(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return SMALL_WORDS.contains(lower) || TITLE_LOWER_WORDS.contains(lower);
  }

  public static boolean hasLetters(String s) {
    return s.codePoints().anyMatch(Character::isLetter);
  }

  public static boolean isSpeakable(String s) {
    return s.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** True when the text has letters and none of them is lower case. */
  public static boolean isAllCaps(String s) {
    boolean upper = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLowerCase(cp)) {
        return false;
      }
      if (Character.isLetter(cp)) {
        upper = true;
      }
      i += Character.charCount(cp);
    }
    return upper;
  }

  /** "THE KEEPER'S ORCHARD" → "The Keeper's Orchard"; leaves mixed-case text alone. */
  public static String titleCase(String s) {
    if (!isAllCaps(s)) {
      return s;
    }
    String[] words = s.split(" ", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (i > 0) {
        out.append(' ');
      }
      if (w.isEmpty()) {
        continue;
      }
      String lower = w.toLowerCase(Locale.ROOT);
      boolean last = i == words.length - 1;
      if (i > 0 && w.length() >= 2 && ROMAN.matcher(w).matches() && last) {
        out.append(w);
      } else if (i > 0 && !last && SMALL_WORDS.contains(lower)) {
        out.append(lower);
      } else {
        int cp = lower.codePointAt(0);
        out.appendCodePoint(Character.toTitleCase(cp)).append(lower.substring(Character.charCount(cp)));
      }
    }
    return out.toString();
  }
}
