package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A document is a script only where labels carry most of its dialogue. */
class ScriptOrProseTest {

  private static Book parse(String text) {
    Book book = new ScriptParser().parse("book.txt", text.getBytes(StandardCharsets.UTF_8));
    SampleAssertions.wellFormed(book, text);
    return book;
  }

  private static List<String> roles(Book book) {
    return book.roles().stream().map(Role::name).toList();
  }

  private static String roleOf(Book book, String text) {
    return book.segments().filter(s -> s.text().contains(text)).findFirst().orElseThrow().role();
  }

  private static final String DIALOGUE = """
      "Where are you going?" asked Harriet Vane.

      "To the harbour," said Tom Blake.

      "In this weather?" said Harriet Vane.

      "In any weather," said Tom Blake.
      """;

  @Test
  void aTitlePageAndAnImprintWithColonsDoNotMakeProseAScript() {
    Book book = parse("THE GREY HARBOUR:\n\nA NOVEL.\n\nLondon:\n\nSMITH AND SONS.\n\n" + DIALOGUE);
    assertFalse(roles(book).stream().anyMatch(r -> r.equalsIgnoreCase("THE GREY HARBOUR")
        || r.equals("London")), roles(book).toString());
    assertEquals("Tom Blake", roleOf(book, "To the harbour"));
  }

  @Test
  void aTitleLineWithAColonIsReadByTheNarrator() {
    Book book = parse("THE GREY HARBOUR: A STUDY\n\nCHAPTER I\n\n" + DIALOGUE);
    assertEquals("Narrator", roleOf(book, "A STUDY"));
    assertFalse(roles(book).contains("THE GREY HARBOUR"), roles(book).toString());
    assertEquals("Harriet Vane", roleOf(book, "In this weather"));
  }

  @Test
  void sentencesWithColonsDoNotBecomeRoles() {
    Book book = parse("Yes: there was to be a new order of things.\n\n" + DIALOGUE
        + "\nYes: he would go.\n\nNote: the harbour was closed.\n");
    assertFalse(roles(book).contains("Yes"), roles(book).toString());
    assertFalse(roles(book).contains("Note"), roles(book).toString());
  }

  @Test
  void eachChapterIsReadByWhatCarriesItsDialogue() {
    Book book = parse("""
        CHAPTER I

        MARA: The tide is coming in.

        ANSEL: Then we wait.

        MARA: "Wait" is all you ever say.

        CHAPTER II

        """ + DIALOGUE);
    assertEquals("MARA", roleOf(book, "The tide is coming in"));
    assertEquals("ANSEL", roleOf(book, "Then we wait"));
    assertEquals("Tom Blake", roleOf(book, "To the harbour"));
    assertTrue(roles(book).contains("Harriet Vane"));
  }

  @Test
  void aShortLabelledScriptStaysAScript() {
    Book book = parse("MARA: Hello there.\n");
    assertEquals(List.of("MARA"), roles(book));
  }
}
