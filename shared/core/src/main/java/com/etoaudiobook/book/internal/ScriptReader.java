package com.etoaudiobook.book.internal;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a script or a plain text, line by line, into chapters, segments and roles.
 *
 * <p>Works in passes over the lines: find each line's body (without quote markers), count label
 * names (a plain label must be used twice to count), classify every line, pick the title, then
 * walk the lines with a small state machine deciding who speaks each piece of text.
 */
public final class ScriptReader {

  /** What the reader found; the parser adds file and encoding details to make a Book. */
  /**
   * @param labelled      whether any chapter is a labelled script
   * @param proseChapters indices of the chapters whose dialogue is in quotation marks (prose)
   */
  public record Result(String title, String author, List<Chapter> chapters, List<Role> roles,
                       boolean labelled, java.util.Set<Integer> proseChapters) {
  }

  private enum Kind { BLANK, SKIP, BREAK, TITLE, HEADING, LABEL, TEXT }

  /** Who the next unlabelled text belongs to. */
  private enum Mode {
    /** narration: each paragraph is its own segment */
    NARRATION,
    /** after {@code Role: text}: the rest of the paragraph is the role's, the next one narration */
    INLINE,
    /** after a label alone on its line: following paragraphs are the role's until the next label */
    ALONE
  }

  private static final class Entry {
    final SourceLine line;
    Kind kind = Kind.TEXT;
    int bodyStart;
    int bodyEnd;
    String body;
    String heading;
    int markdownLevel;
    Label label;

    Entry(SourceLine line) {
      this.line = line;
    }

    boolean empty() {
      return kind == Kind.BLANK || kind == Kind.SKIP;
    }
  }

  private static final class Seg {
    final String role;
    final String delivery;
    final int paragraph;
    final int start;
    int end;
    final StringBuilder text;

    Seg(String role, String delivery, int paragraph, int start, int end, String text) {
      this.role = role;
      this.delivery = delivery;
      this.paragraph = paragraph;
      this.start = start;
      this.end = end;
      this.text = new StringBuilder(text);
    }
  }

  private static final class ChapterDraft {
    final String title;
    final List<Seg> segments = new ArrayList<>();
    boolean prose;

    ChapterDraft(String title) {
      this.title = title;
    }
  }

  // A repeated group recurses once per repetition in java.util.regex: a line of 2,000 dashes overflowed
  // the stack. The same rule without the group: starts and ends with a mark, only marks and blanks between,
  // at least three marks (checked in thematicBreak).
  private static final Pattern THEMATIC_BREAK = Pattern.compile("^[-*_][-*_ \\t]*[-*_]$");
  private static final Pattern SETEXT = Pattern.compile("^(=+|-{2,})$");
  private static final Pattern FENCE = Pattern.compile("^(```|~~~)");
  // "by Jane Doe", "By J. R. Tolkien", "Author: A. Writer"; but never "By dawn the water rose."
  private static final String NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}.'’-]*";
  private static final Pattern BY_LINE = Pattern.compile("^(?:[Bb]y|BY|[Aa]uthor:)\\s+(" + NAME_WORD
      + "(?:,?\\s+(?:" + NAME_WORD + "|and|&|de|van|von|der|la|le|du|da|di))*)$");
  private static final Pattern FRONT_MATTER_KEY = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:\\s*(.*)$");
  private static final Pattern WHOLE_DIRECTION = Pattern.compile("^\\[[^\\[\\]]*\\p{L}[^\\[\\]]*]$");
  private static final int SAMPLE_MAX = 120;

  private final String source;
  private final PlainText.Prepared layout;
  private final String fileName;
  private final boolean markdown;
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Integer> labelCounts = new HashMap<>();
  private final Map<String, String> roleNames = new HashMap<>();
  private final List<ChapterDraft> drafts = new ArrayList<>();
  private String metaTitle;
  private String author;
  private String narrator = "Narrator";
  private boolean hasMarkdownHeadings;
  /** Per chapter (0 before the first heading): whether its dialogue is in quotation marks. */
  private final List<Boolean> proseChapter = new ArrayList<>();

  // walk state
  private ChapterDraft chapter;
  private Seg open;
  private String speaker;
  private String delivery;
  private Mode mode = Mode.NARRATION;

  private ScriptReader(PlainText.Prepared layout, String fileName, boolean markdown) {
    this.source = layout.text();
    this.layout = layout;
    this.fileName = fileName;
    this.markdown = markdown;
  }

  private static boolean thematicBreak(String line) {
    return THEMATIC_BREAK.matcher(line).matches()
        && line.chars().filter(c -> c == '-' || c == '*' || c == '_').count() >= 3;
  }

  /**
   * @param source   decoded text (BOM removed); segment offsets point into it
   * @param fileName used for the title when the text has none
   * @param markdown whether Markdown-only syntax (setext "---" underlines) applies
   * @throws BookFormatException "no-speech" when nothing in the text can be spoken
   */
  public static Result read(String source, String fileName, boolean markdown) {
    return read(new PlainText.Prepared(source, null, null, Set.of(), Set.of()), fileName, markdown);
  }

  /** Reads a text prepared by {@link PlainText}: its heading marks decide before any rule. */
  public static Result read(PlainText.Prepared prepared, String fileName, boolean markdown) {
    return new ScriptReader(prepared, fileName, markdown).run();
  }

  private Result run() {
    for (SourceLine line : SourceLine.split(source)) {
      entries.add(body(new Entry(line)));
    }
    skipFrontMatter();
    skipCodeFences();
    prescan();
    classify();
    String title = chooseTitle();
    decideForm();
    for (Entry e : entries) {
      if (e.kind == Kind.LABEL && (e.label.name().equalsIgnoreCase("narrator")
          || e.label.name().equalsIgnoreCase("narration"))) {
        narrator = e.label.name();
        break;
      }
    }
    walk();
    return finish(title);
  }

  /** The line without leading quote markers and surrounding whitespace. */
  private Entry body(Entry e) {
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
      e.kind = Kind.BLANK;
    }
    return e;
  }

  /** YAML front matter is metadata, not speech; its title and author are used. */
  private void skipFrontMatter() {
    if (entries.isEmpty() || !entries.get(0).body.equals("---")) {
      return;
    }
    for (int i = 1; i < Math.min(entries.size(), 60); i++) {
      String b = entries.get(i).body;
      if (b.equals("---") || b.equals("...")) {
        for (int j = 0; j <= i; j++) {
          Entry e = entries.get(j);
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
          e.kind = Kind.SKIP;
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
    for (Entry e : entries) {
      Matcher m = FENCE.matcher(e.body);
      if (fence == null && m.find()) {
        fence = m.group(1);
        e.kind = Kind.SKIP;
      } else if (fence != null) {
        if (e.body.startsWith(fence)) {
          fence = null;
        }
        e.kind = Kind.SKIP;
      }
    }
  }

  /** Counts label names and notes whether the document uses Markdown headings. */
  private void prescan() {
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
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
      Label label = Label.parse(e.body);
      if (label != null) {
        labelCounts.merge(Label.key(label.name()), 1, Integer::sum);
      }
    }
  }

  /** Level of a setext heading underlined by line i ("Title\n====="), or 0. */
  private int setextLevel(int i) {
    Entry under = entries.get(i);
    if (i == 0 || under.empty() || !SETEXT.matcher(under.body).matches()) {
      return 0;
    }
    boolean equals = under.body.charAt(0) == '=';
    if (!equals && !markdown) {
      return 0;
    }
    Entry text = entries.get(i - 1);
    if (text.empty() || Headings.atx(text.body) != null || Label.parse(text.body) != null
        || !(i == 1 || entries.get(i - 2).empty())) {
      return 0;
    }
    return equals ? 1 : 2;
  }

  private boolean standsAlone(int i) {
    return (i == 0 || entries.get(i - 1).empty())
        && (i == entries.size() - 1 || entries.get(i + 1).empty());
  }

  private void classify() {
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.empty()) {
        continue;
      }
      if (i + 1 < entries.size() && setextLevel(i + 1) > 0) {
        heading(e, Markup.clean(e.body).strip(), setextLevel(i + 1));
        entries.get(i + 1).kind = Kind.SKIP;
        continue;
      }
      if (thematicBreak(e.body)) {
        e.kind = Kind.BREAK;
        continue;
      }
      Headings.Atx atx = Headings.atx(e.body);
      if (atx != null) {
        if (atx.title().isEmpty()) {
          e.kind = Kind.SKIP;
        } else {
          heading(e, atx.title(), atx.level());
        }
        continue;
      }
      String clean = Markup.clean(e.body).strip();
      if (layout.headings().contains(e.line.start())) {
        heading(e, clean, 0);
        continue;
      }
      if (layout.notHeadings().contains(e.line.start())) {
        e.kind = Kind.TEXT;
        continue;
      }
      if (standsAlone(i) && Headings.isNumberedChapter(clean)) {
        heading(e, clean, 0);
        continue;
      }
      String subtitle = subtitleAfterNumber(i, clean);
      if (subtitle != null) {
        // "CHAPTER I.\nDown the Rabbit-Hole": the number and its title on two lines.
        heading(e, clean + " " + subtitle, 0);
        entries.get(i + 1).kind = Kind.SKIP;
        continue;
      }
      Label label = Label.parse(e.body);
      if (label != null && label.accepted(labelCounts)) {
        e.kind = Kind.LABEL;
        e.label = label;
        continue;
      }
      String bold = Headings.boldLine(e.body);
      if (bold != null && !bold.endsWith(":")
          && (Headings.startsWithChapterWord(bold) || (!hasMarkdownHeadings && standsAlone(i)))) {
        heading(e, Markup.clean(bold).strip(), 0);
        continue;
      }
      if (!hasMarkdownHeadings && standsAlone(i) && label == null && Headings.isCapsTitle(clean)) {
        heading(e, clean, 0);
        continue;
      }
      e.kind = Kind.TEXT;
    }
  }

  /** The short title line right under a numbered chapter line, alone in their block, or null. */
  private String subtitleAfterNumber(int i, String clean) {
    if (!(i == 0 || entries.get(i - 1).empty()) || i + 1 >= entries.size()
        || !Headings.isNumberedChapter(clean)) {
      return null;
    }
    Entry next = entries.get(i + 1);
    if (next.empty() || !(i + 2 == entries.size() || entries.get(i + 2).empty())
        || Label.parse(next.body) != null) {
      return null;
    }
    String t = Markup.clean(next.body).strip();
    if (t.isEmpty() || t.split("\\s+").length > 10 || ".!?,;:\"“”".indexOf(t.charAt(t.length() - 1)) >= 0
        || !Character.isUpperCase(t.codePointAt(0))) {
      return null;
    }
    return t;
  }

  private static void heading(Entry e, String title, int markdownLevel) {
    e.kind = Kind.HEADING;
    e.heading = title;
    e.markdownLevel = markdownLevel;
  }

  /**
   * A lone H1 above deeper headings names the book; otherwise a heading on the first line does,
   * unless it is a numbered chapter; otherwise the file name.
   */
  private String chooseTitle() {
    List<Entry> headings = entries.stream().filter(e -> e.kind == Kind.HEADING).toList();
    Entry titleEntry = null;
    String title = null;
    if (!headings.isEmpty()) {
      Entry first = headings.get(0);
      long h1 = headings.stream().filter(h -> h.markdownLevel == 1).count();
      Entry firstContent = entries.stream().filter(e -> !e.empty()).findFirst().orElse(null);
      if (first.markdownLevel == 1 && h1 == 1) {
        first.kind = Kind.TITLE;
        titleEntry = first;
        title = first.heading;
      } else if (first == firstContent && !Headings.isNumberedChapter(first.heading)) {
        titleEntry = first;
        title = first.heading;
      }
    }
    if (titleEntry != null) {
      takeByLine(entries.indexOf(titleEntry));
    }
    if (metaTitle != null) {
      title = metaTitle;
    }
    if (title == null || title.isBlank()) {
      title = Markup.prettifyStem(fileName);
    }
    return Markup.titleCase(title);
  }

  /** "by Jane Doe" right under the title is the author, not speech. */
  private void takeByLine(int titleIndex) {
    for (int i = titleIndex + 1; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.empty()) {
        continue;
      }
      if (e.kind == Kind.TEXT) {
        Matcher m = BY_LINE.matcher(Markup.clean(e.body).strip());
        if (m.matches() && m.group(1).split("\\s+").length <= 6) {
          if (author == null) {
            author = m.group(1).strip();
          }
          e.kind = Kind.SKIP;
        }
      }
      return;
    }
  }

  /**
   * Script or prose, by what carries the dialogue of each chapter (of the whole document for a
   * chapter without dialogue): in prose, label-like lines are text ("DAISY MILLER: A STUDY").
   */
  private void decideForm() {
    DialogueForm whole = new DialogueForm();
    List<DialogueForm> chapters = new ArrayList<>(List.of(new DialogueForm()));
    for (Entry e : entries) {
      if (e.kind == Kind.HEADING) {
        chapters.add(new DialogueForm());
      } else if (e.kind == Kind.LABEL) {
        whole.label(e.label.bold());
        chapters.get(chapters.size() - 1).label(e.label.bold());
      } else if (e.kind == Kind.TEXT) {
        whole.text(e.body);
        chapters.get(chapters.size() - 1).text(e.body);
      }
    }
    boolean script = whole.script(false);
    for (DialogueForm c : chapters) {
      proseChapter.add(!(c.hasDialogue() ? c.chapterScript(script) : script));
    }
    int chapterIndex = 0;
    for (Entry e : entries) {
      if (e.kind == Kind.HEADING) {
        chapterIndex++;
      } else if (e.kind == Kind.LABEL && proseChapter.get(chapterIndex)) {
        e.kind = Kind.TEXT;
        e.label = null;
      }
    }
  }

  private void walk() {
    chapter = new ChapterDraft(null);
    chapter.prose = proseChapter.get(0);
    drafts.add(chapter);
    speaker = narrator;
    int paragraph = -1;
    boolean newBlock = true;
    for (Entry e : entries) {
      if (e.kind == Kind.BLANK) {
        newBlock = true;
        continue;
      }
      if (e.kind == Kind.SKIP) {
        continue;
      }
      if (newBlock || e.kind != Kind.TEXT) {
        paragraph++;
      }
      boolean blockStart = newBlock;
      newBlock = false;
      switch (e.kind) {
        case HEADING -> {
          chapter = new ChapterDraft(e.heading);
          chapter.prose = proseChapter.get(drafts.size());
          drafts.add(chapter);
          narrate();
          newBlock = true;
        }
        case TITLE, BREAK -> {
          narrate();
          newBlock = true;
        }
        case LABEL -> {
          open = null;
          speaker = e.label.name();
          delivery = e.label.delivery();
          int textStart = e.bodyStart + e.label.textStart();
          if (!Markup.clean(source.substring(textStart, e.bodyEnd)).isBlank()) {
            mode = Mode.INLINE;
            speak(textStart, e.bodyEnd, "\n", paragraph, true);
          } else {
            mode = Mode.ALONE;
          }
        }
        case TEXT -> {
          if (blockStart && mode == Mode.INLINE) {
            narrate();
          }
          if (blockStart && mode == Mode.NARRATION) {
            open = null;
          }
          String sep = blockStart ? "\n\n" : "\n";
          if (WHOLE_DIRECTION.matcher(e.body).matches()) {
            emit(narrator, "direction", e.bodyStart + 1, e.bodyEnd - 1, sep, paragraph);
          } else {
            speak(e.bodyStart, e.bodyEnd, sep, paragraph, mode != Mode.NARRATION);
          }
        }
        default -> throw new IllegalStateException(e.kind.name());
      }
    }
  }

  private void narrate() {
    open = null;
    speaker = narrator;
    delivery = null;
    mode = Mode.NARRATION;
  }

  /**
   * Speaks [a,b) as the current speaker; in a role's text, [bracketed] stage directions become
   * the narrator's, so they are never read in the character's voice.
   */
  private void speak(int a, int b, String sep, int paragraph, boolean directions) {
    if (directions) {
      int i = a;
      while (i < b) {
        int lb = indexOf('[', i, b);
        if (lb < 0) {
          break;
        }
        int close = indexOf(']', lb + 1, b);
        int nested = indexOf('[', lb + 1, b);
        if (close < 0 || (nested >= 0 && nested < close)) {
          break;
        }
        char after = close + 1 < b ? source.charAt(close + 1) : ' ';
        if (after == '(' || after == '[' || after == ':'
            || !Markup.hasLetters(source.substring(lb + 1, close))) {
          i = close + 1;
          continue;
        }
        emit(speaker, delivery, a, lb, sep, paragraph);
        emit(narrator, "direction", lb + 1, close, " ", paragraph);
        a = close + 1;
        i = a;
        sep = " ";
      }
    }
    emit(speaker, delivery, a, b, sep, paragraph);
  }

  /** Like String.indexOf but bounded, so scanning each line stays linear in the line. */
  private int indexOf(char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (source.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** Adds [a,b) (markup removed) to the open segment when the speaker is the same, else starts one. */
  private void emit(String role, String how, int a, int b, String sep, int paragraph) {
    while (a < b && Character.isWhitespace(source.charAt(a))) {
      a++;
    }
    while (b > a && Character.isWhitespace(source.charAt(b - 1))) {
      b--;
    }
    if (a >= b) {
      return;
    }
    String text = Markup.clean(source.substring(a, b)).strip();
    if (text.isEmpty()) {
      return;
    }
    if (open != null && Label.key(open.role).equals(Label.key(role))
        && (open.delivery == null ? how == null : open.delivery.equalsIgnoreCase(String.valueOf(how)))) {
      open.text.append(sep).append(text);
      open.end = b;
      return;
    }
    String name = roleNames.computeIfAbsent(Label.key(role), k -> role);
    open = new Seg(name, how, paragraph, a, b, text);
    chapter.segments.add(open);
  }

  private Result finish(String title) {
    List<Chapter> chapters = new ArrayList<>();
    int index = 0;
    Map<String, RoleTally> tallies = new LinkedHashMap<>();
    java.util.Set<Integer> prose = new java.util.TreeSet<>();
    for (ChapterDraft draft : drafts) {
      List<Segment> segments = new ArrayList<>();
      for (Seg s : draft.segments) {
        String text = s.text.toString();
        if (!Markup.isSpeakable(text)) {
          continue;
        }
        segments.add(new Segment(index++, chapters.size(), s.paragraph, s.role, s.delivery, text,
            s.start, s.end));
        tallies.computeIfAbsent(Label.key(s.role), k -> new RoleTally(s.role)).add(s.delivery, text);
      }
      if (!segments.isEmpty()) {
        if (draft.prose) {
          prose.add(chapters.size());
        }
        chapters.add(new Chapter(chapters.size(), draft.title == null ? title : draft.title,
            segments));
      }
    }
    if (chapters.isEmpty()) {
      throw new BookFormatException("no-speech",
          "The file has no text to speak (no letters or digits were found)");
    }
    List<Role> roles = tallies.values().stream().map(RoleTally::role).toList();
    boolean labelled = entries.stream().anyMatch(e -> e.kind == Kind.LABEL);
    return new Result(title, author, chapters, roles, labelled, prose);
  }

  /** Accumulates one role's figures. */
  private static final class RoleTally {
    final String name;
    int segments;
    int characters;
    String sample;
    final List<String> deliveries = new ArrayList<>();

    RoleTally(String name) {
      this.name = name;
    }

    void add(String delivery, String text) {
      segments++;
      characters += text.length();
      if (sample == null) {
        sample = sample(text);
      }
      if (delivery != null && deliveries.stream().noneMatch(delivery::equalsIgnoreCase)) {
        deliveries.add(delivery);
      }
    }

    Role role() {
      return new Role(name, segments, characters, sample, deliveries, null);
    }
  }

  /** At most 120 characters on one line, cut at a word boundary with "…". */
  public static String sample(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= SAMPLE_MAX) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', SAMPLE_MAX - 1);
    if (cut < SAMPLE_MAX / 2) {
      cut = SAMPLE_MAX - 1;
    }
    return flat.substring(0, cut).stripTrailing() + "…";
  }
}
