package com.etoaudiobook.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per file of ../shared/data/books, checking what its README says a reading is. */
class DevelopmentBooksTest {
  private final DocumentParser parser = new DocumentParser();

  static Path books() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared").resolve("data").resolve("books");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("../shared/data/books not found beside the repository");
  }

  private DocumentParser.Document read(String name) throws IOException {
    return parser.read(name, Files.readAllBytes(books().resolve(name)));
  }

  /** All spoken text, segments joined with one space. */
  static String spoken(Book b) {
    return String.join(" ", b.segments().map(Segment::text).toList()).replaceAll("\\s+", " ");
  }

  static List<String> titles(Book b) {
    return b.chapters().stream().map(Chapter::title).toList();
  }

  private static void reads(String text, String... phrases) {
    for (String p : phrases) {
      assertTrue(text.contains(p), "not read: " + p);
    }
  }

  private static void readsNot(String text, String... phrases) {
    for (String p : phrases) {
      assertFalse(text.contains(p), "read but must not be: " + p);
    }
  }

  @Test
  void aliceHasTenChaptersAndItsCover() throws IOException {
    DocumentParser.Document d = read("alice-epub3.epub");
    List<String> t = titles(d.book());
    assertTrue(t.size() == 10 || t.size() == 11, t.toString());
    assertEquals("Down The Rabbit-Hole", t.get(t.size() - 10));
    assertEquals("Alice's Evidence", t.get(t.size() - 1));
    String text = spoken(d.book());
    reads(text, "Alice was beginning to get very tired of sitting by her sister on the bank",
        "what a wonderful dream it had been.", "Fury said to a mouse, That he met in the house,");
    readsNot(text, "[Pg");
    assertNotNull(d.cover());
    assertEquals("image/jpeg", d.coverType());
  }

  @Test
  void accessibleEpubLeavesOutNoticesNavAndListings() throws IOException {
    DocumentParser.Document d = read("accessible_epub_3.epub");
    String text = spoken(d.book());
    List<String> t = titles(d.book());
    assertTrue(t.contains("Preface") && t.contains("1. Introduction") && t.contains("4. Conclusion"), t.toString());
    assertFalse(t.contains("Colophon") || t.contains("Table of Contents"), t.toString());
    // The title page (credits, notices, the publisher's address) is not the book: it starts at the Preface.
    assertEquals("Preface", t.get(0), t.toString());
    assertTrue(t.size() == 5 || t.size() == 47, t.toString());
    readsNot(text, "Dan Fauxsmith", "Gravenstein Highway North Sebastopol CA");
    reads(text, "Accessibility is a difficult concept to define.");
    readsNot(text, "registered trademarks of O’Reilly Media", "<?xml", "xmlns:epub=");
    assertNotNull(d.cover());
  }

  @Test
  void wasteLandKeepsPartsAndDropsLineNumbersAndNoteMarks() throws IOException {
    DocumentParser.Document d = read("wasteland.epub");
    List<String> t = titles(d.book());
    assertEquals(List.of("I. THE BURIAL OF THE DEAD", "II. A GAME OF CHESS", "III. THE FIRE SERMON",
        "IV. DEATH BY WATER", "V. WHAT THE THUNDER SAID", "NOTES ON \"THE WASTE LAND\""),
        t.subList(t.size() - 6, t.size()));
    String text = spoken(d.book());
    // Eliot's notes, which the nav lists, are read in full after the poem.
    reads(text, "Not only the title, but the plan and a good deal of the incidental symbolism",
        "23. Cf. Ecclesiastes 12:5.", "434. Shantih. Repeated as here, a formal ending to an Upanishad.");
    assertTrue(text.indexOf("Shantih shantih shantih") < text.indexOf("Not only the title"));
    reads(text, "April is the cruellest month, breeding", "For Ezra Pound");
    readsNot(text, "Son of man,20", "man,20", "breeding 10");
    assertNotNull(d.cover());
  }

  @Test
  void sherlockHtmlHasTwelveStoriesAndNoGutenbergText() throws IOException {
    Book b = read("sherlock-holmes.htm").book();
    List<String> t = titles(b);
    assertEquals(12, t.size(), t.toString());
    assertTrue(t.get(0).contains("A SCANDAL IN BOHEMIA") && t.get(11).contains("COPPER BEECHES"), t.toString());
    assertEquals("The Adventures of Sherlock Holmes", b.title());
    assertEquals("Arthur Conan Doyle", b.author());
    String text = spoken(b);
    reads(text, "To Sherlock Holmes she is always the woman.", "£", "THE RED-HEADED LEAGUE");
    readsNot(text, "Project Gutenberg", "CONTENTS", "Ã");
  }

  @Test
  void sherlockTextHasTwelveOrFourteenChaptersAndNoGutenbergText() throws IOException {
    DocumentParser.Document d = read("sherlock-holmes.txt");
    Book b = d.book();
    List<String> t = titles(b);
    assertTrue(t.size() == 12 || t.size() == 14, t.toString());
    assertEquals("ADVENTURE I. A SCANDAL IN BOHEMIA", t.get(0));
    assertEquals("XII. THE ADVENTURE OF THE COPPER BEECHES", t.get(t.size() - 1));
    assertFalse(t.stream().anyMatch(s -> s.contains("DISSOLVED")), t.toString());
    assertEquals("The Adventures of Sherlock Holmes", b.title());
    assertEquals("Arthur Conan Doyle", b.author());
    String text = spoken(b);
    reads(text, "To Sherlock Holmes she is always THE woman.", "DISSOLVED.");
    readsNot(text, "Project Gutenberg", "I. A Scandal in Bohemia");
    for (Segment s : b.segments().toList()) {
      assertEquals(s.text().strip(), s.text(), "segment " + s.index());
    }
  }

  /**
   * The HTML printed to PDF by a browser, as a reader saves a web page (no bookmarks; the date, the page's
   * title, its address and "1/140" on every page): read as the HTML is, story by story.
   */
  @Test
  void sherlockHtmlPrintedByABrowserReadsAsTheHtml() throws Exception {
    Book b = parser.read("sherlock.pdf", Fixtures.printedByChromium(books().resolve("sherlock-holmes.htm").toUri()))
        .book();
    List<String> t = titles(b);
    Book html = read("sherlock-holmes.htm").book();
    // the first story split at its parts "II." and "III.", as the plain text is
    assertEquals(titles(html).subList(1, 12), t.subList(t.size() - 11, t.size()), t.toString());
    assertEquals(List.of("ADVENTURE I. A SCANDAL IN BOHEMIA", "II.", "III."), t.subList(0, 3));
    assertEquals("The Adventures of Sherlock Holmes", b.title());
    String text = spoken(b);
    reads(text, "To Sherlock Holmes she is always the woman. I have seldom heard him mention her under any "
        + "other name.", "THE RED-HEADED LEAGUE");
    readsNot(text, "Project Gutenberg", "CONTENTS", "A Scandal in Bohemia", "file:", "1/140", " PM ");
  }

  @Test
  void freeCultureReadsFromItsOutlineWithoutPageFurniture() throws IOException {
    Book b = read("freeculture.pdf").book();
    assertEquals("Free Culture", b.title());
    assertEquals("Lawrence Lessig", b.author());
    // Preface, Introduction, chapters 1-14, Conclusion and Afterword, with the four part titles;
    // the Afterword's sections are read within it; notes, acknowledgments and index are not read.
    assertEquals(List.of("PREFACE", "INTRODUCTION", "\"PIRACY\"", "Chapter 1: Creators",
        "2: \"Mere Copyists\"", "3: Catalogs", "4: \"Pirates\"", "5: \"Piracy\"", "\"PROPERTY\"",
        "6: Founders", "7: Recorders", "8: Transformers", "9: Collectors", "10: \"Property\"", "PUZZLES",
        "11: Chimera", "12: Harms", "BALANCES", "13: Eldred", "14: Eldred II", "CONCLUSION", "AFTERWORD"),
        titles(b));
    String text = spoken(b);
    reads(text, "American comics were born out of copying each other.");
    readsNot(text, ".qxd", "4TH PASS PAGES", "free-culture.org/get-it", "❚", "building from them.5",
        "32S", "33R", "This PDF version of Free Culture is licensed", "xiv PREFACE", "successors. 1",
        "I am grateful to Peter DiMauro", "This book is the product of a long and as yet unsuccessful",
        "\uFB01", "\uFB02", "FREE CULTURE", "“PIRACY” 77");
    reads(text, "Rebuilding Freedoms Previously Presumed: Examples If you step back",
        "the National Rifle Association, between liberal Olympia Snowe",
        "They actually needed to use a language that they didn’t speak very well.");
  }

  /** Every PDF of the set: under 1 % of its paragraphs may end mid-sentence (the target). */
  @Test
  void pdfParagraphsEndSentences() throws IOException {
    List<Path> pdfs;
    try (var files = Files.list(books())) {
      pdfs = files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
    }
    assertFalse(pdfs.isEmpty());
    for (Path pdf : pdfs) {
      MidSentence.Share share = MidSentence.of(read(pdf.getFileName().toString()).book());
      System.out.println(pdf.getFileName() + ": " + share);
      share.examples().forEach(e -> System.out.println("  " + e));
      assertTrue(share.percent() < 1.0, pdf.getFileName() + ": " + share + " " + share.examples());
    }
  }

  @Test
  void illustrativeCasesKeepsFiguresApart() throws IOException {
    Book b = read("IllustrativeCases.docx").book();
    assertEquals("(V) ILLUSTRATIVE CASES", b.title());
    String text = spoken(b);
    reads(text, "(V) ILLUSTRATIVE CASES", "Patrick", "Siobhan", "Annemarie and Keith", "John",
        "17,542 32,000 3,508");
    readsNot(text, "17,54232,000");
    assertEquals(1, b.roles().size(), b.roles().toString());
  }

  @Test
  void headerAndFooterOnlyIsRefusedInWords() {
    BookFormatException e = assertThrows(BookFormatException.class,
        () -> read("headerFooter.docx"));
    assertEquals("no-text", e.reason());
    assertTrue(e.getMessage().contains("no body text"), e.getMessage());
  }

  @Test
  void heading123ReadsEveryParagraphOnce() throws IOException {
    Book b = read("heading123.docx").book();
    assertEquals("First paragraph", b.chapters().get(0).title());
    String text = spoken(b);
    reads(text, "Second paragraph", "Third paragraph");
    List<String> paragraphs = b.segments().map(Segment::text).toList();
    assertEquals(1, paragraphs.stream().filter(p -> p.startsWith("Fff")).count());
    assertEquals(1, paragraphs.stream().filter(p -> p.startsWith("Ff") && !p.startsWith("Fff")).count());
    assertEquals(1, paragraphs.stream().filter(p -> p.startsWith("ff")).count());
  }

  @Test
  void pandocNotesReadsNoReferenceMarks() throws IOException {
    Book b = read("pandoc-notes.docx").book();
    assertEquals("Test footnote. Test endnote.", spoken(b));
    assertEquals("A footnote", b.chapters().get(0).title());
  }

  @Test
  void pandocTrackedDeletionIsLeftOut() throws IOException {
    assertEquals("This is a text with a deletion.", spoken(read("pandoc-track_changes_deletion.docx").book()));
  }

  @Test
  void pandocHeadersReadsEveryLineOnceInOrder() throws IOException {
    Book b = read("pandoc-headers.docx").book();
    assertEquals("A Test of Headers", b.chapters().get(0).title());
    assertEquals("Second Level Some plain text. Third level Some more plain text. Fourth level "
        + "Some more plain text. Fifth level Some more plain text. Sixth level Some more plain "
        + "text. Seventh level Since no Heading 7 style exists in styles.xml, this gets converted "
        + "to Span.", spoken(b));
  }
}
