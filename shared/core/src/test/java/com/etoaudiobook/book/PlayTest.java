package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plays as printed (Project Gutenberg's texts of Pinero, Wilde, Ibsen, Shaw, Shakespeare): a
 * speaker's name and a full stop, alone on its line or before the speech, or with a [direction].
 */
class PlayTest {

  private static Book parse(String text) {
    Book book = new ScriptParser().parse("play.txt", text.getBytes(StandardCharsets.UTF_8));
    SampleAssertions.wellFormed(book, text);
    return book;
  }

  private static List<String> roles(Book book) {
    return book.roles().stream().map(Role::name).toList();
  }

  private static Segment segment(Book book, String text) {
    return book.segments().filter(s -> s.text().contains(text)).findFirst().orElseThrow();
  }

  private static final String PLAY = """
      THE FIRST ACT

      A drawing-room in Bedford Square. Afternoon.

      ROPER.

      [_Bustling across to the table._] By Jove, doesn't she! Ah, there's my
      brooch!

      FARNCOMBE.

      [_Modestly._] I didn't consider I'd a right to offer her anything.

      ROPER.

      [_Approaching FARNCOMBE and taking him by the lapel of his
      coat._] What I want to say to you is, doing anything to-night?

      FARNCOMBE. I shall be at the theatre.

      ROPER. Good. Look here, about the supper.

      [_Enter MRS. UPJOHN._]

      Mrs. Upjohn [shaking hands]. How d'ye do? So kind of you to come.

      FARNCOMBE. Delighted.

      Mrs. Upjohn. And Lily will be down directly.

      Mrs. Upjohn (calling). Lily!
      """;

  @Test
  void namesWithAFullStopAloneOrBeforeTheSpeechAreSpeakers() {
    Book book = parse(PLAY);
    assertEquals(List.of("Narrator", "ROPER", "FARNCOMBE", "Mrs. Upjohn"), roles(book));
    assertEquals("ROPER", segment(book, "By Jove").role());
    assertEquals("By Jove, doesn't she! Ah, there's my\nbrooch!", segment(book, "By Jove").text());
    assertEquals("FARNCOMBE", segment(book, "theatre").role());
    assertEquals("I shall be at the theatre.", segment(book, "theatre").text());
    assertEquals("Mrs. Upjohn", segment(book, "So kind").role());
    assertEquals("How d'ye do? So kind of you to come.", segment(book, "So kind").text());
    assertEquals("calling", segment(book, "Lily!").delivery());
    // the scene and every direction, one wrapped over two lines too, are the narrator's
    for (String direction : List.of("Bedford Square", "Bustling", "Modestly", "taking him by the lapel",
        "Enter MRS", "shaking hands")) {
      assertEquals("Narrator", segment(book, direction).role(), direction);
    }
    assertEquals("What I want to say to you is, doing anything to-night?", segment(book, "What I want").text());
    assertEquals("ROPER", segment(book, "What I want").role());
  }

  @Test
  void aNameAloneTakesOnlyTheSpeechAfterIt() {
    Book book = parse(PLAY.replace("FARNCOMBE. I shall be at the theatre.",
        "FARNCOMBE.\n\nI shall be at the theatre.\n\nThe clock strikes five."));
    assertEquals("FARNCOMBE", segment(book, "theatre").role());
    assertEquals("Narrator", segment(book, "clock strikes").role());
  }

  /** Prose begins paragraphs with "Yes." and "Good." too: words the text also writes in lower case. */
  @Test
  void proseParagraphsOpeningWithAWordAndAStopStayProse() {
    String prose = """
        CHAPTER I

        Yes. The harbour was closed, and yes, he knew it.

        Good. That was settled, a good thing too.

        Yes. She would go in the morning.

        Good. Nobody argued.

        Yes. The boats stayed in.

        Good. The tide turned at noon.

        Mr. Blake came in at six. He said nothing.

        Mr. Blake went out again.

        Mr. Blake slept.
        """;
    Book book = parse(prose);
    assertEquals(List.of("Narrator"), roles(book));
    assertTrue(segment(book, "The boats stayed in").text().startsWith("Yes. "));
  }

  @Test
  void aTitlePagesImprintIsNoSpeakerOfAPlay() {
    Book book = parse("THE GREY HARBOUR\n\nLONDON: SMITH AND SONS\n\n" + PLAY);
    assertFalse(roles(book).contains("LONDON"), roles(book).toString());
    assertEquals("ROPER", segment(book, "By Jove").role());
  }
}
