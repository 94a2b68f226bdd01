package com.etoaudiobook.book.internal;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Role;
import java.util.List;
import java.util.Set;

/**
 * Reads a script or a plain text, line by line, into chapters, segments and roles.
 *
 * <p>Works in passes over the lines: {@link LineClassifier} finds each line's body, counts label
 * names and classifies every line and picks the title; {@link DialogueForm#decide} makes each
 * chapter a script or prose; {@link ChapterBuilder} walks the lines deciding who speaks what.
 */
public final class ScriptReader {

  /**
   * What the reader found; the parser adds file and encoding details to make a Book.
   *
   * @param labelled      whether any chapter is a labelled script
   * @param proseChapters indices of the chapters whose dialogue is in quotation marks (prose)
   */
  public record Result(String title, String author, List<Chapter> chapters, List<Role> roles,
                       boolean labelled, Set<Integer> proseChapters) {
  }

  private static final int SAMPLE_MAX = 120;

  private ScriptReader() {
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
    LineClassifier lines = new LineClassifier(prepared, fileName, markdown);
    String chosen = lines.chooseTitle();
    // a Gutenberg header's title names the chapter before the first heading too, not the file
    String title = prepared.title() != null ? prepared.title() : chosen;
    List<Boolean> proseChapter = DialogueForm.decide(lines.lines());
    return new ChapterBuilder(prepared.text(), lines.lines(), proseChapter, narrator(lines.lines()))
        .finish(title, lines.author());
  }

  /**
   * One chapter of a document read by its structure (EPUB, HTML, PDF, DOCX): its title, or null,
   * and its paragraphs' [start, end) in the text they were written into, in pairs.
   */
  public record Block(String title, int[] paragraphs) {
  }

  /**
   * A document read by its structure, as a script where labels carry its dialogue ("MARA: Hi."
   * written in Word, a play's "ROPER." in HTML): its chapters as given, each paragraph's lines
   * classified as a script's are; null when no chapter is a script (prose, left as it was).
   */
  public static Result readBlocks(String text, List<Block> blocks, String title, String author) {
    if (!labelsPossible(text, blocks)) {
      return null;
    }
    List<ScriptLine> entries = new java.util.ArrayList<>();
    for (Block b : blocks) {
      ScriptLine heading = new ScriptLine(new SourceLine(entries.size(), 0, 0, ""));
      heading.kind = ScriptLine.Kind.HEADING;
      heading.heading = b.title();
      heading.body = "";
      entries.add(heading);
      for (int p = 0; p + 1 < b.paragraphs().length; p += 2) {
        int start = b.paragraphs()[p];
        for (SourceLine l : SourceLine.split(text.substring(start, b.paragraphs()[p + 1]))) {
          entries.add(LineClassifier.body(new ScriptLine(
              new SourceLine(entries.size(), start + l.start(), start + l.end(), l.text()))));
        }
        ScriptLine blank = new ScriptLine(new SourceLine(entries.size(), 0, 0, ""));
        blank.kind = ScriptLine.Kind.BLANK;
        blank.body = "";
        entries.add(blank);
      }
    }
    if (!LineClassifier.labels(entries, text)) {
      return null;
    }
    List<Boolean> proseChapter = DialogueForm.decide(entries);
    if (!proseChapter.contains(false)) {
      return null;
    }
    return new ChapterBuilder(text, entries, proseChapter, narrator(entries)).finish(title, author);
  }

  /**
   * Whether a line of the paragraphs has a label's syntax, read line by line without keeping the
   * lines: a document with none is not split into lines at all. False too
   * where the lines are more than the reader keeps ({@link SourceLine#maxLines()}: a page of a
   * million "a&lt;br&gt;" lines) and it is read as prose, as it was before scripts were looked for.
   */
  private static boolean labelsPossible(String text, List<Block> blocks) {
    long lines = 0;
    long max = SourceLine.maxLines();
    boolean label = false;
    for (Block b : blocks) {
      for (int p = 0; p + 1 < b.paragraphs().length; p += 2) {
        int start = b.paragraphs()[p];
        int end = b.paragraphs()[p + 1];
        while (start <= end) {
          int nl = text.indexOf('\n', start);
          int lineEnd = nl < 0 || nl > end ? end : nl;
          if (++lines > max) {
            return false;
          }
          if ((lines & 1023) == 0) {
            com.etoaudiobook.book.Cancellation.check();
          }
          label |= !label && Label.parse(text.substring(start, lineEnd).strip()) != null;
          start = lineEnd + 1;
        }
      }
    }
    return label;
  }

  /** The narrator's name: a label "Narrator:" or "Narration:" names it, else "Narrator". */
  private static String narrator(List<ScriptLine> entries) {
    for (ScriptLine e : entries) {
      if (e.kind == ScriptLine.Kind.LABEL && (e.label.name().equalsIgnoreCase("narrator")
          || e.label.name().equalsIgnoreCase("narration"))) {
        return e.label.name();
      }
    }
    return "Narrator";
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
