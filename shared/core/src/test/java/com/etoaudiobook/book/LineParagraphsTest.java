package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plain texts without blank lines between paragraphs read as the same book as with them: one
 * line per paragraph, indented first lines, short last lines; a script is left as it is.
 */
class LineParagraphsTest {

  /** A story's paragraphs: two chapters of narration and a conversation between Anna and Tom. */
  private static List<String> story() {
    List<String> p = new ArrayList<>();
    for (int c = 1; c <= 2; c++) {
      p.add("CHAPTER " + "I".repeat(c));
      p.add("Anna came into the kitchen where the kettle was singing on the old iron stove, and"
          + " she sat down at the table by the window to wait for the rain to stop.");
      for (int i = 0; i < 10; i++) {
        p.add("\"Is the post here yet, do you think?\" asked Anna, looking out at the lane.");
        p.add("\"Not for an hour or more,\" said Tom. \"The van is always late on a wet day.\"");
        p.add("The clock on the wall ticked on while the two of them listened to the water"
            + " running down the gutters and the wind pushing at the door.");
      }
    }
    return p;
  }

  /** Words wrapped at a width, the first line indented by the given blanks. */
  private static List<String> wrap(String paragraph, int width, String indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(indent);
    for (String w : paragraph.split(" ")) {
      if (line.length() + w.length() + 1 > width && !line.toString().isBlank()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.toString().isBlank() ? "" : " ").append(w);
    }
    lines.add(line.toString());
    return lines;
  }

  private static Book parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Book book = new ScriptParser().parse("story.txt", bytes);
    SampleAssertions.wellFormed(book,
        ScriptParser.laidOut("text", TextDecoder.decode(bytes)).text());
    return book;
  }

  /** Who says what, paragraph by paragraph, with the chapters' titles. */
  private static List<String> reading(Book b) {
    List<String> out = new ArrayList<>();
    for (Chapter c : b.chapters()) {
      out.add("# " + c.title());
      int paragraph = -1;
      for (Segment s : c.segments()) {
        out.add((s.paragraph() != paragraph ? "¶ " : "") + s.role() + ": "
            + s.text().replaceAll("\\s+", " "));
        paragraph = s.paragraph();
      }
    }
    return out;
  }

  private static final List<String> BLANK_LINED = reading(parse(String.join("\n\n", story())));

  @Test
  void oneLinePerParagraphReadsAsWithBlankLines() {
    Book b = parse(String.join("\n", story()));
    assertEquals(BLANK_LINED, reading(b));
    assertTrue(b.warnings().stream().anyMatch(w -> w.contains("no blank lines")), b.warnings().toString());
    assertEquals(List.of("CHAPTER I", "CHAPTER II"), b.chapters().stream().map(Chapter::title).toList());
    assertEquals(List.of("Narrator", "Anna", "Tom"), b.roles().stream().map(Role::name).toList());
  }

  /** The story wrapped at a width, first lines indented, its chapter lines as they are. */
  private static String wrapped(int width, String indent, String lineBreak) {
    List<String> lines = new ArrayList<>();
    for (String p : story()) {
      lines.addAll(p.startsWith("CHAPTER") ? List.of(p) : wrap(p, width, indent));
    }
    return String.join(lineBreak, lines);
  }

  @Test
  void indentedFirstLinesOfAWrappedTextOpenParagraphs() {
    assertEquals(BLANK_LINED, reading(parse(wrapped(64, "    ", "\r\n"))));
  }

  /** Wrapped wide, most paragraphs are one indented line: the indents still open them. */
  @Test
  void indentedFirstLinesOfAConversationOpenParagraphs() {
    assertEquals(BLANK_LINED, reading(parse(wrapped(100, "  ", "\n"))));
  }

  @Test
  void aShortLineEndingASentenceEndsItsParagraphInAWrappedText() {
    assertEquals(BLANK_LINED, reading(parse(wrapped(64, "", "\n"))));
  }

  /** Blank lines between the paragraphs, or a script's labelled lines: nothing is changed. */
  @Test
  void aTextWithBlankLinesOrAScriptIsLeftAsItIs() {
    TextDecoder.Decoded blankLined = TextDecoder.decode(
        String.join("\n\n", story()).getBytes(StandardCharsets.UTF_8));
    assertSame(blankLined, ScriptParser.laidOut("text", blankLined));
    List<String> script = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      script.add("ANNA: Is the post here yet, do you think?");
      script.add("TOM: Not for an hour or more. The van is always late on a wet day.");
    }
    TextDecoder.Decoded lines = TextDecoder.decode(String.join("\n", script).getBytes(StandardCharsets.UTF_8));
    assertSame(lines, ScriptParser.laidOut("text", lines));
    TextDecoder.Decoded markdown = TextDecoder.decode(String.join("\n", story()).getBytes(StandardCharsets.UTF_8));
    assertSame(markdown, ScriptParser.laidOut("markdown", markdown));
    assertNotEquals(markdown, ScriptParser.laidOut("text", markdown));
  }
}
