package com.etoaudiobook.book.internal;

import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.book.FileTitle;
import com.etoaudiobook.book.Headings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line passes of {@link ScriptReader}: find each line's body (without quote markers), skip
 * front matter and code, count label names (a plain label must be used twice to count), classify
 * every line, and pick the title and author.
 */
final class LineClassifier {

  // A repeated group recurses once per repetition in java.util.regex: a line of 2,000 dashes overflowed
  // the stack. The same rule without the group: starts and ends with a mark, only marks and blanks between,
  // at least three marks (checked in thematicBreak).
  private static final Pattern THEMATIC_BREAK = Pattern.compile("^[-*_][-*_ \\t]*[-*_]$");
  private static final Pattern SETEXT = Pattern.compile("^(=+|-{2,})$");
  private static final Pattern FRONT_MATTER_KEY = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:\\s*(.*)$");

  private final PlainText.Prepared layout;
  private final String fileName;
  private final boolean markdown;
  private final List<ScriptLine> entries = new ArrayList<>();
  private final Map<String, Integer> labelCounts = new HashMap<>();
  private final PlayNames playNames = new PlayNames();
  private String metaTitle;
  private String author;
  private boolean hasMarkdownHeadings;

  /** Splits and classifies the lines of the prepared text. */
  LineClassifier(PlainText.Prepared layout, String fileName, boolean markdown) {
    this.layout = layout;
    this.fileName = fileName;
    this.markdown = markdown;
    for (SourceLine line : SourceLine.split(layout.text())) {
      Cancellation.check();
      entries.add(body(new ScriptLine(line)));
    }
    skipFrontMatter();
    skipCodeFences();
    prescan();
    classify();
  }

  List<ScriptLine> lines() {
    return entries;
  }

  /** The author from front matter or a by-line under the title (known after chooseTitle), or null. */
  String author() {
    return author;
  }

  private static boolean thematicBreak(String line) {
    return THEMATIC_BREAK.matcher(line).matches()
        && line.chars().filter(c -> c == '-' || c == '*' || c == '_').count() >= 3;
  }

  /**
   * Marks the lines of a document read by its structure ({@link ScriptReader#readBlocks}) that are
   * speaker labels, by the rules a script's lines are read by; false when none is.
   */
  static boolean labels(List<ScriptLine> entries, CharSequence text) {
    Map<String, Integer> counts = new HashMap<>();
    PlayNames play = new PlayNames();
    Label[] parsed = new Label[entries.size()];
    boolean any = false;
    for (int i = 0; i < parsed.length; i++) {
      ScriptLine e = entries.get(i);
      if (e.kind == ScriptLine.Kind.TEXT) {
        Cancellation.check();
        // a screenplay saved as Word has its cue and its lines in paragraphs of their own
        parsed[i] = lineLabel(entries, i, true);
        play.count(parsed[i], counts);
        any |= parsed[i] != null;
      }
    }
    if (!any) {
      return false;
    }
    play.decide(text, counts);
    int labelled = 0;
    for (int i = 0; i < parsed.length; i++) {
      Label l = parsed[i];
      if (l != null && (l.play() ? play.accepts(l) : play.acceptsColon(l, counts))) {
        entries.get(i).kind = ScriptLine.Kind.LABEL;
        entries.get(i).label = l;
        labelled++;
      }
    }
    // In a script, a name alone in its paragraph with its colon ("Maud:", a play's persona cell)
    // is a speaker from its first use: its speech follows, and prose has no such paragraphs.
    for (int i = 0; i < parsed.length && labelled >= 2; i++) {
      Label l = parsed[i];
      ScriptLine e = entries.get(i);
      if (l != null && !l.play() && e.kind == ScriptLine.Kind.TEXT && l.textStart() >= e.body.length()
          && opensBlock(entries, i) && (i + 1 == parsed.length || entries.get(i + 1).kind == ScriptLine.Kind.BLANK)) {
        e.kind = ScriptLine.Kind.LABEL;
        e.label = l;
      }
    }
    return labelled > 0;
  }

  /** The line without leading quote markers and surrounding whitespace. */
  static ScriptLine body(ScriptLine e) {
    String t = e.line.text();
    int s = 0;
    int end = t.length();
    while (true) {
      while (s < end && Character.isWhitespace(t.charAt(s))) {
        s++;
      }
      if (s < end && t.charAt(s) == '>') {
        s++;
      } else {
        break;
      }
    }
    while (end > s && Character.isWhitespace(t.charAt(end - 1))) {
      end--;
    }
    e.bodyStart = e.line.start() + s;
    e.bodyEnd = e.line.start() + end;
    e.body = t.substring(s, end);
    if (e.body.isEmpty() || e.body.equals("\uFEFF")) {
      e.kind = ScriptLine.Kind.BLANK;
    }
    return e;
  }

  /** A screenplay's title page (Fountain): "Title:", "Credit:", "Author:" and the like. */
  private static final Pattern TITLE_PAGE_KEY = Pattern.compile(
      "(?i)^(title|credit|author|authors|source|draft date|contact|copyright|notes|revision)\\s*:\\s*(.*)$");

  /**
   * A screenplay's title page, its first block starting "Title:", is metadata, not speech: its
   * title and author are used. True when there was one.
   */
  private boolean skipTitlePage() {
    int first = 0;
    while (first < entries.size() && entries.get(first).kind == ScriptLine.Kind.BLANK) {
      first++;
    }
    if (first >= entries.size() || !entries.get(first).body.regionMatches(true, 0, "title:", 0, 6)) {
      return false;
    }
    int end = first;
    while (end < entries.size() && entries.get(end).kind != ScriptLine.Kind.BLANK) {
      ScriptLine e = entries.get(end);
      if (!TITLE_PAGE_KEY.matcher(e.body).matches() && !Character.isWhitespace(e.line.text().charAt(0))) {
        return false;  // not only "Key: value" lines and their indented continuations
      }
      end++;
    }
    for (int i = first; i < end; i++) {
      ScriptLine e = entries.get(i);
      Matcher m = TITLE_PAGE_KEY.matcher(e.body);
      if (m.matches() && !m.group(2).isBlank()) {
        String key = m.group(1).toLowerCase(Locale.ROOT);
        if (key.equals("title") && metaTitle == null) {
          metaTitle = Markup.clean(m.group(2)).strip();
        } else if (key.startsWith("author") && author == null) {
          author = Markup.clean(m.group(2)).strip();
        }
      }
      e.kind = ScriptLine.Kind.SKIP;
    }
    return true;
  }

  /** YAML front matter is metadata, not speech; its title and author are used. */
  private void skipFrontMatter() {
    if (skipTitlePage()) {
      return;
    }
    if (entries.isEmpty() || !entries.get(0).body.equals("---")) {
      return;
    }
    for (int i = 1; i < Math.min(entries.size(), 60); i++) {
      String b = entries.get(i).body;
      if (b.equals("---") || b.equals("...")) {
        for (int j = 0; j <= i; j++) {
          ScriptLine e = entries.get(j);
          Matcher m = FRONT_MATTER_KEY.matcher(e.body);
          if (j > 0 && j < i && m.matches()) {
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2).strip().replaceAll("^[\"']|[\"']$", "");
            if (key.equals("title") && !value.isEmpty()) {
              metaTitle = value;
            } else if (key.equals("author") && !value.isEmpty()) {
              author = value;
            }
          }
          e.kind = ScriptLine.Kind.SKIP;
        }
        return;
      }
      if (!b.isEmpty() && !FRONT_MATTER_KEY.matcher(b).matches() && !b.startsWith("-")
          && !Character.isWhitespace(entries.get(i).line.text().charAt(0))) {
        return;
      }
    }
  }

  /** Code is not read aloud. */
  private void skipCodeFences() {
    String fence = null;
    for (ScriptLine e : entries) {
      if (fence == null && (e.body.startsWith("```") || e.body.startsWith("~~~"))) {
        fence = e.body.substring(0, 3);
        e.kind = ScriptLine.Kind.SKIP;
      } else if (fence != null) {
        if (e.body.startsWith(fence)) {
          fence = null;
        }
        e.kind = ScriptLine.Kind.SKIP;
      }
    }
  }

  /** Counts label names and notes whether the document uses Markdown headings. */
  private void prescan() {
    for (int i = 0; i < entries.size(); i++) {
      Cancellation.check();
      ScriptLine e = entries.get(i);
      if (e.empty()) {
        continue;
      }
      Headings.Atx atx = Headings.atx(e.body);
      if (atx != null && !atx.title().isEmpty()) {
        hasMarkdownHeadings = true;
      }
      if (setextLevel(i) > 0) {
        hasMarkdownHeadings = true;
      }
      playNames.count(lineLabel(entries, i, false), labelCounts);
    }
    playNames.decide(layout.text(), labelCounts);
  }

  /** Level of a setext heading underlined by line i ("Title\n====="), or 0. */
  private int setextLevel(int i) {
    ScriptLine under = entries.get(i);
    if (i == 0 || under.empty() || !SETEXT.matcher(under.body).matches()) {
      return 0;
    }
    boolean equals = under.body.charAt(0) == '=';
    if (!equals && !markdown) {
      return 0;
    }
    ScriptLine text = entries.get(i - 1);
    if (text.empty() || Headings.atx(text.body) != null || colonLabel(text.body)
        || !(i == 1 || entries.get(i - 2).empty())) {
      return 0;
    }
    return equals ? 1 : 2;
  }

  /**
   * Line i's label; a play's only on a block's first line ("Ratignolle. There are" wraps prose),
   * a screenplay's cue only over a line of its block (a line in capitals alone is a heading), or
   * over the next paragraph where {@code cueOverParagraph}, never over more capitals (a list of
   * titles or names).
   */
  private static Label lineLabel(List<ScriptLine> entries, int i, boolean cueOverParagraph) {
    String body = entries.get(i).body;
    Label l = Label.parse(body);
    if (l != null && l.play() && l.bold() && body.substring(l.textStart()).isBlank() && !overVerse(entries, i)) {
      return null; // "_Monday_" over a diary's day, "_John._" under a letter: no speaker's name
    }
    if (l != null && l.cue()) {
      ScriptLine next = i + 1 < entries.size() ? entries.get(i + 1) : null;
      if (next == null || next.empty() ? !cueOverParagraph : Markup.isAllCaps(next.body)) {
        return null;
      }
    }
    // A cue alone over its line, or "BARNARDO  Who's there?" (Folger's texts), stands inside a
    // block too: such plays leave no blank line between speeches, and prose never writes a name so.
    return opensBlock(entries, i) || l != null && (l.cue() || l.spaced()) ? l : nonPlay(l);
  }

  /**
   * A name in emphasis alone on its line ("_Ogre_") names a speaker only over the speech it heads
   * set as a play sets verse, the next line indented (in HTML, see the formats' reader).
   */
  private static boolean overVerse(List<ScriptLine> entries, int i) {
    for (int k = i + 1; k < entries.size(); k++) {
      if (!entries.get(k).empty()) {
        String raw = entries.get(k).line.text();
        return !raw.isEmpty() && Character.isWhitespace(raw.charAt(0));
      }
    }
    return false;
  }

  private static boolean opensBlock(List<ScriptLine> entries, int i) {
    return i == 0 || entries.get(i - 1).empty() || entries.get(i - 1).kind == ScriptLine.Kind.HEADING;
  }

  private static Label nonPlay(Label l) {
    return l != null && l.play() ? null : l;
  }

  /** A label of a script's syntax ("ROLE: text"), not a play's, which needs the whole document to tell. */
  private static boolean colonLabel(String body) {
    Label l = Label.parse(body);
    return l != null && !l.play();
  }

  /**
   * The lines of a block of one to three in capitals that starts at {@code i} (blank lines before
   * and after it, none ending a sentence), or 0.
   */
  private int capsBlock(int i) {
    if (i > 0 && !entries.get(i - 1).empty()) {
      return 0;
    }
    int j = i;
    while (j < entries.size() && !entries.get(j).empty() && j - i < 4) {
      // a line may end with the comma that runs it on to the next; the last is a title's
      String line = Markup.clean(entries.get(j).body).strip();
      String whole = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
      // (longer lines than a title standing anywhere: a chapter's argument, "IN WHICH ...", runs past a dozen words)
      if (line.endsWith(".") || !Headings.isCapsTitle(whole, 15)) {
        return 0;
      }
      j++;
    }
    int n = j - i;
    return n >= 1 && n <= 3 && (j == entries.size() || entries.get(j).empty())
        && !Markup.clean(entries.get(j - 1).body).strip().endsWith(",") ? n : 0;
  }

  /** '"THERE WAS SOME ONE CRYING--THERE WAS!"': a line in capitals, all of it in quotation marks. */
  private static boolean quotedCapsLine(String t) {
    if (t.length() < 4 || "\"“".indexOf(t.charAt(0)) < 0 || "\"”".indexOf(t.charAt(t.length() - 1)) < 0) {
      return false;
    }
    String inside = t.substring(1, t.length() - 1).strip();
    return !inside.isEmpty() && Markup.isAllCaps(inside) && inside.split("\\s+").length <= 10;
  }

  /**
   * Whether most numbered chapters stand over a title in capitals (two at least): there a line in
   * capitals wholly in quotation marks in that place (The Secret Garden's '"THERE WAS SOME ONE
   * CRYING--THERE WAS!"' under "CHAPTER VI") is a title too, not a shout that opens the chapter.
   */
  private boolean capsTitledChapters() {
    int numbered = 0;
    int titled = 0;
    for (int i = 0; i < entries.size(); i++) {
      Cancellation.check();
      ScriptLine e = entries.get(i);
      // (a chapter's number is a short line: a long one is not cleaned of its markup to be looked at)
      if (e.empty() || e.body.length() > 120 || !standsAlone(i)
          || !Headings.isNumberedChapter(Markup.clean(e.body).strip())) {
        continue;
      }
      numbered++;
      int j = i + 1;
      while (j < entries.size() && entries.get(j).empty()) {
        j++;
      }
      if (j < entries.size() && standsAlone(j) && Headings.isCapsTitle(Markup.clean(entries.get(j).body).strip())) {
        titled++;
      }
    }
    return titled >= 2 && titled * 2 >= numbered;
  }

  private boolean standsAlone(int i) {
    return (i == 0 || entries.get(i - 1).empty())
        && (i == entries.size() - 1 || entries.get(i + 1).empty());
  }

  /**
   * Where chapters are numbered ("CHAPTER IV", "IV."), the lines of the first and the last such
   * heading ({-1, -1} when fewer than three are), and how many lines number a chapter or a part.
   */
  private int[] numberedSpan() {
    int n = 0;
    int any = 0;
    int first = -1;
    int last = -1;
    for (int i = 0; i < entries.size(); i++) {
      ScriptLine e = entries.get(i);
      String clean = e.empty() ? "" : Markup.clean(e.body).strip();
      boolean numberedLine = standsAlone(i) && Headings.isNumberedChapter(clean);
      any += numberedLine ? 1 : 0;
      // Chapters, not parts or acts: titles in capitals between "PART ONE" and "PART TWO" are
      // the part's chapters.
      if (!e.empty() && (layout.headings().contains(e.line.start())
          || numberedLine && clean.toLowerCase(Locale.ROOT).startsWith("chapter"))) {
        n++;
        first = first < 0 ? i : first;
        last = i;
      }
    }
    return n >= 3 ? new int[] {first, last, any} : new int[] {-1, -1, any};
  }

  private void classify() {
    // Between numbered chapters, a line in capitals is a notice or a sign in the story ("PLES
    // RING IF AN RNSER IS REQIRD.", "PLAN TO CAPTURE BABY ROO"), not a chapter of its own;
    // before the first or after the last it may be one ("PREFACE", "AFTERWORD"), unless it ends
    // a sentence ("ANXIOUS POOH SONG."); one with a number is a heading anywhere.
    int[] numbered = numberedSpan();
    boolean capsTitled = capsTitledChapters(); // (counted before the loop folds the titles into their headings)
    // The last heading, while nothing but blank lines came after it.
    ScriptLine justHeaded = null;
    List<Integer> capsHeadings = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Cancellation.check();
      ScriptLine e = entries.get(i);
      if (e.empty()) {
        continue;
      }
      ScriptLine headed = justHeaded;
      justHeaded = null;
      if (headed != null && Headings.isDivision(headed.heading) && Headings.numbersChapter(Markup.clean(e.body).strip())) {
        headed = null; // "Phase the First: The Maiden", then "I": the part's first chapter, not its title
      }
      if (i + 1 < entries.size() && setextLevel(i + 1) > 0) {
        heading(e, Markup.clean(e.body).strip(), setextLevel(i + 1));
        entries.get(i + 1).kind = ScriptLine.Kind.SKIP;
        continue;
      }
      if (thematicBreak(e.body)) {
        e.kind = ScriptLine.Kind.BREAK;
        continue;
      }
      Headings.Atx atx = Headings.atx(e.body);
      if (atx != null) {
        if (atx.title().isEmpty()) {
          e.kind = ScriptLine.Kind.SKIP;
        } else {
          heading(e, atx.title(), atx.level());
        }
        continue;
      }
      String clean = Markup.clean(e.body).strip();
      if (layout.headings().contains(e.line.start())) {
        // (a numeral the layout found over its title: "I" / "The Old Sea-dog at the Admiral Benbow")
        String title = Headings.isBareNumeral(clean) ? subtitleAfterNumber(i, clean, true) : null;
        if (title != null) {
          heading(e, joined(clean, title), 0);
          entries.get(i + 1).kind = ScriptLine.Kind.SKIP;
          continue;
        }
        heading(e, clean, 0);
        justHeaded = e;
        continue;
      }
      if (layout.notHeadings().contains(e.line.start())) {
        e.kind = ScriptLine.Kind.TEXT;
        continue;
      }
      if (standsAlone(i) && (Headings.isNumberedChapter(clean) || Headings.isDivision(clean))) {
        heading(e, clean, 0);
        justHeaded = e;
        continue;
      }
      if (!hasMarkdownHeadings && standsAlone(i) && (numbered[0] < 0 || i < numbered[0]) && Headings.isFrontMatterTitle(clean)
          && !clean.endsWith(".")) {
        // "Introduction" over the author's preface, in capitals or not, before the first numbered chapter
        heading(e, clean, 0);
        continue;
      }
      String subtitle = subtitleAfterNumber(i, clean, false);
      if (subtitle != null) {
        // "CHAPTER I.\nDown the Rabbit-Hole": the number and its title on two lines ("CHAPTER ONE: The Man Who Died").
        heading(e, joined(clean, subtitle), 0);
        entries.get(i + 1).kind = ScriptLine.Kind.SKIP;
        continue;
      }
      Label label = lineLabel(entries, i, false);
      if (label != null && (label.play() ? playNames.accepts(label) : playNames.acceptsColon(label, labelCounts))) {
        e.kind = ScriptLine.Kind.LABEL;
        e.label = label;
        continue;
      }
      String bold = Headings.boldLine(e.body);
      if (bold != null && !bold.endsWith(":")
          && (Headings.startsWithChapterWord(bold) || (!hasMarkdownHeadings && standsAlone(i)))) {
        heading(e, Markup.clean(bold).strip(), 0);
        continue;
      }
      // (a title may read as a play's name and its stop, "The Old Mint."; an act's is never joined: "ACT I"
      // over "Sir Toby Belch." is a cue)
      if (!hasMarkdownHeadings && standsAlone(i) && (label == null || label.play()) && headed != null
          && Headings.numbersChapter(headed.heading) && !ACT_OR_SCENE.matcher(headed.heading).lookingAt()
          && !Headings.isCapsTitle(clean) && titleLike(clean)) {
        // "CHAPTER I.", then "The Widow and her Child.": the chapter's own title, in capitals or not
        headed.heading = joined(headed.heading, clean);
        e.kind = ScriptLine.Kind.SKIP;
        continue;
      }
      int block = capsBlock(i);
      if (!hasMarkdownHeadings && block > 0 && headed != null && Headings.numbersChapter(headed.heading)
          && !ACT_OR_SCENE.matcher(headed.heading).lookingAt()) {
        // "Chapter I", then "IN WHICH PHILEAS FOGG AND PASSEPARTOUT ACCEPT EACH OTHER,\nTHE ONE AS
        // MASTER, THE OTHER AS MAN": the chapter's own title, over up to three lines
        StringBuilder title = new StringBuilder(clean);
        for (int j = i + 1; j < i + block; j++) {
          title.append(' ').append(Markup.clean(entries.get(j).body).strip());
          entries.get(j).kind = ScriptLine.Kind.SKIP;
        }
        headed.heading = Headings.isBareNumeral(headed.heading)
            ? headed.heading.replaceFirst("\\.$", "") + ". " + title : joined(headed.heading, title.toString());
        e.kind = ScriptLine.Kind.SKIP;
        continue;
      }
      boolean quotedTitle = headed != null && standsAlone(i) && quotedCapsLine(clean) && capsTitled;
      if (!hasMarkdownHeadings && standsAlone(i) && (label == null || label.play())
          && (Headings.isCapsTitle(clean) || quotedTitle)) {
        if (headed != null && Headings.numbersChapter(headed.heading)) {
          // "CHAPTER V", then "IN WHICH PIGLET MEETS A HEFFALUMP": the chapter's own title.
          headed.heading = Headings.isBareNumeral(headed.heading)
              ? headed.heading.replaceFirst("\\.$", "") + ". " + clean : joined(headed.heading, clean);
          e.kind = ScriptLine.Kind.SKIP;
          continue;
        }
        boolean outside = numbered[0] < 0 || i < numbered[0] || i > numbered[1];
        // A book with numbered headings (chapters or parts) does not end its titles with a full
        // stop ("MICHAEL." in The Sun Also Rises is a line of the story).
        boolean sentence = clean.endsWith(".") && (numbered[0] >= 0 || numbered[2] >= 3);
        if (Headings.hasNumber(clean) || outside && !sentence && !Headings.isRomanYear(clean)) {
          heading(e, clean, 0);
          if (!Headings.hasNumber(clean)) {
            capsHeadings.add(i);
          }
          continue;
        }
      }
      e.kind = ScriptLine.Kind.TEXT;
    }
    titlePage(capsHeadings);
  }

  private static final Pattern ACT_OR_SCENE = Pattern.compile("(?i)(?:act|scene)\\b");
  /** A letter's salutation or close under a chapter's number: "Dearest Kitty", "My Dear Mother", "Yours Ever". */
  private static final Pattern LETTER_FORMULA = Pattern.compile("(?i)(?:my )?(?:dear|dearest)\\b|yours\\b");

  /** "CHAPTER V: IN WHICH ...", "CHAPTER I. The Widow and her Child.": a number and its title, one heading. */
  private static String joined(String number, String title) {
    return number + (number.endsWith(".") || number.endsWith(":") ? " " : ": ") + title;
  }

  /**
   * A title, not a sentence: at most ten words, no quotation or question, a full stop at most at its
   * end, and most of its words past the first, but for the small ones, capitalised ("The Widow and
   * her Child."; not "He went home.", a letter's "My Dear Mother," nor a play's "Enter Warden and Porter.").
   */
  static boolean titleLike(String t) {
    String body = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    String[] words = body.split("\\s+");
    if (body.isEmpty() || words.length > 10 || !Character.isUpperCase(body.codePointAt(0)) || body.endsWith(",")
        || body.chars().anyMatch(c -> ".!?;:\"“”".indexOf(c) >= 0) || ChapterBuilder.STAGE_WORDS.matcher(body).matches()
        || LETTER_FORMULA.matcher(body).lookingAt()) {
      return false;
    }
    int content = 0;
    int capital = 0;
    for (int w = 1; w < words.length; w++) {
      if (!Markup.isSmallWord(words[w])) {
        content++;
        capital += Character.isUpperCase(words[w].codePointAt(0)) ? 1 : 0;
      }
    }
    return content > 0 && capital * 2 > content;
  }

  /** "THE FIRST ACT", "Second Part": a numbered division in words. */
  private static final Pattern ORDINAL_PART = Pattern.compile("(?i)(the\\s+)?(" + Headings.ORDINAL_WORDS
      + ")\\s+(act|part|book|chapter|scene|volume|epoch|phase|period)\\.?");

  /** Words a section before the first numbered chapter needs to be a chapter, not a title page's line. */
  private static final int FRONT_MATTER_WORDS = 100;

  /**
   * A title page in capitals ("KATRINE", "ELINOR MACARTNEY LANE", the publisher's lines) makes no
   * chapters: of the lines in capitals taken for headings before the first numbered chapter, those
   * over fewer than {@link #FRONT_MATTER_WORDS} words are read as text (the first line of the text,
   * its title, and a preface's heading stay headings).
   */
  private void titlePage(List<Integer> capsHeadings) {
    int firstNumbered = -1;
    for (int i = 0; i < entries.size() && firstNumbered < 0; i++) {
      ScriptLine e = entries.get(i);
      if (e.kind == ScriptLine.Kind.HEADING && e.heading != null
          && (Headings.hasNumber(e.heading) || Headings.numbersChapter(e.heading)
          || ORDINAL_PART.matcher(e.heading).matches())) {
        firstNumbered = i;
      }
    }
    ScriptLine firstContent = entries.stream().filter(e -> !e.empty()).findFirst().orElse(null);
    for (int h : capsHeadings) {
      ScriptLine e = entries.get(h);
      if (firstNumbered < 0 || h >= firstNumbered || e == firstContent || e.kind != ScriptLine.Kind.HEADING
          || Headings.isFrontMatterTitle(e.heading)) {
        continue;
      }
      int words = 0;
      for (int k = h + 1; k < entries.size() && entries.get(k).kind != ScriptLine.Kind.HEADING; k++) {
        if (entries.get(k).kind == ScriptLine.Kind.TEXT) {
          words += entries.get(k).body.split("\\s+").length;
        }
      }
      if (words < FRONT_MATTER_WORDS) {
        e.kind = ScriptLine.Kind.TEXT;
        e.heading = null;
      }
    }
  }

  /** The short title line right under a numbered chapter line (or, {@code numeral}, a numeral the layout found), alone in their block, or null. */
  private String subtitleAfterNumber(int i, String clean, boolean numeral) {
    if (!(i == 0 || entries.get(i - 1).empty()) || i + 1 >= entries.size()
        || !(numeral || Headings.isNumberedChapter(clean))) {
      return null;
    }
    ScriptLine next = entries.get(i + 1);
    if (next.empty() || !(i + 2 == entries.size() || entries.get(i + 2).empty())
        || colonLabel(next.body)) {
      return null;
    }
    String t = Markup.clean(next.body).strip();
    if (t.isEmpty() || t.split("\\s+").length > 10
        || ".!?,;:\"“”".indexOf(t.charAt(t.length() - 1)) >= 0 && !Headings.quotedNameLast(t)
        || !Character.isUpperCase(t.codePointAt(0))) {
      return null;
    }
    return t;
  }

  private static void heading(ScriptLine e, String title, int markdownLevel) {
    e.kind = ScriptLine.Kind.HEADING;
    e.heading = title.replaceAll("\\s{2,}", " "); // "STAVE I:  MARLEY'S GHOST", spaced as printed
    e.markdownLevel = markdownLevel;
  }

  /**
   * A lone H1 above deeper headings names the book; otherwise a heading on the first line does,
   * unless it is a numbered chapter; otherwise the file name.
   */
  String chooseTitle() {
    List<ScriptLine> headings = entries.stream().filter(e -> e.kind == ScriptLine.Kind.HEADING).toList();
    ScriptLine titleScriptLine = null;
    String title = null;
    if (!headings.isEmpty()) {
      ScriptLine first = headings.get(0);
      long h1 = headings.stream().filter(h -> h.markdownLevel == 1).count();
      ScriptLine firstContent = entries.stream().filter(e -> !e.empty()).findFirst().orElse(null);
      if (first.markdownLevel == 1 && h1 == 1) {
        first.kind = ScriptLine.Kind.TITLE;
        titleScriptLine = first;
        title = first.heading;
      } else if (first == firstContent && !Headings.isNumberedChapter(first.heading)) {
        titleScriptLine = first;
        title = first.heading;
      }
    }
    if (titleScriptLine == null) {
      // "Hamlet" over "by William Shakespeare" at the text's top: its title, though no heading
      int top = 0;
      while (top < entries.size() && entries.get(top).empty()) {
        top++;
      }
      int next = nonEmptyAfter(top);
      // ("JANE EYRE" over its subtitle "AN AUTOBIOGRAPHY", then the by-line, blank lines between or not: the
      // subtitle is the title page's too)
      int by = next >= 0 && titleLike(next) && byLineAt(next) == null && nonEmptyAfter(next) >= 0
          ? nonEmptyAfter(next) : next;
      if (next >= 0 && entries.get(top).kind == ScriptLine.Kind.TEXT
          && entries.get(by).kind == ScriptLine.Kind.TEXT) {
        String line = Markup.clean(entries.get(top).body).strip();
        if (titleLike(top) && byLineAt(by) != null) {
          entries.get(top).kind = ScriptLine.Kind.TITLE;
          titleScriptLine = entries.get(top);
          title = line;
          if (by != next) {
            entries.get(next).kind = ScriptLine.Kind.SKIP;
          }
        }
      }
    }
    if (titleScriptLine != null) {
      takeByLine(entries.indexOf(titleScriptLine));
    }
    if (metaTitle != null) {
      title = metaTitle;
    }
    if (title == null || title.isBlank()) {
      title = FileTitle.fromFileName(fileName);
    }
    return Markup.titleCase(title);
  }

  /** A text line a title page's title (or subtitle) could be: short, capitalised, no sentence's punctuation. */
  private boolean titleLike(int i) {
    if (entries.get(i).kind != ScriptLine.Kind.TEXT) {
      return false;
    }
    String line = Markup.clean(entries.get(i).body).strip();
    return line.length() <= 80 && !line.matches(".*[.,;:!?]") && !line.isEmpty()
        && Character.isUpperCase(line.codePointAt(0)) && line.split("\\s+").length <= 12;
  }

  /** "by Jane Doe" right under the title is the author, not speech. */
  private void takeByLine(int titleIndex) {
    for (int i = titleIndex + 1; i < entries.size(); i++) {
      ScriptLine e = entries.get(i);
      if (e.empty()) {
        continue;
      }
      // At most six names: a longer line is no by-line, and the repeated group of the expression
      // recurses once per word (a long line of capitalised words overflowed the stack).
      String by = byLineAt(i);
      if (by != null) {
        if (author == null) {
          author = Markup.titleCase(by); // "PAUL LAURENCE DUNBAR" on a title page is said and tagged as a name
        }
        e.kind = ScriptLine.Kind.SKIP;
        if (isBy(e)) {
          entries.get(nonEmptyAfter(i)).kind = ScriptLine.Kind.SKIP;
        }
      }
      return;
    }
  }

  /**
   * The author's name of the by-line at entry {@code i}: "by Jane Doe" on one line, or "by" alone over
   * the name (a printed title page); null where there is none.
   */
  private String byLineAt(int i) {
    ScriptLine e = entries.get(i);
    if (e.kind != ScriptLine.Kind.TEXT) {
      return null;
    }
    if (!isBy(e)) {
      return Headings.byLine(Markup.clean(e.body).strip());
    }
    int name = nonEmptyAfter(i);
    return name < 0 || entries.get(name).kind != ScriptLine.Kind.TEXT ? null
        : Headings.byLine("by " + Markup.clean(entries.get(name).body).strip());
  }

  private static boolean isBy(ScriptLine e) {
    return Markup.clean(e.body).strip().equalsIgnoreCase("by");
  }

  /** The first entry after {@code i} with words, or -1. */
  private int nonEmptyAfter(int i) {
    for (int j = i + 1; j < entries.size(); j++) {
      if (!entries.get(j).empty()) {
        return j;
      }
    }
    return -1;
  }
}
