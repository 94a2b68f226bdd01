package com.etoaudiobook.book.internal;

import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.book.Gutenberg;
import com.etoaudiobook.book.Headings;
import com.etoaudiobook.book.TitlePage;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares a plain text before it is read line by line: what is not the book (a Project Gutenberg
 * header and licence, the title block, a contents list) is blanked with spaces, so every offset
 * still points into the decoded file; and lines are marked as headings ("I. The Period", "STAVE
 * ONE", a roman numeral alone) or as never headings (a centred notice inside a chapter).
 */
public final class PlainText {

  /**
   * @param text        the source, same length, with what is not read replaced by spaces
   * @param title       the title from a "Title:" line, or null
   * @param author      the author from an "Author:" line, or null
   * @param headings    start offsets of lines that are chapter headings
   * @param notHeadings start offsets of lines that are never headings
   */
  public record Prepared(String text, String title, String author, Set<Integer> headings,
                         Set<Integer> notHeadings) {
  }

  private static final String ROMAN = "(?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})";
  /** "IV." or "IV" alone: a part or chapter number. */
  private static final Pattern NUMERAL = Pattern.compile("^" + ROMAN + "\\.?$");
  /** "I. The Period", "XII. THE COPPER BEECHES": a numbered chapter title. */
  private static final Pattern NUMBERED_TITLE = Pattern.compile(
      "^" + ROMAN + "\\.\\s+(\\p{Lu}[^.!?;:]*?)[.]?$");
  private static final Pattern STAVE = Pattern.compile(
      "(?i)^stave\\s+(?:[ivxlc]+|one|two|three|four|five|six|seven|eight|nine|ten)\\b.*");
  /** A list entry's page: "THE HOUSE      12", "... vii", "_Frontispiece_", "Facing p. 40". */
  private static final Pattern PAGE_AT_END = Pattern.compile(
      "(?i).*\\S(?:\\s{2,}|\\t)(?:\\d{1,4}|[ivxlc]{1,7}|frontispiece|(?:facing|to face) (?:page|p\\.) ?\\d{1,4})\\.?");
  /** A list's column heads: "CHAPTER        PAGE", "CHAP.  PAGE", "PAGE". */
  private static final Pattern COLUMN_HEADS = Pattern.compile(
      "(?i)(?:(?:chap(?:ter)?|page|part|book|no|illustrations?|plates?|(?:facing|to face|opposite) page)\\.?(?:\\s+|$))+");

  private PlainText() {
  }

  public static Prepared prepare(String source) {
    List<SourceLine> lines = SourceLine.split(source);
    char[] out = source.toCharArray();
    Gutenberg.Fields fields = new Gutenberg.Fields(null, null);
    int first = 0;
    int last = lines.size();
    for (int i = 0; i < lines.size(); i++) {
      Cancellation.check();
      if (Gutenberg.isEnd(lines.get(i).text())) {
        break; // a licence after the book's end is no header: an old etext may print it there
      }
      if (Gutenberg.isStart(lines.get(i).text())) {
        fields = Gutenberg.fields(source.substring(0, lines.get(i).start()));
        first = i + 1;
        // the marker's title wrapped onto the next line ("...ON THE" / "COLUMBIA***")
        if (!Gutenberg.closesStart(lines.get(i).text()) && first < lines.size() && Gutenberg.closesStart(lines.get(first).text())
            && !lines.get(first).text().isBlank()) {
          first++;
        }
        break;
      }
    }
    String title = fields.title();
    String author = fields.author();
    for (int i = first; i < lines.size(); i++) {
      Cancellation.check();
      if (Gutenberg.isEnd(lines.get(i).text())) {
        last = i;
        break;
      }
    }
    blank(out, lines, 0, first);
    blank(out, lines, last, lines.size());
    int cover = nextLine(lines, first, last);
    if (cover < last && alone(lines, cover) && COVER.matcher(lines.get(cover).text().strip()).matches()) {
      // a recent e-text's first line is its cover picture's alt text ("cover"), not the book's first words nor its title
      blank(out, lines, cover, cover + 1);
      first = cover + 1;
    }
    int start = first;
    first = skipCredits(out, lines, first, last, title, author);
    BitSet pages = pageNumbers(lines, first, last);
    pages.stream().forEach(i -> blank(out, lines, i, i + 1));
    BitSet numberedTitles = numberedTitles(lines, first, last);
    BitSet numeralsOverTitles = numeralsOverTitles(lines, first, last);
    Set<Integer> headings = new HashSet<>();
    Set<Integer> notHeadings = new HashSet<>();
    boolean previousWasHeading = false;
    boolean previousWasDivision = false;
    // before the first chapter or prose: a printed title page's lines are not the book's words
    TitlePage front = new TitlePage(title, author);
    // (right under the title where the credits' skipping took it: "FRANKENSTEIN;" over "OR, THE MODERN PROMETHEUS.")
    int afterTitlePage = titleSkipped(lines, start, first, title, author) ? first : -1;
    // the front's blocks so far that no title page's line showed to be (blank lines between)
    List<int[]> beforeTitlePage = new java.util.ArrayList<>();
    int heldChars = 0;
    List<Integer> datelines = new java.util.ArrayList<>();
    int opening = nextLine(lines, first, last); // without a "Title:" field, the text's first line is its title
    for (int i = first; i < last; i++) {
      Cancellation.check();
      String body = lines.get(i).text().strip();
      if (body.isEmpty() || pages.get(i)) {
        continue;
      }
      boolean blockStart = i == first || lines.get(i - 1).text().isBlank();
      if (blockStart && contentsList(lines, i, last)) {
        // (the list's title, or the list itself without one)
        int number = Headings.isListTitle(plain(body)) ? -1 : lastEntryNumber(lines, i, last);
        i = blankBlock(out, lines, i, last);
        previousWasHeading = false;
        // the list itself after its title, in as many blocks as it is printed in: several entries a
        // block, or one ("XVII. Lying to Cecil" between blank lines) while their numbers rise (the book's
        // own "I. The Bertolini" after the list's "XX." is its first chapter)
        for (int next = nextLine(lines, i + 1, last); next < last; next = nextLine(lines, i + 1, last)) {
          int after = nextLine(lines, endOfBlock(lines, next, last), last);
          int entry = entryBlock(lines, next, last);
          // a part's title among the entries ("EPOCH THE SECOND, 1715." over its chapters) is the list's too
          if (listBlock(lines, next, last)) {
            number = lastEntryNumber(lines, next, last);
          } else if (entry > number) {
            number = entry;
          } else if (loneEntry(lines, next, last) && after < last
              && (loneEntry(lines, after, last) || headingBlock(lines, after, last))) {
            // an entry a block ("Tom at Home" between blank lines), up to the book's first heading
          } else if (!(partOfList(lines, next, last) && after < last
              && (listBlock(lines, after, last) || entryBlock(lines, after, last) > number))) {
            break;
          }
          i = blankBlock(out, lines, next, last);
        }
        continue;
      }
      if (front.isOpen() && blockStart && TRANSCRIBERS_NOTE.matcher(body).lookingAt()) {
        i = blankNote(out, lines, i, last);
        continue;
      }
      // a transcriber's bracketed note is no running prose of the book's: it does not end the front
      if (EDITORS_NOTE.matcher(body).lookingAt()) {
        int end = closingBracket(lines, i, last);
        if (end >= 0) {
          blank(out, lines, i, end + 1);
          i = end;
          continue;
        }
      }
      // a note under the paragraph that marks it: "[*] Southwestern for “afternoon”", "[2] See Appendix."
      if (blockStart && NOTE_BLOCK.matcher(body).lookingAt()) {
        i = blankBlock(out, lines, i, last);
        continue;
      }
      // (looked at only while the front lasts: not once a line through the whole book)
      boolean inFront = front.isOpen() && front.open(heading(body) || Headings.isNumberedChapter(body)
          || Headings.atx(body) != null, blockStart ? blockText(lines, i, last) : null);
      if (inFront && blockStart && (title != null || i != opening)
          && titlePageBlock(lines, i, last, title, author, i == afterTitlePage)) {
        // what came before it in the front is the title pages' too: a half-title, the author's
        // other works, a title set over several blocks ("THE" / "MIND THE PAINT" / "GIRL")
        for (int[] block : beforeTitlePage) {
          blank(out, lines, block[0], block[1]);
          for (int j = block[0]; j < block[1]; j++) {
            headings.remove(lines.get(j).start());
          }
        }
        beforeTitlePage.clear();
        if (title == null && i == nextLine(lines, opening + 1, last) && alone(lines, opening)
            && LineClassifier.titleLike(plain(lines.get(opening).text().strip()))) {
          // with no header to name it, the text's first line over a title page's ("The Invisible Man" over
          // "A Romance"): the book's title, said as the title, not read again
          title = plain(lines.get(opening).text().strip());
          blank(out, lines, opening, opening + 1);
        }
        String by = author == null && endOfBlock(lines, i, last) == i + 1 ? Headings.byLine(plain(body)) : null;
        if (by != null) {
          // a by-line the title page's lines take ("[1867 Edition]" / "by Charles Dickens"): still the author
          author = Markup.titleCase(by);
        }
        i = blankBlock(out, lines, i, last);
        afterTitlePage = nextLine(lines, i + 1, last);
        continue;
      }
      // (a by-line is kept for the author; a dedication or an epigraph is read wherever it stands)
      if (inFront && blockStart && heldChars <= TitlePage.MAX_BEFORE && (title != null || i != opening)
          && Headings.byLine(plain(body)) == null
          && !plain(body).equalsIgnoreCase("by") && !Headings.isAuthorsFront(body)) {
        String block = blockText(lines, i, last);
        beforeTitlePage.add(new int[] {i, endOfBlock(lines, i, last)});
        if ((heldChars += block.length()) > TitlePage.MAX_BEFORE || !Headings.looksLikeTitlePage(block)) {
          // and no more: the book's own words (a story's first lines, a poem, a script's speeches)
          beforeTitlePage.clear();
          heldChars = TitlePage.MAX_BEFORE + 1;
        }
      }
      if (inFront && Headings.byLine(plain(body)) != null) {
        afterTitlePage = nextLine(lines, i + 1, last); // the title's by-line, kept for the title: a year may follow
      }
      if (inFront && blockStart && DEDICATION_WORD.matcher(body).matches()) {
        // "TO" over the name and what is said of it, each a block: one dedication, read, no headings
        for (int j = i, n = 0; j < last && n < 3 && endOfBlock(lines, j, last) == j + 1
            && lines.get(j).text().strip().length() <= 60; j = nextLine(lines, j + 1, last), n++) {
          notHeadings.add(lines.get(j).start());
        }
      }
      if (alone(lines, i) && title != null && Headings.words(body).equals(Headings.words(title))
          && startsChapter(lines, nextLine(lines, i + 1, last), last, numberedTitles)) {
        blank(out, lines, i, i + 1); // the title again over the first chapter, as a half-title
        continue;
      }
      // (not the author's name, signing a preface: "L. Frank Baum" is no chapter L)
      boolean heading = (alone(lines, i) && (heading(body) || numberedTitles.get(i)) || numeralsOverTitles.get(i))
          && !(author != null && Headings.words(body).equals(Headings.words(author)));
      if (heading && previousWasHeading && !previousWasDivision && NUMERAL.matcher(body).matches()) {
        // "ADVENTURE I. A SCANDAL IN BOHEMIA" then "I.": the part number says nothing new (but
        // under "PART I." or "Phase the First: The Maiden" it numbers the part's first chapter).
        blank(out, lines, i, i + 1);
        continue;
      }
      if (heading) {
        headings.add(lines.get(i).start());
      } else if (indent(lines.get(i).text()) >= 8 && centredGroup(lines, i, last)
          && !Headings.isNumberedChapter(body)) { // a centred "CHAPTER I" over its title is one
        notHeadings.add(lines.get(i).start());
      } else if (!previousWasHeading && body.length() <= 60 && DATELINE.matcher(plain(body)).matches()) {
        datelines.add(lines.get(i).start());
      }
      // (A title without a number, "THE AWAKENING", leaves "I" under it to number chapter one.)
      previousWasHeading = heading || Headings.isNumberedChapter(body)
          || alone(lines, i) && Headings.isCapsTitle(body) && Headings.hasNumber(body);
      previousWasDivision = previousWasHeading && Headings.isDivision(body);
    }
    if (datelines.size() == 1) {
      notHeadings.addAll(datelines); // a signature; several are the chapters' titles ("BERLIN, 1945")
    }
    // Note marks after a word ("asked Anna.[1]"): the notes themselves are blanked above. And the
    // braces a list of persons groups its names with ("LILY PARRADELL     }"): nothing to say.
    if (first < last) {
      int from = lines.get(first).start();
      int to = lines.get(last - 1).end();
      for (Pattern mark : List.of(NOTE_MARK, INLINE_NOTE, STAR_MARK, BRACE_COLUMN)) {
        // a stretch at a time, so an interrupt is seen between them: one find() over 12 MB without a
        // mark ran half a second unchecked. Each stretch's matches are those starting in it, read on
        // past its end by the longest a mark can be; lookbehinds see across (transparent bounds)
        Matcher m = mark.matcher(source).useTransparentBounds(true).useAnchoringBounds(false);
        for (int at = from; at < to; at += MARK_STRETCH) {
          Cancellation.check();
          int end = Math.min(to, at + MARK_STRETCH);
          m.region(at, Math.min(to, end + MARK_LONGEST));
          while (m.find() && m.start() < end) {
            for (int c = m.start(); c < m.end(); c++) {
              out[c] = ' ';
            }
          }
        }
      }
    }
    return new Prepared(new String(out), title, author, headings, notHeadings);
  }

  /**
   * A transcriber's block in brackets: "[Illustration: The house]", "[Footnote 1: ...]",
   * "[Sidenote: ...]", "[Project Gutenberg Editor's Note: ...]". It describes the printed page or the e-text and is not read.
   */
  private static final Pattern EDITORS_NOTE = Pattern.compile(
      "(?i)\\[\\s*(?:footnote|sidenote|" + Headings.TRANSCRIBERS_WORDS + ")\\b");
  /**
   * A bracketed note number or star right after a word or punctuation: "Anna.[1]", "house[12]", "evening,[*]". The bracket
   * first, then what must come before it: an expression that starts with a lookbehind runs it at every
   * position of the text (0.6 s over 12 MB, with no interrupt check between).
   */
  private static final Pattern NOTE_MARK = Pattern.compile("\\[(?<=\\S\\[)(?:\\d{1,3}|\\*{1,3}|[\u2020\u2021])\\]");
  /**
   * A note in brackets inside the paragraph, opening with its star: "hookey this evening, * and [*
   * Southwestern for “afternoon”] I’ll just be obleeged": not read, nor its quotation marks, which
   * would end the speech around it.
   */
  private static final Pattern INLINE_NOTE = Pattern.compile("\\[\\*{1,3}\\s+[^\\[\\]]{1,300}?\\]");
  /** The star a note is marked by, alone between a word and the next: "evening, * and". (The star first: see {@link #NOTE_MARK}.) */
  private static final Pattern STAR_MARK = Pattern.compile("\\*(?<=[\\p{L}\\p{P}] \\*)(?= \\p{Ll})");
  /** A note's own paragraph, opening with its mark: "[*] Southwestern for “afternoon”", "[12] Ibid." */
  private static final Pattern NOTE_BLOCK = Pattern.compile("\\[(?:\\d{1,3}|\\*{1,3}|[\u2020\u2021])\\]\\s+\\S");
  /** A brace set off by two blanks or more, joining the lines of a list: "JIMMIE BIRCH       }". */
  private static final Pattern BRACE_COLUMN = Pattern.compile("[{}](?<=  [{}])");

  /** "1.  The Cyclone": a chapter's title under an arabic number, where they number the book's chapters. */
  private static final Pattern ARABIC_TITLE = Pattern.compile("^(\\d{1,3})\\.\\s+\\p{Lu}[^.!?;:]*?[.]?$");
  /** The fewest characters between two chapters' titles: a list's numbered items stand closer. */
  private static final int MIN_CHAPTER_CHARS = 1_000;

  /**
   * "I" over "The Old Sea-dog at the Admiral Benbow", no blank line between, a blank line after:
   * a chapter's numeral over its title (the title joined to it as the chapter's), where such
   * numerals go up one by one three times or more ("I" alone over a line is otherwise a word).
   */
  private static BitSet numeralsOverTitles(List<SourceLine> lines, int from, int to) {
    BitSet found = new BitSet();
    List<String> numerals = new java.util.ArrayList<>();
    for (int i = from; i + 2 < to; i++) {
      Cancellation.check();
      if (lines.get(i).text().length() > 40) {
        continue;
      }
      String t = lines.get(i).text().strip();
      String next = lines.get(i + 1).text().strip();
      if (t.length() <= 8 && Headings.isBareNumeral(t) && (i == 0 || lines.get(i - 1).text().isBlank())
          && !next.isEmpty() && lines.get(i + 2).text().isBlank() && LineClassifier.titleLike(plain(next))) {
        found.set(i);
        numerals.add(t);
      }
    }
    return Headings.risingNumerals(numerals) >= 3 ? found : new BitSet();
  }

  /**
   * The lines that title chapters with an arabic number ("1.  The Cyclone", each alone): the longest run,
   * three or more, numbered one up from the one before from 1, each at least {@link #MIN_CHAPTER_CHARS}
   * after the one before. A numbered list's items stand closer; where one could still stand in a run
   * ("1. Take the lantern." in chapter 1, far enough from "2.  The Road"), the one set as the next is
   * (indented as far, no full stop).
   */
  private static BitSet numberedTitles(List<SourceLine> lines, int from, int to) {
    List<Integer> at = new java.util.ArrayList<>();
    List<Integer> number = new java.util.ArrayList<>();
    for (int i = from; i < to && at.size() < 2_000; i++) {
      String t = lines.get(i).text().strip();
      Matcher m = t.length() <= 80 && !t.isEmpty() && Character.isDigit(t.charAt(0)) && alone(lines, i)
          ? ARABIC_TITLE.matcher(t) : null;
      if (m != null && m.matches() && t.split("\\s+").length <= 11) {
        at.add(i);
        number.add(Integer.parseInt(m.group(1)));
      }
    }
    // the longest run ending at each, and the one before it there
    int[] run = new int[at.size()];
    int[] before = new int[at.size()];
    int last = -1;
    for (int j = 0; j < at.size(); j++) {
      before[j] = -1;
      run[j] = number.get(j) == 1 ? 1 : 0;
      for (int i = 0; i < j && number.get(j) > 1; i++) {
        if (run[i] > 0 && number.get(i) == number.get(j) - 1
            && lines.get(at.get(j)).start() - lines.get(at.get(i)).start() >= MIN_CHAPTER_CHARS
            && (run[i] + 1 > run[j] || run[i] + 1 == run[j] && likeness(lines, at.get(i), at.get(j))
                > likeness(lines, at.get(before[j]), at.get(j)))) {
          run[j] = run[i] + 1;
          before[j] = i;
        }
      }
      last = run[j] > 0 && (last < 0 || run[j] >= run[last]) ? j : last;
    }
    BitSet titles = new BitSet();
    if (last >= 0 && run[last] >= 3) {
      for (int j = last; j >= 0; j = before[j]) {
        titles.set(at.get(j));
      }
    }
    return titles;
  }

  /** How alike two numbered lines are set: as far indented, and neither or both with a full stop. */
  private static int likeness(List<SourceLine> lines, int a, int b) {
    String x = lines.get(a).text();
    String y = lines.get(b).text();
    return -Math.abs(indent(x) - indent(y)) - (x.strip().endsWith(".") == y.strip().endsWith(".") ? 0 : 4);
  }

  /** A printed page's number on a line of its own: "12)", "[12]", "{12}", "[Pg 12]", "[Page 12]". */
  private static final Pattern PAGE_LINE = Pattern.compile(
      "(?i)\\s*(?:[\\[{]\\s*(?:p(?:age|g)?\\.?\\s*)?(\\d{1,4})\\s*[\\]}]|(\\d{1,4})\\))\\s*");
  /** Page numbers a book needs to be taken to keep them: fewer may be a list's "1)" and "2)". */
  private static final int MIN_PAGE_LINES = 5;

  /**
   * The lines that number a printed page, where they stand alone five times or more, mostly rising:
   * not the book's words ("1)", "2)", ... between the paragraphs of a scanned edition).
   */
  private static BitSet pageNumbers(List<SourceLine> lines, int from, int to) {
    BitSet at = new BitSet();
    int rising = 0;
    int previous = -1;
    for (int i = from; i < to; i++) {
      String t = lines.get(i).text();
      if (t.length() > 20 || t.isBlank() || !alone(lines, i)) {
        continue;
      }
      Matcher m = PAGE_LINE.matcher(t);
      if (m.matches()) {
        int n = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        rising += n > previous ? 1 : 0;
        previous = n;
        at.set(i);
      }
    }
    return at.cardinality() >= MIN_PAGE_LINES && rising * 5 >= at.cardinality() * 4 ? at : new BitSet();
  }

  /** The line (at most 60 on) where the bracket opened on line i closes, or -1. */
  private static int closingBracket(List<SourceLine> lines, int i, int to) {
    int depth = 0;
    for (int j = i; j < to && j < i + 60; j++) {
      for (char c : lines.get(j).text().toCharArray()) {
        if (c == '[') {
          depth++;
        } else if (c == ']' && --depth == 0) {
          return j;
        }
      }
    }
    return -1;
  }

  static boolean heading(String body) {
    return NUMERAL.matcher(body).matches() || STAVE.matcher(body).matches()
        || (NUMBERED_TITLE.matcher(body).matches() && body.split("\\s+").length <= 10);
  }

  /** After the START marker: "Produced by ..." credits, the title, "by" and the author's name. */
  private static int skipCredits(char[] out, List<SourceLine> lines, int from, int to,
                                 String title, String author) {
    int i = from;
    while (i < to) {
      String body = lines.get(i).text().strip();
      String lower = body.toLowerCase(Locale.ROOT);
      if (body.isEmpty()) {
        i++;
      } else if (Gutenberg.isCredits(lower)) {
        i = blankBlock(out, lines, i, to) + 1;
      } else if (byline(lower, title, author) || Headings.statesTitlePage(body) || Gutenberg.ofEbookTitle(body) != null
          || title != null && author != null && Headings.words(lower).replaceFirst(" \\d{4}$", "")
          .equals(Headings.words(title) + " by " + Headings.words(author))) {
        // the title, its author, "Translated by ...", "Persuasion by Jane Austen (1818)" or the header's first
        // line again, before the credits
        blank(out, lines, i, i + 1);
        i++;
      } else {
        return i;
      }
    }
    return i;
  }

  /** Whether a line the credits' skipping left out between {@code from} and {@code to} was the title, "by" or the author. */
  private static boolean titleSkipped(List<SourceLine> lines, int from, int to, String title, String author) {
    for (int i = from; i < to; i++) {
      String lower = lines.get(i).text().strip().toLowerCase(Locale.ROOT);
      if (!lower.isEmpty() && !Gutenberg.isCredits(lower) && byline(lower, title, author)) {
        return true;
      }
    }
    return false;
  }

  /** The title, "by" or the author's name, as a title page sets them. */
  private static boolean byline(String lower, String title, String author) {
    return matchesName(lower, title) || lower.equals("by") || matchesName(lower, author);
  }

  /** The line is the name, give or take case, an honorific and surrounding words ("SIR ..."). */
  private static boolean matchesName(String lower, String name) {
    if (name == null || lower.split("\\s+").length > name.split("\\s+").length + 2) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT);
    return lower.contains(n) || n.contains(lower) && lower.length() > 3;
  }

  private static boolean contentsList(List<SourceLine> lines, int i, int to) {
    String body = plain(lines.get(i).text().strip());
    if (Headings.isListTitle(body)) {
      // "CONTENTS" always heads a list; "ILLUSTRATIONS" only where one follows it
      int next = nextLine(lines, i + 1, to);
      return body.toLowerCase(Locale.ROOT).contains("contents")
          || alone(lines, i) && (listBlock(lines, next, to) || loneEntries(lines, next, to) >= MIN_LONE_ENTRIES);
    }
    int entries = 0;
    int total = 0;
    for (int j = i; j < to && !lines.get(j).text().isBlank(); j++) {
      total++;
      String entry = lines.get(j).text().strip();
      if (Headings.isContentsEntry(entry) || leaders(entry)) {
        entries++;
      }
    }
    return total >= 3 && entries * 5 >= total * 4;
  }

  /**
   * The block at {@code i} continues a list under its title: every line an entry (numbered, with a
   * page number, the column heads, or a heading without its title), and more than a lone unnumbered
   * line (a chapter's heading after the list: "CHAPTER I", "PREFACE").
   */
  private static boolean listBlock(List<SourceLine> lines, int i, int to) {
    int total = 0;
    int bare = 0;
    boolean paged = false;
    for (int j = i; j < to && !lines.get(j).text().isBlank(); j++) {
      String entry = plain(lines.get(j).text().strip());
      if (entry.length() > 120) {
        return false; // an entry is short; and COLUMN_HEADS' repeated group recurses once a word
      }
      boolean page = leaders(entry) || PAGE_AT_END.matcher(entry).matches();
      if (j > i && indent(lines.get(j).text()) >= 8 && entry.split("\\s+").length <= 6 && !page) {
        continue; // an entry's title wrapped under it ("Jonathan Wild's House in the Old  201" over "Bailey")
      }
      if (!page && pagedBelow(lines, j, to)) {
        continue; // an entry wrapped over its page's line ("I remember him as he came" over "plodding to the inn door  50")
      }
      boolean listed = page || Headings.isContentsEntry(entry) || COLUMN_HEADS.matcher(entry).matches();
      if (!listed && !headingLine(entry)) {
        return false;
      }
      bare += listed ? 0 : 1;
      paged |= page || COLUMN_HEADS.matcher(entry).matches();
      total++;
    }
    // headings without titles ("THE PREFACE" over "CHAPTER I." to "CHAPTER XX."): a list where there
    // are many of them, or a few among titled entries; not a heading's own lines ("PART I" over "CHAPTER I")
    return (total >= 3 || total > 0 && paged) && (bare < 2 || bare >= MIN_BARE_ENTRIES || bare * 3 <= total);
  }

  /** Headings without titles, one a line, that make a block a list by themselves ("CHAPTER I." to "CHAPTER IV."). */
  private static final int MIN_BARE_ENTRIES = 4;

  /**
   * A block that is one numbered entry of a contents list, its title wrapped onto indented lines
   * ("VI. The Reverend Arthur Beebe, ..." over "       Mr. Emerson, ...") or at the text's width
   * ("CHAPTER I. Y-o-u-u Tom—Aunt Polly Decides Upon her Duty—Tom Practices" over "Music—The
   * Challenge"): the entry's number, else -1.
   */
  private static int entryBlock(List<SourceLine> lines, int i, int to) {
    int end = endOfBlock(lines, i, to);
    if (end - i > 4) {
      return -1;
    }
    for (int j = i + 1; j < end; j++) {
      if (indent(lines.get(j).text()) < 4 && lines.get(j - 1).text().strip().length() < WRAPPED) {
        return -1;
      }
    }
    return Headings.contentsEntryNumber(plain(lines.get(i).text().strip()));
  }

  /** A line this long or longer may have been wrapped: the next one continues it. */
  private static final int WRAPPED = 50;

  /** The number of the block's last numbered entry; the highest there is where none is numbered (no entry follows). */
  private static int lastEntryNumber(List<SourceLine> lines, int i, int to) {
    int number = Integer.MAX_VALUE;
    for (int j = i; j < to && !lines.get(j).text().isBlank(); j++) {
      int n = Headings.contentsEntryNumber(plain(lines.get(j).text().strip()));
      number = n >= 0 ? n : number;
    }
    return number;
  }

  /** Within two lines below, in its block, a line ends in a page number: the line at {@code j} is an entry's start. */
  private static boolean pagedBelow(List<SourceLine> lines, int j, int to) {
    for (int k = j + 1; k < Math.min(to, j + 3) && !lines.get(k).text().isBlank(); k++) {
      if (PAGE_AT_END.matcher(plain(lines.get(k).text().strip())).matches()) {
        return true;
      }
    }
    return false;
  }

  /** A dedication's first word alone on its line, the name in the block under it. */
  private static final Pattern DEDICATION_WORD = Pattern.compile("(?i)to|for|dedicated to|inscribed to");

  /** The line at {@code i} numbers a chapter. */
  private static boolean startsChapter(List<SourceLine> lines, int i, int to, BitSet numberedTitles) {
    if (i >= to) {
      return false;
    }
    String t = plain(lines.get(i).text().strip());
    return alone(lines, i) && (heading(t) || numberedTitles.get(i)) || Headings.isNumberedChapter(t);
  }

  /** Entries set one a block that a list's title must have over it to be taken for one. */
  private static final int MIN_LONE_ENTRIES = 5;

  /**
   * A block of one short line that no heading is: an entry of a list set an entry a block ("Tom at
   * Home", "“Got it at Last!”"), where the caller finds another such, or the book's heading, after it.
   */
  private static boolean loneEntry(List<SourceLine> lines, int i, int to) {
    if (i >= to || endOfBlock(lines, i, to) != i + 1) {
      return false;
    }
    String t = plain(lines.get(i).text().strip());
    // (a numbered one is the list's while its numbers rise: "ADVENTURE I. A SCANDAL IN BOHEMIA" after "XII." is the book's)
    return t.length() <= 60 && t.split("\\s+").length <= 10 && !headingLine(t) && !Headings.isContentsEntry(t);
  }

  private static boolean headingLine(String t) {
    return heading(t) || Headings.isNumberedChapter(t) || Headings.isDivision(t) || Headings.isFrontMatterTitle(t)
        || Headings.isListTitle(t);
  }

  /** The block at {@code i} is one line a heading is: where a list set an entry a block ends. */
  private static boolean headingBlock(List<SourceLine> lines, int i, int to) {
    return i < to && endOfBlock(lines, i, to) == i + 1 && headingLine(plain(lines.get(i).text().strip()));
  }

  /** How many entries set one a block ({@link #loneEntry}) follow one another from {@code i}. */
  private static int loneEntries(List<SourceLine> lines, int i, int to) {
    int n = 0;
    for (int j = i; n < MIN_LONE_ENTRIES && loneEntry(lines, j, to); j = nextLine(lines, j + 1, to)) {
      n++;
    }
    return n;
  }

  /** A short block of a line or three, none a sentence's: a part's title between a list's entries. */
  private static boolean partOfList(List<SourceLine> lines, int i, int to) {
    int n = 0;
    for (int j = i; j < to && !lines.get(j).text().isBlank(); j++) {
      String t = plain(lines.get(j).text().strip());
      if (++n > 3 || t.length() > 60 || !Markup.isAllCaps(t)) {
        return false;
      }
    }
    return n > 0;
  }

  /** The first blank line at or after {@code i}, or {@code to}. */
  private static int endOfBlock(List<SourceLine> lines, int i, int to) {
    int j = i;
    while (j < to && !lines.get(j).text().isBlank()) {
      j++;
    }
    return j;
  }

  /** Characters of the text searched for note marks between two looks for an interrupt. */
  private static final int MARK_STRETCH = 1 << 20;
  /** Longer than any note mark ({@link #INLINE_NOTE}'s 300 characters and its brackets). */
  private static final int MARK_LONGEST = 512;
  /** What a converted e-text prints for its cover picture: the image's alt text. */
  private static final Pattern COVER = Pattern.compile("(?i)\\[?(?:cover|cover image|book cover|front cover)]?");
  /** "Transcriber's Note:" unbracketed, as Distributed Proofreaders head their notes on the edition. */
  private static final Pattern TRANSCRIBERS_NOTE = Pattern.compile("(?i)transcriber['’]?s?['’]? notes?\\b");
  /** A rule of dashes, equals signs or underscores (not a scene break's stars): where a transcriber's note ends. */
  private static final Pattern RULE = Pattern.compile("[-=_]{5,}");

  /**
   * A transcriber's note, not the book: its block, and the paragraphs after it up to a rule where one
   * closes it within four blocks (a heading or a short line before it: the book has begun). Returns the
   * last line blanked.
   */
  private static int blankNote(char[] out, List<SourceLine> lines, int i, int to) {
    int end = blankBlock(out, lines, i, to);
    int j = end + 1;
    for (int block = 0; block < 4 && j < to; block++) {
      j = nextLine(lines, j, to);
      if (j >= to) {
        break;
      }
      String t = lines.get(j).text().strip();
      boolean single = endOfBlock(lines, j, to) == j + 1;
      if (single && RULE.matcher(t).matches()) {
        blank(out, lines, end + 1, j + 1);
        return j;
      }
      if (single && t.length() < 60) {
        break;
      }
      j = endOfBlock(lines, j, to);
    }
    return end;
  }

  /** The first line from {@code i} with words on it, or {@code to}. */
  private static int nextLine(List<SourceLine> lines, int i, int to) {
    int j = i;
    while (j < to && lines.get(j).text().isBlank()) {
      j++;
    }
    return j;
  }

  /** The block at {@code i}'s text, its first 2,000 characters or so: enough to tell running prose by. */
  private static String blockText(List<SourceLine> lines, int i, int to) {
    StringBuilder text = new StringBuilder();
    for (int j = i; j < to && !lines.get(j).text().isBlank() && text.length() < 2_000; j++) {
      text.append(lines.get(j).text()).append('\n');
    }
    return text.toString();
  }

  /** "PARIS, 1909", "London, March 1909": where and when a letter, preface or dedication was signed. */
  private static final Pattern DATELINE = Pattern.compile(
      "\\p{Lu}[\\p{L} .'-]{1,30},\\s+(?:\\p{L}+\\.?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?\\d{4}\\.?");

  /**
   * The block at {@code i} is a title page's: a statement over lines ("AUTHOR OF ...", "Copyright ..."),
   * or every line the title, "by", the author or a title page's line (a year too, under another or
   * {@code underTitlePage}).
   * A line over a by-line is the book's title, kept for it ("BOSTON" over "by Upton Sinclair").
   */
  private static boolean titlePageBlock(List<SourceLine> lines, int i, int to, String title, String author,
                                        boolean underTitlePage) {
    String first = plain(lines.get(i).text().strip());
    if (Headings.startsTitlePageStatement(first)) {
      return true;
    }
    // the author's other books, one a line as often as run on: a list of any length
    if (titles(blockText(lines, i, to))) {
      return true;
    }
    int end = endOfBlock(lines, i, to);
    if (end - i > 4) {
      return false;
    }
    // the imprint as a block: the place or the year, the firm, its street ("London" over "SERVICE &
    // PATON" over "5 HENRIETTA STREET" over "1897"), whose lines alone say less (Headings.isTitlePageLine)
    if (end - i > 1 && Headings.isTitlePageLine(plain(blockText(lines, i, to).strip()))) {
      return true;
    }
    int next = nextLine(lines, end, to);
    if (next < to && (title == null || !matchesName(first.toLowerCase(Locale.ROOT), title)) && !Headings.statesTitlePage(first)
        && (Headings.byLine(plain(lines.get(next).text().strip())) != null
            || plain(lines.get(next).text().strip()).equalsIgnoreCase("by"))) {
      // under the title's own block, the title's subtitle ("IN PROSE / BEING / A Ghost Story of Christmas")
      return underTitlePage && subtitle(lines, i, end);
    }
    for (int j = i; j < end; j++) {
      String p = plain(lines.get(j).text().strip());
      boolean known = (title != null || author != null) && byline(p.toLowerCase(Locale.ROOT), title, author);
      // (a by-line alone under the title, whatever name it gives: "BY MARY W. SHELLEY." for Mary Wollstonecraft
      // Shelley; and what a line in brackets under it says of the author: "(Samuel Langhorne Clemens)")
      if (!(known || Headings.isTitlePageLine(p) || (underTitlePage || j > i) && Headings.isYear(p)
          || underTitlePage && end - i == 1 && (Headings.byLine(p) != null || p.startsWith("(") && p.endsWith(")")))) {
        return false;
      }
    }
    return true;
  }

  /** A book's title in quotation marks, under "Author of": "_The Shuttle_,". */
  private static final Pattern QUOTED_TITLE = Pattern.compile("[\"“]_?\\p{Lu}[^\"“”.!?]{0,40}?[,.]?_?[,.]?[\"”][,.]?");

  /**
   * Only titles in quotation marks, two or more ("The Shuttle," "The Making of a Marchioness," ... etc.): the
   * author's other books, under a title page's "Author of", not an epigraph.
   */
  private static boolean titles(String block) {
    Matcher m = QUOTED_TITLE.matcher(block);
    int n = 0;
    StringBuilder rest = new StringBuilder();
    int at = 0;
    while (m.find()) {
      n++;
      rest.append(block, at, m.start());
      at = m.end();
    }
    rest.append(block.substring(at));
    return n >= 2 && rest.toString().replaceAll("(?i)\\betc\\b|\\band\\b|[\\s_.,;]", "").isEmpty();
  }

  /** Short lines, none ending a sentence or a clause, nor quoting: a title's, not a story's. */
  private static boolean subtitle(List<SourceLine> lines, int from, int to) {
    for (int j = from; j < to; j++) {
      String p = plain(lines.get(j).text().strip());
      // (a title page in capitals may end its lines with a stop: "OR, THE MODERN PROMETHEUS.")
      boolean caps = Markup.isAllCaps(p);
      if (p.length() > 60 || p.matches(caps ? ".*[!?,]" : ".*[.!?,;]") || p.indexOf('"') >= 0 || p.indexOf('“') >= 0) {
        return false;
      }
    }
    return true;
  }

  /** A line without its emphasis marks: "_All rights reserved._", "=Katrine=". */
  private static String plain(String body) {
    return body.indexOf('_') < 0 && body.indexOf('=') < 0 ? body : body.replace("_", "").replace("=", "").strip();
  }

  /**
   * "Chapter 3 ..... 41": a page number after four or more dots (each may have one blank after it). By
   * hand: as a regular expression ("^.*(?:\\.\\s?){4,}\\s*\\d+$") it backtracked quadratically over a
   * line of dots, and its repeated group recursed once per dot (a long line overflowed the stack).
   */
  static boolean leaders(String line) {
    int i = line.length();
    int digits = i;
    while (i > 0 && isAsciiDigit(line.charAt(i - 1))) {
      i--;
    }
    if (i == digits) {
      return false;
    }
    while (i > 0 && isRegexSpace(line.charAt(i - 1))) {
      i--;
    }
    int dots = 0;
    while (i > 0 && line.charAt(i - 1) == '.') {
      dots++;
      i--;
      if (i > 1 && isRegexSpace(line.charAt(i - 1)) && line.charAt(i - 2) == '.') {
        i--;
      }
    }
    return dots >= 4;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** What \\s matches in a Java regular expression. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static boolean alone(List<SourceLine> lines, int i) {
    return (i == 0 || lines.get(i - 1).text().isBlank())
        && (i + 1 >= lines.size() || lines.get(i + 1).text().isBlank());
  }

  /** A centred line with another centred line near it: a notice, a letter's head, an epigraph. */
  private static boolean centredGroup(List<SourceLine> lines, int i, int to) {
    for (int d : new int[] {-2, -1, 1, 2}) {
      int j = i + d;
      if (j >= 0 && j < to && !lines.get(j).text().isBlank() && indent(lines.get(j).text()) >= 8) {
        return true;
      }
    }
    return false;
  }

  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
      n += line.charAt(n) == '\t' ? 8 : 1;
    }
    return n;
  }

  /** Blanks lines from i to the next blank line; returns the last line blanked. */
  private static int blankBlock(char[] out, List<SourceLine> lines, int i, int to) {
    int j = i;
    while (j < to && !lines.get(j).text().isBlank()) {
      j++;
    }
    blank(out, lines, i, j);
    return j - 1;
  }

  private static void blank(char[] out, List<SourceLine> lines, int from, int to) {
    for (int i = from; i < to && i < lines.size(); i++) {
      for (int c = lines.get(i).start(); c < lines.get(i).end(); c++) {
        out[c] = ' ';
      }
    }
  }
}
