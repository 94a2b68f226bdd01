package com.etoaudiobook.book;

import com.etoaudiobook.book.internal.Markup;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the ways people mark chapters: Markdown headings, bold lines, CHAPTER IV, ALL CAPS. */
public final class Headings {
  private static final Pattern BOLD_LINE = Pattern.compile("^(\\*\\*|__)(?!\\s)([^*]+?)(?<!\\s)\\1$");
  private static final Pattern CHAPTER_WORD = Pattern.compile(
      "^(chapter|part|act|book|scene|prologue|epilogue|interlude)(?![\\p{L}\\p{N}])",
      Pattern.CASE_INSENSITIVE);
  /** Divisions above chapters besides parts and books: "VOLUME II", "Vol. 2", "EPOCH THE FIRST", "Phase the First". */
  private static final String DIVISION_WORDS = "volume|vol\\.|epoch|phase|period";
  // "Chapter 4", "CHAPTER IV", "CHAPTER I." (Gutenberg), "STAVE ONE." (A Christmas Carol), "LETTER XII.", "CANTO I.", "Chapter One: Title", "CHAPTER THE FIRST.", "BOOK THE
  // SECOND—THE GOLDEN THREAD", "Prologue", "Epilogue – After"
  private static final Pattern NUMBERED = Pattern.compile(
      "^(?:(?:chapter|part|act|book|scene|stave|letter|canto|" + DIVISION_WORDS + ")\\s+(?:the\\s+)?([\\p{L}\\p{N}-]+)|prologue|epilogue|interlude)"
          + "\\s*(?:[:.,\\-–—]\\s*(?:\\S.*)?)?$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ROMAN = Pattern.compile("[ivxlcdm]+", Pattern.CASE_INSENSITIVE);
  private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five",
      "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
      "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
      "sixty", "seventy", "eighty", "ninety", "hundred", "first", "second", "third", "fourth",
      "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last", "final");

  /** A line of a publisher's catalogue of its other books: a price, a binding ("cloth 12 mo. Illustrated"). */
  private static final String CATALOGUE = "[$\\u00a3]?\\s?\\d{1,3}\\.\\d{2}"
      + "|.*\\b(?:cloth|\\d{1,2}\\s?mo|[48]vo|octavo|duodecimo)\\b.*\\b(?:cloth|bound|illustrated|net|\\d{1,2}\\s?mo)\\b.*";
  private static final Pattern CATALOGUE_LINE = Pattern.compile("(?i)(?:" + CATALOGUE + ")[.,]?");
  /**
   * A line of a printed title page or its back that says so itself: the copyright, the illustrator,
   * "A Novel", a printing, a volume, a price, in brackets or not ("[All rights reserved.]"). Looked for
   * only before the first chapter or prose.
   */
  private static final Pattern TITLE_PAGE_LINE = Pattern.compile("(?i)\\[?"
      + "(?:an? (?:novel|romance|tale|story|play|comedy|tragedy|drama)(?: in (?:\\p{L}+|\\d+) (?:acts?|parts?|books?|volumes?))?"
      + "|(?:with|containing) .{0,60}\\b(?:illustrations?|frontispiece|drawings|plates|pictures|decorations|portraits?|maps?)\\b.*"
      + "|illustrated(?: by .*)?|(?:music|songs|verses|lyrics|translated|edited|(?:selected and )?arranged|with an introduction) by .*|(?:(?:the )?(?:illustrations?|drawings|pictures|decorations|frontispiece)(?: in colou?r)?) by .*"
      + "|copyright(?:ed)?\\b.*|\\u00a9.*|all rights reserved.*|(?:first )?published\\b.{0,40}\\d{4}.*|printed (?:in|by|at)\\b.*"
      + "|made in\\b.*|\\(?trade[- ]?mark\\b.*"
      + "|(?:first|second|third|new|revised) (?:edition|impression|printing)\\b.*|set up and electrotyped.*"
      + "|(?:[\\p{L}-]+ ){1,3}(?:edition|impression|printing)\\b.{0,60}\\d{4}\\.?"
      + "|\\[(?:\\d{4} )?(?:[\\p{L}-]+ ){0,2}(?:edition|impression|printing)\\]"
      + "|(?:(?:first|since|thence) )?(?:re)?printed\\b.{0,80}\\d{4}.*"
      + "|" + CATALOGUE
      + "|vol(?:ume)?\\.? (?:[ivxlc]+|\\d{1,2})\\.?|in (?:two|three|four|five|six) volumes"
      + "|(?-i:M[MDCLXVI]+))[.,]?\\]?");
  /**
   * The imprint: the publisher ("HARPER & BROTHERS PUBLISHERS", "THE COLONIAL PRESS"), the place and
   * year ("NEW YORK AND LONDON", "LONDON: 1912", "CLINTON, MASS., U.S.A."). Taken only where every word
   * is capitalised (see {@link #isTitlePageLine}): "Then stop the press." is a line of the story, and
   * "PUBLISHERS' NOTE" heads a note.
   */
  private static final String PLACES = "(?:(?:london|new york|boston|philadelphia|chicago|edinburgh|toronto|glasgow"
      + "|dublin|leipzig|oxford|cambridge|melbourne|sydney|bombay|calcutta|garden city|indianapolis|san francisco"
      + "|cincinnati|baltimore)[,.;:]?\\s*(?:(?:and|&)\\s+)?)+";
  private static final Pattern PLACE = Pattern.compile("(?i)" + PLACES);
  private static final Pattern IMPRINT = Pattern.compile("(?i)"
      + "(?:.*\\b(?:publishers?|publishing)\\b(?!'?\\s*(?:note|preface|announcement)).*|.*(?:&|\\band) (?:co|company|sons|brothers)\\.?|.*\\b(?:press|limited|ltd\\.?|incorporated|inc\\.)\\)?"
      + "|.*\\bu\\.\\s?s\\.\\s?a\\.?|" + PLACES + "(?:\\d{4}|(?-i:M[MDCLXVI]+))?)[.,:]?");
  /** A word of an imprint: capitalised, a number, "&", or a small word ("and", "of"). */
  private static final Pattern IMPRINT_WORD = Pattern.compile("[\\p{Lu}\\d&(].*|and|of|the|in|at|for|by|de|&");
  /** A year alone, "(1811)", or with its month, "August, 1911.". */
  private static final Pattern YEAR = Pattern.compile("(?i)(?:(?:January|February|March|April|May|June|July|August"
      + "|September|October|November|December),? )?\\(?\\d{4}\\)?\\.?");
  /** A title page's statement that runs over lines: its whole block is left out. */
  private static final Pattern TITLE_PAGE_BLOCK = Pattern.compile(
      "(?i)(?:by )?(?:the )?author of\\b|copyright\\b|(?:the )?(?:illustrations?|drawings|pictures|plates)(?!\\p{L})[^.]{0,60}?(?<!\\p{L})copyright\\b|all rights reserved\\b|entered according to act of congress"
          + "|(?:since |thence )?reprinted\\b|printed (?:in (?:the )?(?:united states|great britain|england|scotland|canada|u\\.\\s?s\\.\\s?a)|by|for)\\b");

  private Headings() {
  }

  /**
   * A line of a printed title page or its back: the publisher, the place and year, the copyright, the
   * illustrator, "A Novel", "AUTHOR OF ...", a year in roman numerals; a block of such lines ("L.C.
   * PAGE &amp; COMPANY" over "BOSTON PUBLISHERS"). Its callers look only before the book's first chapter
   * or prose: "LONDON" or "THE PRESS" may be a chapter's title.
   */
  public static boolean isTitlePageLine(String text) {
    String t = text.strip();
    if (t.length() <= 400 && startsTitlePageStatement(t)) {
      return true;
    }
    if (t.isEmpty() || t.length() > 200) {
      return false;
    }
    String[] lines = t.split("\n");
    // in a block of the place or the year, a firm's name and its street ("SERVICE & PATON" over "5
    // HENRIETTA STREET"): alone, such a line may be a title ("DOMBEY & SON") or a heading
    boolean placed = false;
    boolean firmOrStreet = false;
    for (String line : lines) {
      String l = line.replace('\u00a0', ' ').strip();
      boolean firm = lines.length > 1 && (FIRM.matcher(l).matches() || STREET.matcher(l).matches());
      if (l.length() > 80 || !(statesTitlePage(l) || imprint(l) || firm || lines.length > 1 && isYear(l))) {
        return false;
      }
      placed |= PLACE.matcher(l).matches() || isYear(l);
      firmOrStreet |= firm && !imprint(l);
    }
    return placed || !firmOrStreet;
  }

  /** A firm's name in an imprint: capitalised names joined by "&" ("SERVICE & PATON", "CHATTO & WINDUS"). */
  private static final Pattern FIRM = Pattern.compile("\\p{Lu}[\\p{Lu}.,' -]{1,30} & \\p{Lu}[\\p{Lu}.,' -]{1,30}");
  /** A publisher's street, numbered or not ("5 HENRIETTA STREET", "PATERNOSTER ROW", "153-157 FIFTH AVENUE"). */
  private static final Pattern STREET = Pattern.compile("(?:\\d{1,4}(?:-\\d{1,4})?,? )?(?:\\p{Lu}[\\p{Lu}'.-]* ){1,3}"
      + "(?:STREET|ST\\.|SQUARE|ROW|LANE|ROAD|AVENUE|PLACE|STRAND|HILL|YARD|COURT)[.,]?");

  private static boolean imprint(String line) {
    if (line.indexOf('?') >= 0 || line.indexOf('!') >= 0 || line.indexOf('"') >= 0 || !IMPRINT.matcher(line).matches()) {
      return false;
    }
    int colon = line.indexOf(':');
    if (colon >= 0 && !PLACE.matcher(line.substring(0, colon + 1)).matches()) {
      return false; // "PUBLISHER: Yes." is a script's line; "LONDON: MACMILLAN AND CO." an imprint
    }
    for (String word : line.split("\\s+")) {
      if (!IMPRINT_WORD.matcher(word).matches()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A title page's line that says what it is ("A Novel", "Copyright ...", "ILLUSTRATED BY ..."), unlike
   * the imprint's names and places, which a book's own title may be ("BOSTON", "FATHERS AND SONS").
   */
  public static boolean statesTitlePage(String text) {
    String t = text.strip();
    return t.length() <= 80 && (TITLE_PAGE_LINE.matcher(t).matches() || TITLE_PAGE_BLOCK.matcher(t).lookingAt());
  }

  /** A price or a binding: a line of a publisher's catalogue of its other books. */
  public static boolean isCatalogueLine(String text) {
    String t = text.replace('\u00a0', ' ').strip();
    return t.length() <= 120 && CATALOGUE_LINE.matcher(t).matches();
  }

  /** "AUTHOR OF ...", "Copyright ...", "Entered according to Act of Congress ...": a title page's statement over lines. */
  public static boolean startsTitlePageStatement(String text) {
    return TITLE_PAGE_BLOCK.matcher(text.strip()).lookingAt();
  }

  /** A year alone, "1909" or "(1811)" (or with its month): a title page's under its publisher or by-line, else maybe a chapter's title ("1914"). */
  public static boolean isYear(String text) {
    return YEAR.matcher(text.strip()).matches();
  }

  /**
   * Where a title page ends: a paragraph of running prose, 60 letters or more, mostly in lower case, not
   * opening with a quotation mark (a title page's epigraph, "Upon my word," said I, ..., may stand before
   * its imprint; the caller lets one such pass), nor a short one with a price ("A Limited Edition of this
   * play on hand-made paper, with a new portrait, 10s net."), nor one a title page's statement opens ("Author of
   * "The Little Colonel Series," "Big Brother," ...").
   */
  public static boolean isRunningProse(String text) {
    int letters = 0;
    int lower = 0;
    for (int c = 0; c < text.length() && letters < 400; c++) {
      char ch = text.charAt(c);
      if (Character.isLetter(ch)) {
        letters++;
        lower += Character.isLowerCase(ch) ? 1 : 0;
      }
    }
    return letters >= 60 && lower * 5 >= letters * 3 && !(text.length() <= 300 && PRICE.matcher(text).find()
        && NOTICE.matcher(text).find())
        && !startsTitlePageStatement(text.strip().replaceFirst("^[_=*]+", ""));
  }

  /** A publisher's words beside a price: "cloth", "net", "edition", "portrait" ("It cost 5s. and he paid it." is prose). */
  private static final Pattern NOTICE = Pattern.compile(
      "(?i)\\b(?:cloth|net|price|edition|portrait|paper cover|boards|volumes?|illustrated|library form)\\b");

  /**
   * A block a title page could hold, each line of it: in capitals, a title page's or a catalogue's
   * line, or every word capitalised ("The Plays of Arthur W. Pinero"); not a sentence of a story or a
   * line of verse.
   */
  public static boolean looksLikeTitlePage(String block) {
    if (block.length() <= 300 && PRICE.matcher(block).find() && NOTICE.matcher(block).find()) {
      return true; // "A Limited Edition of this play on hand-made paper, / with a new portrait, 10s net."
    }
    for (String line : block.split("\n")) {
      String l = line.replace("_", "").replace("=", "").strip();
      if (l.isEmpty() || !l.chars().anyMatch(Character::isLowerCase) || isTitlePageLine(l) || isCatalogueLine(l)
          || PRICE.matcher(l).find() && NOTICE.matcher(l).find()) {
        continue;
      }
      for (String w : l.split("\\s+")) {
        String bare = w.replaceAll("^\\W+|\\W+$", "");
        if (!bare.isEmpty() && Character.isLowerCase(bare.codePointAt(0)) && !com.etoaudiobook.book.internal.Markup.isSmallWord(bare)) {
          return false;
        }
      }
      if (l.endsWith(".") && !l.endsWith("etc.")) {
        return false; // a sentence
      }
    }
    return true;
  }

  /** A book's price: "$1.50", "5s.", "2s 6d", "10s net". A short paragraph with one and a publisher's word is a notice, not prose. */
  private static final Pattern PRICE = Pattern.compile(
      "[$\\u00a3]\\s?\\d+(?:\\.\\d\\d)?|\\b\\d{1,2}s(?:\\.|\\s?\\d{1,2}d\\b|\\s+net\\b)");

  /**
   * The title of a section of the front that is the author's, an editor's or the book's own, not a title
   * page's: "PREFACE", "Introduction.", "AUTHOR'S NOTE", "DEDICATION", "CONTENTS".
   */
  private static final Pattern FRONT_MATTER_TITLE = Pattern.compile(
      "(?i)(?:the )?(?:(?:author'?s'?|editor'?s'?|translator'?s'?) )?(?:preface|introduction|foreword|prologue|dedication"
          + "|contents|note|prefatory note|introductory(?: note)?|acknowledg\\w*|advertisement|to the reader|argument|proem)\\.?");

  public static boolean isFrontMatterTitle(String text) {
    return text.length() <= 60 && FRONT_MATTER_TITLE.matcher(text.strip()).matches();
  }

  /** A number in words, one to ninety-nine: "SEVEN", "twenty-three". */
  private static final String CARDINAL = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six"
      + "|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
      + "|sixteen|seventeen|eighteen|nineteen";
  /**
   * An entry of a contents list: "IV. The Boscombe Valley Mystery", "Chapter 3 The Storm", "Chapter
   * One The Storm", and a number in words set off as a numeral is ("TWENTY-ONE  LAURIE MAKES
   * MISCHIEF"; "One day" is no entry).
   */
  private static final Pattern CONTENTS_ENTRY = Pattern.compile(
      "(?i)^(?:(?:chapter|chap\\.|part|book|stave|letter|canto|act|scene|section|volume|vol\\.|epoch|phase|period|adventure)\\s+"
          + "(?:([ivxlc]+|\\d{1,3})|(" + CARDINAL + "))[.:]?\\s+"
          + "|([ivxlc]+|\\d{1,3})[.:]?\\s+|(" + CARDINAL + ")(?:[.:]\\s+|\\s{2,}))\\S.*");

  /** What heads a list of the book's pages, not its words: "CONTENTS", "LIST OF ILLUSTRATIONS". */
  private static final Pattern LIST_TITLE = Pattern.compile(
      "(?i)(?:(?:table of )?contents|(?:list of )?(?:the )?(?:full-page |colou?red |colou?r )?(?:illustrations|plates|maps))[.:]?");

  /** An entry of a contents list as the numbered ones are written (dot leaders and page numbers aside). */
  public static boolean isContentsEntry(String text) {
    return text.length() <= 120 && CONTENTS_ENTRY.matcher(text).matches();
  }

  /** The number a contents list's entry opens with ("XVII. Lying to Cecil": 17), or -1. */
  public static int contentsEntryNumber(String text) {
    Matcher m = text.length() <= 120 ? CONTENTS_ENTRY.matcher(text) : null;
    if (m == null || !m.matches()) {
      return -1;
    }
    String numeral = m.group(1) != null ? m.group(1) : m.group(3);
    return numeral != null ? numeralValue(numeral.toUpperCase(Locale.ROOT))
        : cardinalValue(m.group(2) != null ? m.group(2) : m.group(4));
  }

  private static final List<String> UNITS = List.of("one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen");
  private static final List<String> TENS = List.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

  /** "twenty-three": 23; a word of {@link #CARDINAL}. */
  private static int cardinalValue(String words) {
    String[] w = words.toLowerCase(Locale.ROOT).split("-");
    int tens = TENS.indexOf(w[0]);
    return tens < 0 ? UNITS.indexOf(w[0]) + 1 : 20 + 10 * tens + (w.length > 1 ? UNITS.indexOf(w[1]) + 1 : 0);
  }

  /** "CONTENTS", "Table of Contents.", "LIST OF ILLUSTRATIONS", "COLOR PLATES": a list's title. */
  public static boolean isListTitle(String text) {
    return text.length() <= 60 && LIST_TITLE.matcher(text).matches();
  }

  /**
   * A transcriber's placeholder for a picture, "[Illustration]", "[Illustration: Emma]", or a note on the
   * edition or the e-text ("[Transcriber's Note: ...]", "[Project Gutenberg Editor's Note: There is also
   * another version ...]"), a paragraph whole: it describes the printed page or the e-text, not the book.
   */
  public static final String TRANSCRIBERS_WORDS =
      "illustration|transcriber['’]?s?['’]? notes?|(?:project gutenberg |e-?text )?editor['’]?s?['’]? notes?";
  private static final Pattern TRANSCRIBERS_BRACKET = Pattern.compile(
      "(?is)^\\[\\s*(?:" + TRANSCRIBERS_WORDS + ")\\b[^\\]]*\\]$");

  public static boolean isTranscribersBracket(String paragraph) {
    String t = paragraph.strip();
    return t.startsWith("[") && t.endsWith("]") && TRANSCRIBERS_BRACKET.matcher(t).matches();
  }

  /** A dedication: "TO ALL THE FRIENDS OF THE PONY", "For Ezra Pound", "In memory of my father". */
  private static final Pattern DEDICATION = Pattern.compile("(?i)(?:to|for|dedicated|inscribed|in (?:loving )?memory)\\b");

  /**
   * The author's own words in a book's front, read wherever they stand among its title pages: a
   * dedication, or an epigraph (opening with a quotation mark).
   */
  public static boolean isAuthorsFront(String text) {
    String t = text.strip().replace("_", "");
    // (a quoted title in capitals, "MIND THE PAINT" over "GIRL", is no epigraph)
    return DEDICATION.matcher(t).lookingAt() || opensQuoted(t) && t.chars().anyMatch(Character::isLowerCase);
  }

  /** Opens with a quotation mark: an epigraph or a line of dialogue. */
  public static boolean opensQuoted(String text) {
    String t = text.strip();
    return !t.isEmpty() && "\"“‘'".indexOf(t.charAt(0)) >= 0;
  }

  /**
   * A heading or paragraph of a title page, given the book's title and author where known: the title or
   * author themselves, "BY", a by-line, or a {@linkplain #isTitlePageLine title page's line}.
   */
  public static boolean isTitlePage(String text, String title, String author) {
    String t = text.strip();
    if (titlePageLine(t, title, author)) {
      return true;
    }
    if (t.indexOf('\n') < 0) {
      return false;
    }
    // over lines: the title or a by-line set in several ("The RESCUE / of the / PRINCESS WINSOME",
    // "BY / ANNIE FELLOWS JOHNSTON"), or a title page's line or a year each ("BOSTON / L. C. PAGE & COMPANY / 1908")
    if (titlePageLine(t.replaceAll("\\s+", " "), title, author)) {
      return true;
    }
    for (String line : t.split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !titlePageLine(l, title, author) && !isYear(l)) {
        return false;
      }
    }
    return true;
  }

  private static boolean titlePageLine(String t, String title, String author) {
    return t.equalsIgnoreCase("by") || t.equalsIgnoreCase(title) || t.equalsIgnoreCase(author)
        || title != null && (words(t).equals(words(title)) || subtitled(t, title))
        || author != null && words(t).equals(words(author)) || byLine(t) != null || isTitlePageLine(t);
  }

  /** The title, then a subtitle after "or" or a colon, no sentence: "NEWS FROM NOWHERE or AN EPOCH OF REST", "Emma: A Novel". */
  private static boolean subtitled(String t, String title) {
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    String name = title.strip().toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith(name) && lower.substring(name.length()).matches("(?s)\\s*(?:[:;]|or\\b).*")
        && !t.strip().endsWith(".");
  }

  /** Letters and digits in lower case, one blank between words: "CHAPTER I. THE RAIN" holds "the rain". */
  public static String words(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** A Markdown ATX heading: level and title (markup removed), or null. */
  public record Atx(int level, String title) {
  }

  /**
   * "## Title ##": one to six marks, then blanks and the title, closing marks after a blank dropped. By
   * hand, not by a regular expression: a lazy title before optional closing blanks backtracked over every
   * blank of a long run ("# a", a million spaces, "b" took minutes).
   */
  public static Atx atx(String body) {
    int n = body.length();
    int level = 0;
    while (level < n && level < 7 && body.charAt(level) == '#') {
      level++;
    }
    if (level == 0 || level > 6) {
      return null;
    }
    if (level == n) {
      return new Atx(level, "");
    }
    if (!blank(body.charAt(level))) {
      return null;
    }
    int from = level;
    while (from < n && blank(body.charAt(from))) {
      from++;
    }
    int to = n;
    while (to > from && blank(body.charAt(to - 1))) {
      to--;
    }
    int marks = to;
    while (marks > from && body.charAt(marks - 1) == '#') {
      marks--;
    }
    if (marks < to && marks > from && blank(body.charAt(marks - 1))) {
      to = marks;
      while (to > from && blank(body.charAt(to - 1))) {
        to--;
      }
    }
    return new Atx(level, Markup.clean(body.substring(from, to)).strip());
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t';
  }

  /** Inner text of a line that is entirely bold ({@code **Title**}), or null. */
  public static String boldLine(String body) {
    if (!body.endsWith("**") && !body.endsWith("__")) {
      return null; // no closing mark: no pass over a long line
    }
    Matcher m = BOLD_LINE.matcher(body);
    return m.matches() ? m.group(2).strip() : null;
  }

  public static boolean startsWithChapterWord(String text) {
    return CHAPTER_WORD.matcher(text).find() && text.split("\\s+").length <= 12;
  }

  /** "Chapter 4: Title", "CHAPTER IV", "Chapter One", "Prologue": a heading even in plain text. */
  public static boolean isNumberedChapter(String text) {
    if (text.length() > 100) {
      return false;
    }
    Matcher m = NUMBERED.matcher(text);
    if (!m.matches()) {
      return false;
    }
    String number = m.group(1);
    if (number == null) {
      return true;
    }
    if (number.chars().allMatch(Character::isDigit) || ROMAN.matcher(number).matches()) {
      return true;
    }
    for (String part : number.toLowerCase(Locale.ROOT).split("-")) {
      if (!NUMBER_WORDS.contains(part)) {
        return false;
      }
    }
    return true;
  }

  /** A well-formed roman numeral (preceded by a lookahead for its first letters). */
  private static final String ROMAN_NUMERAL = "M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})";
  private static final Pattern BARE_NUMERAL = Pattern.compile(
      "^(?:(?=[IVXLC])" + ROMAN_NUMERAL + "|\\d{1,3})\\.?$");

  /** A number in a title: "ADVENTURE II. THE RED-HEADED LEAGUE", "BOOK 3" (not "CIVIL", "ILL"). */
  private static final Pattern NUMBER_IN = Pattern.compile(
      "\\b(?:(?=[IVXLC]{2})" + ROMAN_NUMERAL + "\\b|[IVXLC]\\.|\\d+\\b)");

  public static boolean hasNumber(String title) {
    return NUMBER_IN.matcher(title).find();
  }

  /**
   * Of numerals alone ("I", "II.", "3") in reading order, how many go up by one from the one
   * before (the first counting if it is 1): chapters numbered, not labels or table cells.
   */
  public static int risingNumerals(java.util.List<String> texts) {
    int rising = 0;
    int last = 0;
    for (String t : texts) {
      if (!isBareNumeral(t)) {
        continue;
      }
      int v = numeralValue(t);
      rising += v == last + 1 ? 1 : 0;
      last = v;
    }
    return rising;
  }

  private static int romanValue(String roman) {
    int total = 0;
    for (int i = 0; i < roman.length(); i++) {
      int here = ROMAN_VALUES[ROMAN_DIGITS.indexOf(roman.charAt(i))];
      int next = i + 1 < roman.length() ? ROMAN_VALUES[ROMAN_DIGITS.indexOf(roman.charAt(i + 1))] : 0;
      total += here < next ? -here : here;
    }
    return total;
  }

  private static final String ROMAN_DIGITS = "IVXLCDM";
  private static final int[] ROMAN_VALUES = {1, 5, 10, 50, 100, 500, 1000};

  /** The value of a numeral alone ({@link #isBareNumeral}: "XII", "XII." or "12"); -1 for anything else. */
  public static int numeralValue(String text) {
    if (!isBareNumeral(text)) {
      return -1;
    }
    String n = text.strip().replaceFirst("\\.$", "");
    return Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : romanValue(n);
  }

  private static final Pattern ROMAN_YEAR = Pattern.compile("^(?=M)" + ROMAN_NUMERAL + "\\.?$");

  /** A year in roman numerals ("MCMIX" on a title page): no chapter's number. */
  public static boolean isRomanYear(String text) {
    return ROMAN_YEAR.matcher(text.strip()).matches();
  }

  /** A number alone, "XII", "XII." or "12": a chapter's heading where it is set as one. */
  public static boolean isBareNumeral(String text) {
    return BARE_NUMERAL.matcher(text.strip()).matches();
  }

  private static final Pattern DIVISION = Pattern.compile("(?i)(act|part|book|" + DIVISION_WORDS + ")(?![\\p{L}\\p{N}])");
  /** The ordinals a division is numbered with in words: "THE FIRST ACT", "Second Part", "the last book". */
  public static final String ORDINAL_WORDS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last";
  /** "THE FIRST ACT", "Second Part", "FIRST PERIOD": a numbered division in words. */
  private static final Pattern ORDINAL_DIVISION = Pattern.compile("(?i)(the\\s+)?(" + ORDINAL_WORDS
      + ")\\s+(act|part|book|volume|epoch|phase|period)\\.?(?:\\s*[:.\\-–—]\\s*(?-i:\\p{Lu}).*)?");

  /**
   * A heading that divides a book or a play above its chapters or scenes: "PART II", "Book One:
   * The Return", "ACT 1". Said with the first chapter under it ("ACT 1, Scene 1"), not alone.
   */
  public static boolean isDivision(String heading) {
    String h = heading.strip();
    if (DIVISION.matcher(h).lookingAt() && isNumberedChapter(h)) {
      return true;
    }
    // In words, its noun and any title after it capitalised: "The last act." is a sentence, "First Act: text has
    // a comma" an erratum
    Matcher m = h.length() <= 100 ? ORDINAL_DIVISION.matcher(h) : null;
    return m != null && m.matches() && Character.isUpperCase(m.group(3).charAt(0));
  }

  /** A chapter's title said with the part it opens: "PART II, CHAPTER 1", "BOOK I. Chapter 1". */
  public static String underDivision(String division, String title) {
    String d = division.strip();
    return d + (d.matches(".*[.:;,!?]") ? " " : ", ") + title.strip();
  }

  /** "CHAPTER IV", "Prologue" or a number alone: a line that numbers a chapter. */
  public static boolean numbersChapter(String text) {
    return isNumberedChapter(text) || isBareNumeral(text);
  }

  // "by Jane Doe", "By J. R. Tolkien", "Author: A. Writer"; but never "By dawn the water rose."
  private static final String NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}.'’-]*";
  private static final Pattern BY_LINE = Pattern.compile("^(?:[Bb]y|BY|[Aa]uthor:)\\s+(" + NAME_WORD
      + "(?:,?\\s+(?:" + NAME_WORD + "|and|&|de|van|von|der|la|le|du|da|di))*)$");
  private static final int MAX_BY_LINE = 200;

  /**
   * The author's name of a by-line ("By ANNIE FELLOWS JOHNSTON", "by Jane Doe"), or null: at most
   * six names (the expression's repeated group recurses once per word: a long line of capitalised
   * words overflowed the stack).
   */
  public static String byLine(String text) {
    if (text.length() > MAX_BY_LINE) {
      return null;
    }
    Matcher m = BY_LINE.matcher(text);
    return m.matches() && m.group(1).split("\\s+").length <= 6 ? m.group(1).strip() : null;
  }

  /** An ALL CAPS line short enough to be a section title ("THE ORCHARD", "ACT TWO"). */
  public static boolean isCapsTitle(String text) {
    return isCapsTitle(text, 8);
  }

  /** {@link #isCapsTitle(String)} of at most {@code maxWords} words (a chapter's argument under its number runs longer). */
  public static boolean isCapsTitle(String text, int maxWords) {
    if (!Markup.isAllCaps(text) || text.split("\\s+").length > maxWords) {
      return false;
    }
    long letters = text.codePoints().filter(Character::isLetter).count();
    if (letters < 2) {
      return false;
    }
    // A shouted line of dialogue ("HELP!", "“STOP.”") is speech, not a title; one in brackets is said of
    // the line above it ("(LOTHIAN AND BORDER HORSE)" under a dedication's name).
    char last = text.charAt(text.length() - 1);
    if (text.charAt(0) == '(' && last == ')') {
      return false;
    }
    return quotedNameLast(text)
        || "!?,;\"“”'’".indexOf(last) < 0 && text.indexOf('"') < 0 && text.indexOf('“') < 0;
  }

  /**
   * "IN THE “COACH AND HORSES”": a title ending in a name in quotation marks (an inn's, a ship's, a
   * book's), not a line of speech, which opens with its mark.
   */
  public static boolean quotedNameLast(String text) {
    if (text.length() < 4 || "\"“”'‘".indexOf(text.charAt(0)) >= 0) {
      return false;
    }
    char last = text.charAt(text.length() - 1);
    int open = last == '”' ? text.indexOf(" “") : last == '"' ? text.indexOf(" \"") : -1;
    if (open < 0) {
      return false;
    }
    String before = text.substring(0, open);
    String inside = text.substring(open + 2, text.length() - 1);
    return !inside.isBlank() && !Character.isWhitespace(inside.charAt(0)) && noQuote(before) && noQuote(inside)
        && "!?,;.".indexOf(inside.charAt(inside.length() - 1)) < 0;
  }

  private static boolean noQuote(String s) {
    return s.indexOf('"') < 0 && s.indexOf('“') < 0 && s.indexOf('”') < 0;
  }
}
