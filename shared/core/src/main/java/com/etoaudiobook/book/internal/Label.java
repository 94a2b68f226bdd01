package com.etoaudiobook.book.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A speaker label at the start of a line: {@code **Role:** text}, {@code **Role**: text},
 * {@code ROLE: text}, {@code Role (delivery):}. Only the syntax is checked here; whether a plain
 * label really names a role depends on the whole document (see {@link #accepted}).
 *
 * @param name      role name as written
 * @param delivery  text of a parenthetical after the name, or null
 * @param bold      written with bold markers (an explicit label, trusted more)
 * @param textStart offset in the line body where the spoken text starts
 */
public record Label(String name, String delivery, boolean bold, int textStart) {

  // Possessive quantifiers throughout: a lazy name followed by optional blanks tried every split of a
  // long run of blanks ("**a", a million spaces, "b" took minutes). The name runs to the first * _ or :
  // either way, and named() strips the blanks it takes.
  // **Name:** / **Name (delivery):** / __Name:__
  private static final Pattern BOLD_INSIDE =
      Pattern.compile("^(\\*\\*|__)([^*_:]++):\\s*+\\1(?=\\s|$)");
  // **Name**: / **Name** (delivery):
  private static final Pattern BOLD_OUTSIDE =
      Pattern.compile("^(\\*\\*|__)([^*_:]++)\\1\\s*+(\\([^()]*+\\))?\\s*+:(?=\\s|$)");
  private static final Pattern PLAIN = Pattern.compile("^([^:*_\\[\\]#>]{1,60}+)\\s*+:(?=\\s|$)");
  /** Longest name with its delivery worth looking at: names are at most 40 characters. */
  private static final int MAX_RAW = 200;
  private static final Pattern DELIVERY = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)$");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern NAME_CHARS = Pattern.compile("[\\p{L}\\p{M}\\p{N}'’.\\- &]+");

  /** Words that introduce notes and headers, not speakers ("Note: see below"). */
  private static final Set<String> STOPLIST = Set.copyOf(java.util.List.of("note", "notes", "nb", "n.b", "n.b.",
      "warning", "caution", "important", "tip", "tips", "hint", "example", "examples", "update",
      "edit", "edited", "source", "sources", "summary", "subject", "date", "time", "place",
      "location", "setting", "re", "fw", "fwd", "ps", "p.s", "p.s.", "pps", "step", "question",
      "answer", "to", "from", "cc", "bcc", "sent", "chapter", "part", "act", "scene", "book",
      "section", "author", "title", "by", "translator", "copyright", "disclaimer", "credits",
      "credit", "figure", "fig", "table", "see", "also", "cast", "characters", "keywords", "tags",
      "status", "reference", "references", "result", "results", "answer", "solution", "problem",
      "todo", "fixme", "http", "https", "ftp", "mailto", "url", "email", "phone", "tel",
      "address", "price", "total", "ingredients", "method", "contents", "index", "version",
      "language", "genre", "rating", "warnings", "content warning", "trigger warning",
      "epigraph", "dedication", "afterword", "foreword", "preface", "introduction", "prologue",
      "epilogue", "interlude", "the end", "end"));

  private static final Set<String> CONNECTORS = Set.copyOf(java.util.List.of("of", "the", "de", "van", "von", "der",
      "den", "la", "le", "du", "da", "di", "del", "al", "el", "and", "y", "in", "on", "at", "bin",
      "ibn", "mc", "from"));

  /** Recognises label syntax; returns null when the line does not start with a plausible label. */
  public static Label parse(String body) {
    Matcher m = BOLD_INSIDE.matcher(body);
    if (m.find()) {
      return named(m.group(2), null, true, m.end());
    }
    m = BOLD_OUTSIDE.matcher(body);
    if (m.find()) {
      String delivery = m.group(3) == null ? null : m.group(3).substring(1, m.group(3).length() - 1);
      return named(m.group(2), delivery, true, m.end());
    }
    m = PLAIN.matcher(body);
    if (m.find()) {
      return named(m.group(1), null, false, m.end());
    }
    return null;
  }

  private static Label named(String raw, String delivery, boolean bold, int end) {
    if (raw.length() > MAX_RAW) {
      return null;
    }
    String name = raw.strip();
    Matcher d = DELIVERY.matcher(name);
    if (d.matches()) {
      if (delivery != null) {
        return null;
      }
      name = d.group(1).strip();
      delivery = d.group(2).strip();
    }
    if (delivery != null && delivery.isEmpty()) {
      delivery = null;
    }
    if (!plausibleName(name, bold)) {
      return null;
    }
    return new Label(name, delivery, bold, end);
  }

  private static boolean plausibleName(String name, boolean bold) {
    if (name.isEmpty() || name.length() > 40 || !NAME_CHARS.matcher(name).matches()) {
      return false;
    }
    int first = name.codePointAt(0);
    if (!Character.isLetter(first) || (!bold && !Character.isUpperCase(first))) {
      return false;
    }
    String[] words = name.split("\\s+");
    if (words.length > 4) {
      return false;
    }
    String key = key(name);
    if (STOPLIST.contains(key) || STOPLIST.contains(key.replace(".", ""))) {
      return false;
    }
    // "Step 2", "Part IV", "Question 3": a numbered header, not a speaker.
    if (words.length > 1 && STOPLIST.contains(words[0].toLowerCase(Locale.ROOT))
        && words[1].matches("[0-9IVXLCivxlc]+[.)]?")) {
      return false;
    }
    if (!bold) {
      // Plain labels must look like a name: every word capitalised except connectors, so a
      // sentence such as "The reason was simple: ..." is not a speaker.
      for (int i = 1; i < words.length; i++) {
        String w = words[i];
        int cp = w.codePointAt(0);
        if (!Character.isUpperCase(cp) && !Character.isDigit(cp)
            && !CONNECTORS.contains(w.toLowerCase(Locale.ROOT))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Case-insensitive identity of a role name: "ZOË" and "Zoë" are one role. */
  public static String key(String name) {
    return SPACES.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  /** Whether this plain label counts, given how often its name is used as a label in the document. */
  public boolean accepted(java.util.Map<String, Integer> labelCounts) {
    if (bold || Markup.isAllCaps(name)) {
      return true;
    }
    return labelCounts.getOrDefault(key(name), 0) >= 2;
  }
}
