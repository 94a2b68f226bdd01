package com.etoaudiobook.book.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A speaker label at the start of a line: {@code **Role:** text}, {@code **Role**: text},
 * {@code ROLE: text}, {@code Role (delivery):}, or a play's {@code HAMLET. text}, {@code Nora
 * [busy]. text}, {@code THE DAUGHTER [at the pillar] text} and {@code Farncombe.} alone. Only the
 * syntax is checked here; whether a label really names a role depends on the whole document (see
 * {@link #accepted} and {@link PlayNames}).
 *
 * @param name      role name as written
 * @param delivery  text of a parenthetical after the name, or null
 * @param bold      written with bold markers (an explicit label, trusted more)
 * @param textStart offset in the line body where the spoken text starts (for a play's label
 *                  with a [direction], where the direction starts: it is narrated)
 * @param play      a play's label, the name ended by a full stop or a [direction], no colon
 * @param cue       a screenplay's character cue: a name in capitals alone on its line, no stop
 *                  ("MARA", "TOM (V.O.)"), the speech on the lines under it
 * @param spaced    a play's name in capitals set off from its speech by two spaces or a tab, no
 *                  stop ("BARNARDO  Who's there?", as the Folger Shakespeare's texts print it)
 */
public record Label(String name, String delivery, boolean bold, int textStart, boolean play, boolean cue,
                    boolean spaced) {

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
  private static final Set<String> STOPLIST = Set.copyOf(List.of("note", "notes", "nb", "n.b", "n.b.",
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
      "epilogue", "interlude", "the end", "end",
      // a screenplay's transitions ("CUT TO:")
      "cut to", "fade in", "fade out", "fade to", "fade to black", "dissolve to", "smash cut to", "match cut to",
      "draft date", "contact"));

  private static final Set<String> PARTS = Set.of("act", "scene", "chapter", "part", "book", "canto");
  /** Last words of a heading, never of a name. */
  private static final Set<String> NOT_LAST = Set.of("note", "notes", "song", "songs");

  private static final Set<String> CONNECTORS = Set.copyOf(List.of("of", "the", "de", "van", "von", "der",
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
      Label named = named(m.group(1), null, false, m.end());
      if (named != null) {
        return named;
      }
      // "POLONIUS  This above all: to thine own self be true": a play's name before a colon's clause
    }
    Label emphasised = emphasised(body);
    if (emphasised != null) {
      return emphasised;
    }
    Label inline = emphasisedBefore(body);
    return inline != null ? inline : play(body);
  }

  /** An emphasised name opening a line, its stop inside or after the marks: "_M. Cic._ Ō rem", "_Terentia_ (groaning). Lege". */
  private static final Pattern EMPHASISED_BEFORE = Pattern.compile("^([_*])(\\p{Lu}[^_*]{0,59}+)\\1");

  /**
   * A play's name in emphasis before its speech on the same line, as Gutenberg's texts set italic names:
   * "_Terentia._ Quid est?", "_M. Cic._ (proceeding). Atque", "_Terentia_ (groaning). Lege". The name
   * is what the marks hold (a short form's stops and all); it needs a stop, so that "_Never_ had I"
   * names nobody.
   */
  private static Label emphasisedBefore(String body) {
    if (body.length() < 4 || body.charAt(0) != '_' && body.charAt(0) != '*') {
      return null;
    }
    Matcher m = EMPHASISED_BEFORE.matcher(body);
    if (!m.find()) {
      return null;
    }
    String name = m.group(2).strip();
    boolean stop = name.endsWith(".");
    name = stop ? name.substring(0, name.length() - 1).strip() : name;
    int n = body.length();
    int j = m.end();
    while (j < n && body.charAt(j) == ' ' && j + 1 < n && body.charAt(j + 1) == '(') {
      j++;
    }
    String delivery = null;
    int direction = -1;
    if (j < n && body.charAt(j) == '(') {
      int close = body.indexOf(')', j);
      if (close < 0 || close - j > MAX_DIRECTION) {
        return null;
      }
      String inside = body.substring(j + 1, close).strip();
      if (inside.split("\\s+").length <= MAX_DELIVERY_WORDS) {
        delivery = inside;
      } else {
        direction = j;
      }
      j = close + 1;
    }
    if (j < n && body.charAt(j) == '.') {
      stop = true;
      j++;
    }
    if (!stop || j < n && !Character.isWhitespace(body.charAt(j)) || j >= n && direction < 0 && delivery == null
        || name.split(" ").length > 4 || !playName(name) || DIRECTION_WORDS.contains(key(name))) {
      return null;
    }
    return new Label(name, delivery == null || delivery.isEmpty() ? null : delivery, true,
        direction >= 0 ? direction : j, true, false, false);
  }

  /** A line that is one emphasised name, maybe with how it is said: "_Ogre_", "_Princess sings_", "*Nurse.*". */
  private static final Pattern EMPHASISED = Pattern.compile(
      "^([_*])(\\p{Lu}[^_*]{0,59}+)\\1\\.?\\s*+$");
  /** The lower-case words after an emphasised name that say how the speech goes: "sings", "repeats", "aside". */
  private static final Pattern MANNER = Pattern.compile("^(.*?\\S)((?:\\s+\\p{Ll}[\\p{Ll}-]*){1,2})$");

  /**
   * A play's name set off by emphasis alone on its line, the speech under it: a play's label (marked
   * {@code bold}: explicit markup, which {@link PlayNames} trusts as it does capitals), no stop needed.
   */
  private static Label emphasised(String body) {
    if (body.length() > MAX_RAW) {
      return null;
    }
    Matcher m = EMPHASISED.matcher(body);
    if (!m.matches()) {
      return null;
    }
    String name = m.group(2).strip();
    name = name.endsWith(".") ? name.substring(0, name.length() - 1).strip() : name;
    String delivery = null;
    Matcher manner = MANNER.matcher(name);
    if (!playName(name) && manner.matches() && !CONNECTORS.contains(manner.group(2).strip().split("\\s+")[0])) {
      name = manner.group(1).strip();
      delivery = manner.group(2).strip();
    }
    return name.split(" ").length <= 4 && playName(name) && !DIRECTION_WORDS.contains(key(name))
        ? new Label(name, delivery, true, body.length(), true, false, false) : null;
  }

  /** Short forms of titles: "Mrs. Upjohn." is a name, "Mr." alone is not. */
  private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "dr", "st", "mme", "mlle",
      "capt", "col", "gen", "rev", "prof", "sgt", "lt", "messrs", "hon", "sr", "jr");
  /** A play's lines that are no speaker's, though written like one: "Enter Ghost.", "CURTAIN." */
  private static final Set<String> NOT_PLAY_NAMES = Set.of("enter", "exit", "exeunt", "re-enter",
      "curtain", "finis", "scene", "act", "end", "the end", "intermission", "interval", "tableau",
      "persons", "dramatis personae", "characters", "time", "place", "synopsis",
      // a screenplay's scene headings and transitions
      "int", "ext", "est", "i/e", "fade in", "fade out", "fade to black", "cut to", "continued", "more",
      "blackout", "black", "dissolve to", "montage", "end of montage", "flashback", "back to scene",
      "later", "title card", "super", "intercut", "series of shots");
  /** Words a justified line may open with, set off by two spaces: "THE  morning was", never a name. */
  private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "it", "he", "she", "we",
      "they", "you", "in", "on", "at", "but", "and", "or", "so", "then", "when", "if", "as", "to", "of",
      "for", "by", "with", "this", "that", "there", "here", "what", "who", "how", "why", "all", "no",
      "not", "my", "his", "her", "our", "their", "its", "one", "once", "now", "yes");

  /** A cue's extensions that say nothing of how the line is said. */
  private static final Set<String> CUE_EXTENSIONS = Set.of("cont'd", "contd", "cont", "continuing", "more");
  private static final int MAX_DIRECTION = 300;
  /** Longest parenthetical after a play's name taken as a delivery ("(aside)", "(very quietly)"). */
  private static final int MAX_DELIVERY_WORDS = 3;

  /**
   * A play's label: one to four capitalised words (a title's short form first allowed), then a
   * full stop, a [direction] or a (delivery) and then maybe a full stop, then the speech or the
   * line's end. By hand, not a regular expression: each word and bracket is scanned once.
   */
  private static Label play(String body) {
    int n = body.length();
    int i = 0;
    int words = 0;
    int nameEnd = -1;
    int commas = 0;
    while (i < n && words < 5 + 4 * commas) {
      int w = i;
      if (!Character.isUpperCase(body.codePointAt(i)) && !(words > 0 && connector(body, i))) {
        break;
      }
      while (i < n && (Character.isLetter(body.codePointAt(i)) || body.charAt(i) == '\''
          || body.charAt(i) == '\u2019' || body.charAt(i) == '-')) {
        i += Character.charCount(body.codePointAt(i));
      }
      if (i == w) {
        break;
      }
      words++;
      String word = body.substring(w, i);
      nameEnd = i;
      // "Mrs. Upjohn": a title's short form and its stop belong to the name
      if (i + 1 < n && body.charAt(i) == '.' && body.charAt(i + 1) == ' '
          && HONORIFICS.contains(word.toLowerCase(Locale.ROOT))) {
        i += 2;
        continue;
      }
      if (i < n && body.charAt(i) == ' ' && i + 1 < n && body.charAt(i + 1) != ' ') {
        i++;
        continue;
      }
      // "BLAND, DE CASTRO, AND ROPER.": several speakers at once
      if (i + 2 < n && body.charAt(i) == ',' && body.charAt(i + 1) == ' ' && commas < MAX_GROUP - 1
          && (Character.isUpperCase(body.codePointAt(i + 2)) || connector(body, i + 2))) {
        commas++;
        i += 2;
        continue;
      }
      break;
    }
    String name = nameEnd < 0 ? null : body.substring(0, nameEnd);
    if (name == null || (commas == 0 ? words > 4 : !group(name))) {
      return null;
    }
    int j = nameEnd;
    while (j < n && (body.charAt(j) == ' ' || body.charAt(j) == '\t')) {
      j++;
    }
    String delivery = null;
    int direction = -1;
    if (j < n && (body.charAt(j) == '[' || body.charAt(j) == '(')) {
      char close = body.charAt(j) == '[' ? ']' : ')';
      int k = j + 1;
      while (k < n && k - j <= MAX_DIRECTION && body.charAt(k) != close && body.charAt(k) != '['
          && body.charAt(k) != '(') {
        k++;
      }
      if (k >= n || body.charAt(k) != close || k - j > MAX_DIRECTION) {
        return null;
      }
      // "(sadly)" says how the line is said; "(calls out from his room)" is a direction, narrated
      String inside = body.substring(j + 1, k).strip();
      if (close == ')' && inside.split("\\s+").length <= MAX_DELIVERY_WORDS) {
        delivery = inside;
      } else {
        direction = j;
      }
      j = k + 1;
      int after = j;
      while (j < n && body.charAt(j) == ' ') {
        j++;
      }
      if (j > after && j < n && body.charAt(j) != '.') {
        j = after;  // "THE MOTHER [on her daughter's right] Not so long."
      }
    }
    boolean stop = j < n && body.charAt(j) == '.';
    boolean cue = !stop && j >= n && direction < 0 && Markup.isAllCaps(name);
    // "BARNARDO  Who's there?": a name in capitals, two spaces or a tab, and the speech (words: a
    // list of persons braced together, "LILY PARRADELL     }", is no speech)
    boolean spaced = !stop && !cue && direction < 0 && delivery == null && j < n
        && (j - nameEnd >= 2 || body.charAt(nameEnd) == '\t') && Markup.isAllCaps(name)
        && !FUNCTION_WORDS.contains(name.toLowerCase(Locale.ROOT)) && saysSomething(body, j);
    if (stop) {
      j++;
    } else if (!cue && !spaced && (direction < 0 && delivery == null || j >= n)) {
      return null;  // a name needs its stop, or a [direction] and the speech after it
    }
    if (cue && delivery != null && CUE_EXTENSIONS.contains(delivery.toLowerCase(Locale.ROOT).replace('\u2019', '\''))) {
      delivery = null;  // "(CONT'D)": the same speaker goes on, no way of speaking
    }
    if (!spaced && j < n && !Character.isWhitespace(body.charAt(j))) {
      return null;
    }
    if (commas > 0 ? !stop : !playName(name)) {
      return null; // a group's names stand alone over their speech, with a stop
    }
    return new Label(name, delivery == null || delivery.isEmpty() ? null : delivery, false,
        direction >= 0 ? direction : j, true, cue, spaced);
  }

  /** Most speakers one label names together. */
  private static final int MAX_GROUP = 6;
  /** Between the names of a group: "BLAND, DE CASTRO, AND ROPER", "Daphne and Nita". */
  private static final Pattern GROUP_SEPARATOR = Pattern.compile("(?i),\\s*(?:(?:and|&)\\s+)?|\\s+(?:and|&)\\s+");

  /** The speakers a label names: one, or each of a group ("BLAND, DE CASTRO, AND ROPER"). */
  public static List<String> members(String name) {
    return List.of(GROUP_SEPARATOR.split(name.strip()));
  }

  /** A group's label: two or more names, each a play's name. */
  private static boolean group(String name) {
    List<String> members = members(name);
    // ("de Castro" among them is "De Castro" when it opens his own line)
    return members.size() >= 2 && members.stream().allMatch(m -> m.split(" ").length <= 4
        && playName(m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1)));
  }

  private static boolean playName(String name) {
    String key = key(name);
    // "PUBLISHERS' NOTE", "The Dove Song": a heading, where a play's name stands ("**Mei Song:**" is a name)
    String last = key.substring(key.lastIndexOf(' ') + 1).replace(".", "");
    return !(key.indexOf(' ') > 0 && NOT_LAST.contains(last)) && !NOT_PLAY_NAMES.contains(key) && !HONORIFICS.contains(key) && name.codePointCount(0, name.length()) >= 2
        && !name.chars().allMatch(c -> "IVXLCDM".indexOf(c) >= 0) && plausibleName(name, false);
  }

  /** Whether anything but blanks and braces follows ("FRANCISCO  !" speaks; "LILY PARRADELL     }" does not). */
  private static boolean saysSomething(String body, int from) {
    for (int k = from; k < body.length(); k++) {
      char c = body.charAt(k);
      if (!Character.isWhitespace(c) && c != '}' && c != '{') {
        return true;
      }
    }
    return false;
  }

  /** A play's directions set in emphasis alone on their line ("_Aside._", "<i>Pause</i>"): no speaker's names. */
  private static final Set<String> DIRECTION_WORDS = Set.of("aside", "pause", "a pause", "silence", "knocking",
      "laughter", "applause", "music", "beat", "later", "darkness", "thunder", "sings", "singing", "alone");

  /** A lower-case joining word of a name at i ("of" in "Duke of York"), followed by a word. */
  private static boolean connector(String body, int i) {
    int e = i;
    while (e < body.length() && Character.isLowerCase(body.charAt(e))) {
      e++;
    }
    return e < body.length() && body.charAt(e) == ' ' && CONNECTORS.contains(body.substring(i, e));
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
    return new Label(name, delivery, bold, end, false, false, false);
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
    // "Second Act (after curtain):", "THE FIRST SCENE.": a part of a play, not a speaker
    if (words.length > 1 && PARTS.contains(words[words.length - 1].toLowerCase(Locale.ROOT).replace(".", ""))) {
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
    if (play) {
      return false;  // by the document's play names (PlayNames), not one by one
    }
    if (bold || Markup.isAllCaps(name)) {
      return true;
    }
    return labelCounts.getOrDefault(key(name), 0) >= 2;
  }
}
