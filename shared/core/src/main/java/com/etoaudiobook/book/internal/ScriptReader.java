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
    String title = lines.chooseTitle();
    List<Boolean> proseChapter = DialogueForm.decide(lines.lines());
    String narrator = "Narrator";
    for (ScriptLine e : lines.lines()) {
      if (e.kind == ScriptLine.Kind.LABEL && (e.label.name().equalsIgnoreCase("narrator")
          || e.label.name().equalsIgnoreCase("narration"))) {
        narrator = e.label.name();
        break;
      }
    }
    return new ChapterBuilder(prepared.text(), lines.lines(), proseChapter, narrator)
        .finish(title, lines.author());
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
