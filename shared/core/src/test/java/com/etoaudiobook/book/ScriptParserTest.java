package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptParserTest {
  private final ScriptParser parser = new ScriptParser();

  private Book parse(String name, String text) {
    Book book = parser.parse(name, text.getBytes(StandardCharsets.UTF_8));
    SampleAssertions.wellFormed(book, text);
    return book;
  }

  /**
   * A fault of the attributor's on a text nobody foresaw costs the voices, not the book: every
   * word is still read, by the narrator, and a warning says why. A parse stopped at its deadline
   * still stops.
   */
  @Test
  void anAttributorFaultLeavesTheBookToTheNarrator() {
    String text = "\"We leave at dawn,\" said Ada.\n\n\"Not I,\" said Tom, and went out.\n";
    ScriptParser faulty = new ScriptParser(t -> {
      throw new IllegalStateException("index 7 out of bounds");
    });
    Book book = faulty.parse("dawn.txt", text.getBytes(StandardCharsets.UTF_8));
    SampleAssertions.wellFormed(book, text);
    assertEquals(List.of("Narrator"), roles(book));
    assertTrue(String.join(" ", texts(book)).contains("\"Not I,\" said Tom, and went out."), texts(book).toString());
    assertTrue(book.warnings().stream().anyMatch(w -> w.contains("narrator reads them")), book.warnings().toString());
    ScriptParser stopped = new ScriptParser(t -> {
      throw new ParseStoppedException();
    });
    assertThrows(ParseStoppedException.class, () -> stopped.parse("dawn.txt", text.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> roles(Book book) {
    return book.roles().stream().map(Role::name).toList();
  }

  private static List<String> texts(Book book) {
    return book.segments().map(Segment::text).toList();
  }

  private static List<String> chapters(Book book) {
    return book.chapters().stream().map(Chapter::title).toList();
  }

  // --- no false roles

  @Test
  void notesTimesUrlsAndSentencesWithColonsAreNarration() {
    String text = """
        Note: see below.

        Warning: the bridge is out.

        We met at 10:30 and left at 11:15.

        Visit https://example.com for more.

        Re: your letter

        PS: bring cider.

        The reason was simple: he lied.

        it was late: nobody came.

        2024: a year of change.

        The old man by the river said: go home.

        Ratio 3:1 and a URL http://x.org/a:b here.
        """;
    Book book = parse("notes.txt", text);
    assertEquals(List.of("Narrator"), roles(book));
    assertEquals(11, book.segmentCount());
    assertEquals("Note: see below.", texts(book).get(0));
    assertEquals("PS: bring cider.", texts(book).get(5));
  }

  @Test
  void plainTitleCaseLabelNeedsTwoUsesButAllCapsNeedsOne() {
    Book once = parse("once.txt", "Dear John: I am leaving.\n\nThat was all.\n");
    assertEquals(List.of("Narrator"), roles(once));
    assertEquals("Dear John: I am leaving.", texts(once).get(0));

    Book twice = parse("twice.txt", "Mara: Hello.\nJon: Hi.\nMara (whispering): Quiet.\nJon: Fine.\n");
    assertEquals(List.of("Mara", "Jon"), roles(twice));
    assertEquals(List.of("whispering"), twice.role("Mara").deliveries());

    Book caps = parse("caps.txt", "The door opened.\n\nBOB: Anyone home?\n");
    assertEquals(List.of("Narrator", "BOB"), roles(caps));
  }

  @Test
  void colonMustBeFollowedBySpace() {
    Book book = parse("x.txt", "HTTP:something\n\nTIME:10\n");
    assertEquals(List.of("Narrator"), roles(book));
  }

  // --- label forms

  @Test
  void boldLabelForms() {
    Book book = parse("forms.md", """
        **Wren:** One.

        **Keeper Ansel**: Two.

        **Wren (whispering):** Three.

        **Keeper Ansel** (shouting): Four.
        """);
    assertEquals(List.of("Wren", "Keeper Ansel"), roles(book));
    assertEquals(List.of("One.", "Two.", "Three.", "Four."), texts(book));
    assertEquals(List.of("whispering"), book.role("Wren").deliveries());
    assertEquals(List.of("shouting"), book.role("Keeper Ansel").deliveries());
  }

  @Test
  void rolesAreCaseInsensitiveAndKeepTheFirstSpelling() {
    Book book = parse("z.txt", "ZOË: One.\nZoë: Two.\n\nzoë and Zoë: Three.\n");
    assertEquals(List.of("ZOË", "Narrator"), roles(book));
    assertEquals(2, book.role("ZOË").segments());
    assertTrue(book.segments().allMatch(s -> book.role(s.role()) != null));
  }

  @Test
  void labelAloneContinuesAcrossParagraphsInlineLabelDoesNot() {
    Book book = parse("flow.md", """
        **Mara:**

        First paragraph.

        Second paragraph.

        **Jon:** Inline line
        wrapped onto a second line.

        Back to narration.
        """);
    assertEquals(List.of("Mara", "Jon", "Narrator"), roles(book));
    assertEquals(List.of("First paragraph.\n\nSecond paragraph.",
        "Inline line\nwrapped onto a second line.", "Back to narration."), texts(book));
    Segment mara = book.segments().findFirst().orElseThrow();
    String source = """
        **Mara:**

        First paragraph.

        Second paragraph.
        """;
    assertEquals("First paragraph.\n\nSecond paragraph.", source.substring(mara.start(), mara.end()));
  }

  @Test
  void unlabelledNarrationUsesTheDocumentsNarratorName() {
    Book book = parse("n.md", "It was dark.\n\n**Narration:** Then light.\n\n**Ann:** Oh.\n\nShe blinked.\n");
    assertEquals(List.of("Narration", "Ann"), roles(book));
    assertEquals(List.of("Narration", "Narration", "Ann", "Narration"),
        book.segments().map(Segment::role).toList());
  }

  @Test
  void afterAChapterHeadingTextIsNarration() {
    Book book = parse("h.md", """
        ## One

        **Ann:**

        Hello.

        ## Two

        The wind rose.
        """);
    assertEquals(List.of("Ann", "Narrator"), book.segments().map(Segment::role).toList());
  }

  @Test
  void stageDirectionsAndLinks() {
    Book book = parse("d.md", "**Wren:** Look at [the map](https://x.org/map). [points] There.\n");
    assertEquals(List.of("Look at the map.", "points", "There."), texts(book));
    assertEquals(List.of("Wren", "Narrator", "Wren"), book.segments().map(Segment::role).toList());
    assertEquals("direction", book.segments().toList().get(1).delivery());
    assertEquals(1, book.segments().map(Segment::paragraph).distinct().count());
  }

  // --- markup

  @Test
  void markupRemovedEverythingElseKept() {
    Book book = parse("m.md", """
        > **Ann:** I *really* mean it — _truly_, see [here](http://x).

        A snake_case name, 5 * 3 = 15, “quotes” and l’apostrophe, naïve café.
        """);
    assertEquals(List.of("I really mean it — truly, see here.",
        "A snake_case name, 5 * 3 = 15, “quotes” and l’apostrophe, naïve café."), texts(book));
    assertEquals(List.of("Ann", "Narrator"), roles(book));
  }

  // --- headings and titles

  @Test
  void h1AboveDeeperHeadingsIsTheTitleAndLeadingTextGetsATitledChapter() {
    Book book = parse("t.md", """
        # My Book

        by Jane Doe

        A short foreword.

        ## Chapter 1

        Text one.

        ### Empty heading

        ## Chapter 2

        Text two.
        """);
    assertEquals("My Book", book.title());
    assertEquals("Jane Doe", book.author());
    assertEquals(List.of("My Book", "Chapter 1", "Chapter 2"), chapters(book));
    assertEquals(List.of("A short foreword.", "Text one.", "Text two."), texts(book));
  }

  @Test
  void aSentenceStartingWithByIsNotTheAuthor() {
    Book book = parse("b.md", "# The Tower\n\nBy dawn the water had climbed three steps.\n\n## One\n\nText.\n");
    assertNull(book.author());
    assertEquals("By dawn the water had climbed three steps.", texts(book).get(0));
  }

  @Test
  void severalH1AreChapters() {
    Book book = parse("two-parts.md", "# Chapter 1\n\nA.\n\n# Chapter 2\n\nB.\n");
    assertEquals(List.of("Chapter 1", "Chapter 2"), chapters(book));
    assertEquals("Two Parts", book.title(), "a numbered chapter does not name the book");
  }

  @Test
  void noHeadingsIsOneChapterNamedAfterTheFile() {
    Book book = parse("the_long-night.txt", "It rained.\n\nIt rained more.\n");
    assertEquals("The Long Night", book.title());
    assertEquals(List.of("The Long Night"), chapters(book));
    assertEquals(2, book.segmentCount());
  }

  @Test
  void numberedChapterLinesInPlainText() {
    Book book = parse("c.txt", """
        CHAPTER IV

        Text a.

        Chapter 5: The Return

        Text b.

        Chapter One

        Text c.

        Chapter 6: and this one is inside a paragraph
        followed by more text.
        """);
    assertEquals(List.of("CHAPTER IV", "Chapter 5: The Return", "Chapter One"), chapters(book));
    assertEquals(List.of("Narrator"), roles(book));
  }

  @Test
  void boldAndCapsLinesAreHeadingsOnlyWithoutMarkdownHeadings() {
    Book plain = parse("b.md", "**The Beginning**\n\nText a.\n\nTHE MIDDLE\n\nText b.\n");
    assertEquals(List.of("The Beginning", "THE MIDDLE"), chapters(plain));
    assertEquals("The Beginning", plain.title());

    Book md = parse("b.md", """
        ## Part One

        **A SIGN ON THE WALL**

        THE MIDDLE

        **Chapter 2**

        Text b.
        """);
    assertEquals(List.of("Part One", "Chapter 2"), chapters(md));
    assertEquals(List.of("A SIGN ON THE WALL", "THE MIDDLE", "Text b."), texts(md));
  }

  @Test
  void capsLineMustStandAlone() {
    Book book = parse("s.txt", "Some text.\nSTOP RIGHT THERE\nMore text.\n");
    assertEquals(1, book.chapters().size());
    assertEquals("Some text.\nSTOP RIGHT THERE\nMore text.", texts(book).get(0));
  }

  @Test
  void allCapsTitleShownInTitleCase() {
    Book book = parse("x.txt", "THE KEEPER'S ORCHARD OF THE NORTH\n\nText.\n");
    assertEquals("The Keeper's Orchard of the North", book.title());
  }

  @Test
  void frontMatterAndCodeAreNotSpoken() {
    Book book = parse("f.md", """
        ---
        title: Front Title
        author: A. Writer
        ---

        Spoken.

        ```
        code: not spoken
        ```

        ---

        Also spoken.
        """);
    assertEquals("Front Title", book.title());
    assertEquals("A. Writer", book.author());
    assertEquals(List.of("Spoken.", "Also spoken."), texts(book));
  }

  // --- role figures

  @Test
  void roleSampleIsCutAtAWordBoundary() {
    String longLine = "word ".repeat(60).strip();
    Book book = parse("l.md", "**Ann:** " + longLine + "\n");
    Role ann = book.role("Ann");
    assertTrue(ann.sample().length() <= 120, ann.sample());
    assertTrue(ann.sample().endsWith("word…"), ann.sample());
    assertEquals(longLine.length(), ann.characters());
    assertNull(ann.gender());
  }

  // --- bad inputs

  @Test
  void noSpeakableText() {
    BookFormatException e = assertThrows(BookFormatException.class,
        () -> parser.parse("x.md", "*** --- ***\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("no-speech", e.reason());
    assertTrue(e.getMessage().startsWith("The file has no text to speak"));
    assertEquals("no-speech", assertThrows(BookFormatException.class,
        () -> parser.parse("x.md", "# Title\n\n## Chapter\n\n— …\n".getBytes(StandardCharsets.UTF_8))).reason());
  }

  @Test
  void unsupportedExtension() {
    for (String name : new String[] {"book.pdf", "book.docx", "book", "script.md.exe"}) {
      BookFormatException e = assertThrows(BookFormatException.class,
          () -> parser.parse(name, "Hello.".getBytes(StandardCharsets.UTF_8)));
      assertEquals("unsupported", e.reason(), name);
    }
    assertEquals("markdown", parser.parse("A.MARKDOWN", "Hi.".getBytes(StandardCharsets.UTF_8)).source().format());
  }

  @Test
  void emptyWhitespaceAndBinaryThroughTheParser() {
    assertEquals("empty", assertThrows(BookFormatException.class,
        () -> parser.parse("x.txt", new byte[0])).reason());
    assertEquals("empty", assertThrows(BookFormatException.class,
        () -> parser.parse("x.txt", "  \n\n \t".getBytes(StandardCharsets.UTF_8))).reason());
    assertEquals("binary", assertThrows(BookFormatException.class,
        () -> parser.parse("x.txt", new byte[] {'a', 0, 'b', 1, 2, 3})).reason());
  }

  @Test
  void windows1252IsDecodedWithAWarning() {
    byte[] bytes = "BOB: I said \u0093hello\u0094 \u0085 twice.\n".getBytes(StandardCharsets.ISO_8859_1);
    Book book = parser.parse("old.txt", bytes);
    assertEquals("windows-1252", book.source().encoding());
    assertEquals(List.of("Not valid UTF-8: decoded as Windows-1252"), book.warnings());
    assertEquals("I said “hello” … twice.", texts(book).get(0));
    assertEquals(List.of("BOB"), roles(book));
  }
}
