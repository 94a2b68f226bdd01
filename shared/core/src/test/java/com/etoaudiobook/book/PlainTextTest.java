package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain texts as Project Gutenberg ships them: header, licence, contents and their headings. */
class PlainTextTest {
  private static final String PARAGRAPH = "It was the best of times, it was the worst of times,\n"
      + "it was the age of wisdom, it was the age of foolishness.\n";

  private static Book parse(String text) {
    Book book = new ScriptParser().parse("book.txt", text.getBytes(StandardCharsets.UTF_8));
    SampleAssertions.wellFormed(book, text);
    return book;
  }

  private static String spoken(Book b) {
    return String.join(" ", b.segments().map(Segment::text).toList());
  }

  private static List<String> titles(Book b) {
    return b.chapters().stream().map(Chapter::title).toList();
  }

  @Test
  void gutenbergHeaderLicenceAndContentsAreNotReadAndHeadingsFound() {
    String text = "The Project Gutenberg EBook of A Tale, by C. Dickens\r\n\r\n"
        + "Title: A Tale of Two Cities\r\n\r\nAuthor: Charles Dickens\r\n\r\n"
        + "*** START OF THIS PROJECT GUTENBERG EBOOK A TALE OF TWO CITIES ***\r\n\r\n"
        + "Produced by Judith Boss\r\n\r\n\r\nA TALE OF TWO CITIES\r\n\r\nby Charles Dickens\r\n\r\n"
        + "CONTENTS\r\n\r\n     I.     The Period\r\n     II.    The Mail\r\n     III.   The Night Shadows\r\n\r\n"
        + "I. The Period\r\n\r\n" + PARAGRAPH + "\r\n"
        + "                    NOTICE\r\n\r\n                    IS GIVEN.\r\n\r\n" + PARAGRAPH + "\r\n"
        + "II. The Mail\r\n\r\n" + PARAGRAPH + "\r\nSTAVE ONE\r\n\r\n" + PARAGRAPH + "\r\nIV.\r\n\r\n"
        + PARAGRAPH + "\r\nEnd of the Project Gutenberg EBook of A Tale of Two Cities\r\n\r\n"
        + "THE FULL PROJECT GUTENBERG LICENSE\r\nPlease read this.\r\n";
    Book b = parse(text);
    assertEquals("A Tale of Two Cities", b.title());
    assertEquals("Charles Dickens", b.author());
    assertEquals(List.of("I. The Period", "II. The Mail", "STAVE ONE", "IV."), titles(b));
    String spoken = spoken(b);
    assertFalse(spoken.contains("Gutenberg") || spoken.contains("LICENSE") || spoken.contains("Produced"), spoken);
    assertFalse(spoken.contains("The Night Shadows") || spoken.contains("CONTENTS"), spoken);
    assertTrue(spoken.contains("NOTICE") && spoken.contains("IS GIVEN."), "a centred notice is read: " + spoken);
    assertTrue(spoken.startsWith("It was the best of times"), spoken);
  }

  /** Transcribers' blocks describe the printed page; note numbers point at them: neither is read. */
  @Test
  void illustrationsFootnotesAndNoteMarksAreNotRead() {
    String text = "*** START OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\nCHAPTER I.\n\n" + PARAGRAPH
        + "\n[Illustration: The house on the hill,\nseen from the river]\n\n"
        + "\"Who is there?\" asked Anna.[1] Nobody answered her.\n\n"
        + "[Footnote 1: A note on the\ndoor.]\n\n[Illustration]\n\nCHAPTER II.\n\n" + PARAGRAPH
        + "\n*** END OF THE PROJECT GUTENBERG EBOOK A TALE ***\n";
    Book b = parse(text);
    assertEquals(List.of("CHAPTER I.", "CHAPTER II."), titles(b));
    String spoken = spoken(b);
    assertFalse(spoken.contains("Illustration") || spoken.contains("house on the hill")
        || spoken.contains("river") || spoken.contains("Footnote") || spoken.contains("door")
        || spoken.contains("[1]"), spoken);
    assertTrue(spoken.contains("asked Anna.") && spoken.contains("Nobody answered her."), spoken);
  }

  @Test
  void aTextWithoutMarkersIsLeftAsItIs() {
    Book b = parse("The Night Walk\n\n" + PARAGRAPH);
    assertTrue(spoken(b).contains("It was the best of times"));
  }

  /**
   * Chapters as printed in Winnie-the-Pooh: "CHAPTER I" centred over its centred title is a
   * heading; a chapter title in capitals right after a numeral is that chapter's own; a sign in
   * capitals between numbered chapters, centred or not, is read as text, not made a chapter.
   */
  @Test
  void numberedChaptersKeepTheirTitlesAndSignsInTheStoryAreText() {
    String text = "                               CHAPTER I\n\n"
        + "                      IN WHICH WE ARE INTRODUCED TO\n"
        + "                          AND THE STORIES BEGIN\n\n\n" + PARAGRAPH + "\n"
        + "                   PLES RING IF AN RNSER IS REQIRD.\n\n" + PARAGRAPH + "\n"
        + "PLAN TO CAPTURE BABY ROO\n\n" + PARAGRAPH + "\n"
        + "II\n\nA FAREWELL DINNER\n\n" + PARAGRAPH + "\n"
        + "CHAPTER III\n\nIN WHICH PIGLET MEETS A HEFFALUMP\n\n" + PARAGRAPH + "\n"
        + "CHAPTER IV\n\n" + PARAGRAPH + "\nANXIOUS POOH SONG.\n\n" + PARAGRAPH;
    Book b = parse(text);
    assertEquals(List.of("CHAPTER I", "II. A FAREWELL DINNER",
        "CHAPTER III: IN WHICH PIGLET MEETS A HEFFALUMP", "CHAPTER IV"), titles(b));
    assertTrue(spoken(b).contains("PLES RING IF AN RNSER IS REQIRD.")
        && spoken(b).contains("PLAN TO CAPTURE BABY ROO") && spoken(b).contains("ANXIOUS POOH SONG."),
        spoken(b));
  }

  /** Unnumbered titles in capitals before the numbered chapters, or with a number, are chapters. */
  @Test
  void titlesInCapitalsOutsideTheNumberedChaptersOrNumberedAreChapters() {
    String text = "PREFACE\n\n" + PARAGRAPH + "\nCHAPTER I\n\n" + PARAGRAPH
        + "\nADVENTURE II. THE RED-HEADED LEAGUE\n\n" + PARAGRAPH + "\nCHAPTER III\n\n" + PARAGRAPH
        + "\nCHAPTER IV\n\n" + PARAGRAPH + "\nAFTERWORD\n\n" + PARAGRAPH;
    assertEquals(List.of("PREFACE", "CHAPTER I", "ADVENTURE II. THE RED-HEADED LEAGUE", "CHAPTER III",
        "CHAPTER IV", "AFTERWORD"), titles(parse(text)));
  }

  /**
   * Gutenberg's _italics_ over two lines, or past a quotation's end: no mark is left for the
   * speech engine to read ("Robin._" is "Robin dot" to eSpeak NG, a star "asterisk").
   */
  @Test
  void emphasisMarksSpanningLinesAreNotSpoken() {
    String text = "\"_It means he had the name over the door in gold letters, and lived\n"
        + "under it._\" said Christopher Robin._\n\nHe read the _New\nYorker_ and the *Times\nweekly*"
        + " in the snake_case way. * * * Then the rain.\n";
    String spoken = spoken(parse(text));
    assertEquals("\"It means he had the name over the door in gold letters, and lived\nunder it.\""
        + " said Christopher Robin. He read the New\nYorker and the Times\nweekly in the snake_case way."
        + "  Then the rain.",
        spoken);
  }

  /** "THE AWAKENING", then "I": the numeral numbers chapter one, the book's title does not. */
  @Test
  void aNumeralUnderTheBooksTitleNumbersTheFirstChapter() {
    String text = "THE AWAKENING\n\nI\n\n" + PARAGRAPH + "\nII\n\n" + PARAGRAPH + "\nIII\n\n" + PARAGRAPH;
    assertEquals(List.of("I", "II", "III"), titles(parse(text)));
  }

  /**
   * Chapters titled in capitals inside numbered parts are chapters: only CHAPTER lines and
   * numerals make a book's chapters numbered, not PART lines.
   */
  @Test
  void titledChaptersInsideNumberedPartsAreChapters() {
    String text = "PART ONE\n\nTHE ARRIVAL\n\n" + PARAGRAPH + "\nTHE STORM\n\n" + PARAGRAPH
        + "\nPART TWO\n\nTHE HARBOUR\n\n" + PARAGRAPH + "\nTHE LETTER\n\n" + PARAGRAPH
        + "\nPART THREE\n\nTHE END OF IT\n\n" + PARAGRAPH;
    assertEquals(List.of("PART ONE: THE ARRIVAL", "THE STORM", "PART TWO: THE HARBOUR", "THE LETTER",
        "PART THREE: THE END OF IT"), titles(parse(text)));
  }

  /**
   * A title page in capitals before the numbered chapters: the title, "A Novel", "BY", the
   * author, the publisher, the year in roman numerals. It reads as the book's opening, not as
   * chapters called "ANN EXAMPLE" and "MCMIX"; the preface stays a chapter.
   */
  @Test
  void aTitlePageInCapitalsIsTheOpeningNotChapters() {
    String text = "The Project Gutenberg EBook of The Pines, by Ann Example\n\n"
        + "Title: The Pines\n\nAuthor: Ann Example\n\n"
        + "*** START OF THIS PROJECT GUTENBERG EBOOK THE PINES ***\n\n\n"
        + "THE PINES\n\nA Novel\n\nBY\n\nANN EXAMPLE\n\nAUTHOR OF \"THE CEDARS\"\n\n"
        + "NEW YORK AND LONDON\nSMITH & SONS PUBLISHERS\n\nMCMIX\n\nCopyright, 1909, by SMITH & SONS.\n\n"
        + "PREFACE\n\n" + PARAGRAPH + "\n"
        + "I. UNDER THE PINES\n\n" + PARAGRAPH + "\n" + PARAGRAPH + "\n"
        + "II. THE MEETING\n\n" + PARAGRAPH + "\n"
        + "III. THE PROMISE\n\n" + PARAGRAPH;
    Book book = parse(text);
    assertEquals(List.of("The Pines", "PREFACE", "I. UNDER THE PINES", "II. THE MEETING", "III. THE PROMISE"),
        titles(book));
    assertTrue(spoken(book).contains("ANN EXAMPLE") && spoken(book).contains("MCMIX"), spoken(book));
  }
}
