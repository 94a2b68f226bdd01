package com.etoaudiobook.formats;

import static com.etoaudiobook.formats.FormatsTest.all;
import static com.etoaudiobook.formats.FormatsTest.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.etoaudiobook.book.Book;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.junit.jupiter.api.Test;

/** PDF layouts built here line by line: where paragraphs and chapters begin and end. */
class PdfLayoutTest {
  private final DocumentParser parser = new DocumentParser();

  /** A line of text: size, left x, baseline y from the bottom of a letter page. */
  record L(float size, float x, float y, String text) {
  }

  /** Body lines at x 72, 14 pt apart, from the top; "\t" before a line indents it. */
  static List<L> body(float top, String... lines) {
    List<L> out = new ArrayList<>();
    float y = top;
    for (String l : lines) {
      out.add(l.startsWith("\t") ? new L(11, 90, y, l.substring(1)) : new L(11, 72, y, l));
      y -= 14;
    }
    return out;
  }

  private static final String[] WORDS = {"and", "the", "story", "goes", "on", "through", "a",
      "long", "day", "of", "rain", "while", "people", "wait", "for", "news", "from", "town"};
  private static final String[] PAD = {"", "a", "an", "the", "then", "there", "theirs", "thereby"};

  /** n lines of exactly 60 letters and spaces, lower case, no punctuation: the middle of a paragraph. */
  static String[] filler(int seed, int n) {
    String[] out = new String[n];
    int w = seed;
    for (int i = 0; i < n; i++) {
      StringBuilder b = new StringBuilder();
      while (b.length() < 52) {
        b.append(b.isEmpty() ? "" : " ").append(WORDS[w++ % WORDS.length]);
      }
      b.append(' ').append(PAD[59 - b.length()]);
      out[i] = b.toString().strip();
    }
    return out;
  }

  /** Courier, so that a full line's width is its length: 60 letters reach the right margin. */
  static PDDocument pdf(List<List<L>> pages) throws Exception {
    PDDocument doc = new PDDocument();
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.COURIER);
    for (List<L> lines : pages) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        for (L l : lines) {
          FormatsTest.line(cs, font, l.size(), l.x(), l.y(), l.text());
        }
      }
    }
    return doc;
  }

  /** A page with a heading and a line of text. */
  static List<L> page(String heading, String text) {
    return List.of(new L(16, 72, 700, heading), new L(11, 90, 670, text));
  }

  static byte[] bytes(PDDocument doc) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    doc.close();
    return out.toByteArray();
  }

  static PDOutlineItem mark(PDOutlineNode parent, PDDocument doc, String title, int page) {
    PDOutlineItem item = new PDOutlineItem();
    item.setTitle(title);
    PDPageFitDestination d = new PDPageFitDestination();
    d.setPage(doc.getPage(page));
    item.setDestination(d);
    parent.addLast(item);
    return item;
  }

  /**
   * A sentence goes on across the page break (its running head, set beside the page number on
   * either side, is not read), through a quotation set off by space and indented, and a hanging
   * line; a heading on two lines is one; one-line indented paragraphs stay apart.
   */
  @Test
  void paragraphsFollowTheSentenceNotTheLayout() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("\tThe first paragraph opens here and runs on for a while,");
    lines.addAll(List.of(filler(0, 6)));
    lines.add("a line of print allows, until the judge, as he wrote,");
    List<L> one = new ArrayList<>();
    one.add(new L(8, 72, 760, "PREFACE xiii"));
    one.addAll(body(730, lines.toArray(String[]::new)));
    float y = 730 - 14 * lines.size() - 12;
    // A quotation set off by space and indented; its lines are full and start with capitals.
    one.add(new L(11, 100, y, "Common sense revolts at the idea of owning the air, too."));
    one.add(new L(11, 100, y - 14, "Every flight would be a trespass on the farms below, and"));
    one.add(new L(11, 100, y - 28, "The doctrine has no place in the modern world."));
    lines.clear();
    lines.add("That was the end of the old rule.");
    lines.add("\tHere is the metaphor that will capture the argument now.");
    lines.add("\tIn that year the chemical was first synthesized and then");
    lines.addAll(List.of(filler(3, 5)));
    lines.add("sat uncomfortably with the National Rifle Association, be-");
    one.addAll(body(y - 54, lines.toArray(String[]::new)));
    List<L> two = new ArrayList<>();
    two.add(new L(8, 72, 760, "xiv PREFACE"));
    two.addAll(body(730, "tween the liberal senators and the rest of them at last."));
    two.add(new L(14, 72, 690, "Rebuilding Freedoms Previously"));
    two.add(new L(14, 72, 673, "Presumed: Examples"));
    two.addAll(body(650, "\tThe section begins with its own sentence and ends it."));
    // A heading in the text's size, centred on two lines (Courier: 6.6 points a letter at 11).
    two.add(new L(11, 306 - 13 * 6.6f, 610, "Free Culture: One Big Idea"));
    two.add(new L(11, 306 - 8.5f * 6.6f, 596, "Rebuilt Once More"));
    List<String> last = new ArrayList<>(List.of("\tAnd the last paragraph of the page follows it and"));
    last.addAll(List.of(filler(7, 8)));
    two.addAll(body(570, last.toArray(String[]::new)));
    assertEquals(List.of(
        "The first paragraph opens here and runs on for a while, " + String.join(" ", filler(0, 6))
            + " a line of print allows, until the judge, as he wrote, Common sense revolts at the"
            + " idea of owning the air, too. Every flight would be a trespass on the farms below, and"
            + " The doctrine has no place in the modern world.",
        "That was the end of the old rule.",
        "Here is the metaphor that will capture the argument now.",
        "In that year the chemical was first synthesized and then " + String.join(" ", filler(3, 5))
            + " sat uncomfortably with the National Rifle Association, between the liberal senators"
            + " and the rest of them at last.",
        "Rebuilding Freedoms Previously Presumed: Examples",
        "The section begins with its own sentence and ends it.",
        "Free Culture: One Big Idea Rebuilt Once More",
        "And the last paragraph of the page follows it and " + String.join(" ", filler(7, 8))),
        paragraphs(parser.parse("layout.pdf", bytes(pdf(List.of(one, two))))));
  }

  /** The text of each paragraph, its segments joined. */
  static List<String> paragraphs(Book b) {
    List<String> paragraphs = new ArrayList<>();
    b.segments().forEach(s -> {
      if (paragraphs.size() <= s.paragraph()) {
        paragraphs.add(s.text());
      } else {
        paragraphs.set(s.paragraph(), paragraphs.get(s.paragraph()) + " " + s.text());
      }
    });
    return paragraphs;
  }

  /** A line of dialogue as wide as a full line (60 letters), ending its sentence. */
  private static String spoken(int seed) {
    String words = filler(seed, 1)[0];
    return "\"" + Character.toUpperCase(words.charAt(0)) + words.substring(1, 57) + ".\"";
  }

  /** Five lines: a capital first, a short sentence's end third, a short sentence's end last. */
  private static String[] paragraph(int seed) {
    String[] lines = filler(seed, 5);
    lines[0] = Character.toUpperCase(lines[0].charAt(0)) + lines[0].substring(1);
    lines[2] = "she said nothing more.";
    lines[4] = "and that was all.";
    return lines;
  }

  /**
   * Paragraphs set apart by space, not indented (a Word document, a web page printed): a page of
   * one-line speeches is as many paragraphs, though every line on it is a paragraph's space from
   * the next; a short line ending a sentence with no space after it does not end its paragraph,
   * but at the foot of a page, where the space cannot be seen, it does.
   */
  @Test
  void spaceBetweenParagraphsSetsThemApartOnAPageOfDialogue() throws Exception {
    List<L> one = new ArrayList<>();
    float y = 730;
    for (int p = 0; p < 4; p++) {
      String[] lines = paragraph(p);
      for (String l : lines) {
        one.add(new L(11, 72, y, l));
        y -= 14;
      }
      y -= 10;
    }
    List<L> two = new ArrayList<>();
    for (int p = 0; p < 12; p++) {
      two.add(new L(11, 72, 730 - 24 * p, spoken(p)));
    }
    List<String> paragraphs = paragraphs(parser.parse("dialogue.pdf", bytes(pdf(List.of(one, two)))));
    assertEquals(16, paragraphs.size(), String.join("\n", paragraphs));
    for (int p = 0; p < 4; p++) {
      assertEquals(String.join(" ", paragraph(p)), paragraphs.get(p));
    }
    for (int p = 0; p < 12; p++) {
      assertEquals(spoken(p), paragraphs.get(4 + p));
    }
  }

  /**
   * Chapters headed by a numeral alone set large ("I", "II"), each at the top of its page, are
   * chapters, though alike to the running-head filter; a page number in roman numerals is not read.
   */
  @Test
  void aNumeralSetAsAHeadingStartsAChapter() throws Exception {
    String[] numerals = {"I", "II", "III", "IV", "V", "VI"};
    List<List<L>> pages = new ArrayList<>();
    for (int c = 0; c < numerals.length; c++) {
      List<L> page = new ArrayList<>();
      page.add(new L(16, 72, 730, numerals[c]));
      page.addAll(body(700, filler(c, 8)));
      page.add(new L(9, 300, 60, numerals[c].toLowerCase(java.util.Locale.ROOT)));
      pages.add(page);
    }
    Book b = parser.parse("numerals.pdf", bytes(pdf(pages)));
    assertEquals(List.of(numerals), titles(b));
    assertFalse(all(b).matches("(?s).*\\b(?:i|ii|iii|iv|v|vi)\\b.*"), all(b));
  }

  /** Each bulleted item is a paragraph, read without its bullet; the items' lines join. */
  @Test
  void bulletedItemsAreParagraphs() throws Exception {
    List<String> lines = new ArrayList<>(List.of(filler(0, 6)));
    lines.add("and here is the list of the kinds that it can manage now:");
    lines.add("• INTEGER;");
    lines.add("• OBJECT IDENTIFIER, which is written as a list of numbers");
    lines.add("and names;");
    lines.add("• NULL.");
    lines.addAll(List.of(filler(4, 6)));
    String text = all(parser.parse("list.pdf", bytes(pdf(List.of(body(700, lines.toArray(String[]::new)))))));
    assertTrue(text.contains("manage now: | INTEGER; | OBJECT IDENTIFIER, which is written as a list of"
        + " numbers and names; | NULL. | "), text);
  }

  /** A line in lower case after a dash, a semicolon or a closing quote goes on with its sentence. */
  @Test
  void lowerCaseAfterADashGoesOn() throws Exception {
    List<String> lines = new ArrayList<>(List.of(filler(0, 6)));
    lines.add("and the old farmer said that the day had been a long one --");
    lines.add("\twhich it was, for all of them; it rained from dawn to dusk;");
    lines.add("\tand nobody went out. We can all do better by");
    lines.add("\t1. staying at home;");
    lines.addAll(List.of(filler(4, 6)));
    String text = all(parser.parse("dash.pdf", bytes(pdf(List.of(body(700, lines.toArray(String[]::new)))))));
    assertTrue(text.contains("a long one -- which it was, for all of them; it rained from dawn to dusk;"
        + " and nobody went out. We can all do better by 1. staying at home;"), text);
  }

  /**
   * Text drawn again a fraction of a point aside (fake bold, a shadow) is read once; the same words drawn
   * a line apart are read twice.
   */
  @Test
  void textDrawnOverItselfIsReadOnce() throws Exception {
    List<L> page = new ArrayList<>(body(700, filler(0, 6)));
    page.add(new L(11, 72, 616, "The storm came in the night."));
    page.add(new L(11, 72.4f, 616.3f, "The storm came in the night."));
    page.add(new L(11, 72, 602, "The storm came in the night."));
    page.addAll(body(588, filler(3, 6)));
    String text = all(parser.parse("bold.pdf", bytes(pdf(List.of(page)))));
    assertEquals(2, text.split("storm", -1).length - 1, text);
  }

  /** Pages read in ranges on several threads come back in page order, every one of them. */
  @Test
  void manyPagesComeBackInOrder() throws Exception {
    List<List<L>> pages = new ArrayList<>();
    for (int p = 0; p < 240; p++) {
      // in the middle of the page, where a line repeated on every page is not a running head
      List<String> lines = new ArrayList<>(List.of(filler(p, 4)));
      lines.add("this is page number " + (p + 1) + " of the book.");
      lines.addAll(List.of(filler(p + 7, 4)));
      pages.add(body(700, lines.toArray(String[]::new)));
    }
    String text = all(parser.parse("long.pdf", bytes(pdf(pages))));
    int at = -1;
    for (int p = 1; p <= 240; p++) {
      int next = text.indexOf("page number " + p + " of the book", at + 1);
      assertTrue(next > at, "page " + p + " missing or out of order");
      at = next;
    }
  }

  /** A raised note number after a sentence and a space is a mark, not a word. */
  @Test
  void noteNumberAfterASentenceIsNotRead() throws Exception {
    List<String> lines = new ArrayList<>(List.of(filler(0, 6)));
    lines.add("families now find themselves without a shilling to leave.");
    lines.add("\tRuined is a bit of an exaggeration, but not by much here.");
    lines.addAll(List.of(filler(5, 4)));
    List<L> page = new ArrayList<>(body(700, lines.toArray(String[]::new)));
    page.add(7, new L(6, 72 + 59 * 6.6f, 704 - 6 * 14, "1")); // drawn right after its line
    String text = all(parser.parse("notes.pdf", bytes(pdf(List.of(page)))));
    assertTrue(text.contains("without a shilling to leave. | Ruined"), text);
  }

  /**
   * Parts are chapters with the chapters they hold, even a part with nothing but its heading;
   * an afterword's sections are read within it; notes and acknowledgments at the back are not.
   */
  @Test
  void outlineGivesPartsAndChaptersButNotSectionsOrBackMatter() throws Exception {
    List<List<L>> pages = List.of(
        page("CONTENTS", "Preface 1"),
        page("PREFACE", "This book began as a talk given long ago in a cold hall."),
        List.of(new L(20, 200, 500, "PUZZLES")),
        page("CHAPTER ONE: Alpha", "The first chapter says what the first chapter says."),
        page("CHAPTER TWO: Beta", "The second chapter answers the first one in kind."),
        page("2.1 Gamma", "A section of the second chapter goes on with it."),
        page("AFTERWORD", "Some who have read this far will agree with me now."),
        page("Us, Now", "Common sense is with the other side for the moment."),
        page("Them, Soon", "We will not get there by acting alone, it seems."),
        page("NOTES", "1. See the report of the committee, page four."),
        page("ACKNOWLEDGMENTS", "Many friends helped me write this book over years."),
        page("INDEX", "Alpha, 3"),
        page("A Copying Information", "Permission is granted to copy this document."),
        page("Concept Index", "Beta, 4"));
    PDDocument doc = pdf(pages);
    PDDocumentOutline outline = new PDDocumentOutline();
    doc.getDocumentCatalog().setDocumentOutline(outline);
    mark(outline, doc, "CONTENTS", 0);
    mark(outline, doc, "PREFACE", 1);
    PDOutlineItem part = mark(outline, doc, "PUZZLES", 2);
    mark(part, doc, "1: Alpha", 3);
    mark(mark(part, doc, "2: Beta", 4), doc, "2.1 Gamma", 5);
    PDOutlineItem after = mark(outline, doc, "AFTERWORD", 6);
    mark(mark(after, doc, "Us, Now", 7), doc, "Examples", 7);
    mark(mark(after, doc, "Them, Soon", 8), doc, "Formalities", 8);
    mark(outline, doc, "NOTES", 9);
    mark(outline, doc, "ACKNOWLEDGMENTS", 10);
    mark(outline, doc, "INDEX", 11);
    mark(outline, doc, "A Copying Information", 12);
    mark(outline, doc, "Concept Index", 13);
    Book b = parser.parse("parts.pdf", bytes(doc));
    assertEquals(List.of("PREFACE", "PUZZLES", "1: Alpha", "2: Beta", "AFTERWORD"), titles(b));
    String text = all(b);
    assertTrue(text.startsWith("This book began"), text);
    assertTrue(text.contains("agree with me now. | Us, Now | Common sense"), text);
    assertTrue(text.contains("PUZZLES | The first chapter says"), text);
    assertTrue(text.contains("in kind. | 2.1 Gamma | A section of the second"), text);
    assertTrue(text.contains("Common sense is with") && text.contains("We will not get there"), text);
    assertFalse(text.contains("committee") || text.contains("Many friends") || text.contains("Alpha, 3")
        || text.contains("Permission is granted") || text.contains("Beta, 4"), text);
  }

  /**
   * A page of short paragraphs, each opened by an indent (a conversation in a book): half its
   * lines start at the indent, which is still an indent, not a second column; each paragraph's
   * last line is full and ends a sentence, so only the indent tells where the next begins.
   */
  @Test
  void indentsOnAPageOfShortParagraphsStillOpenThem() throws Exception {
    List<String> lines = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int p = 0; p < 6; p++) {
      String[] two = filler(p, 2);
      String first = (Character.toUpperCase(two[0].charAt(0)) + two[0].substring(1, 54)).strip();
      String last = two[1].substring(0, 59) + ".";
      lines.add("\t" + first);
      lines.add(last);
      expected.add(first + " " + last);
    }
    assertEquals(expected, paragraphs(parser.parse("short.pdf", bytes(pdf(List.of(body(700,
        lines.toArray(String[]::new))))))));
  }

  /**
   * A text printed in one type, chapters numbered "I", "II", "III" alone between paragraphs in
   * the middle of its pages: each starts a chapter; a page number is not one.
   */
  @Test
  void romanNumeralsAloneInTheTextsTypeNumberChapters() throws Exception {
    String[] names = {"alder", "birch", "cedar", "hazel", "larch", "maple", "rowan"};
    List<List<L>> pages = new ArrayList<>();
    String[] numerals = {"I", "II", "III"};
    for (int c = 0; c < 3; c++) {
      String[] before = new String[6];
      String[] after = new String[6];
      for (int k = 0; k < 6; k++) {
        // every line its own words: lines repeated from page to page would be running heads
        before[k] = "by the " + names[c] + " and the " + names[k] + " the walk went on through the";
        after[k] = (k == 0 ? "Under" : "under") + " the " + names[k] + " and the " + names[c + 3]
            + " the rain fell all day on the";
      }
      List<L> page = new ArrayList<>(body(730, before));
      page.add(new L(11, 72, 730 - 14 * 6 - 14, numerals[c]));
      page.addAll(body(730 - 14 * 8 - 14, after));
      page.add(new L(11, 300, 60, String.valueOf(c + 1)));
      pages.add(page);
    }
    List<String> titles = titles(parser.parse("plain.pdf", bytes(pdf(pages))));
    assertEquals(List.of("I", "II", "III"), titles.subList(titles.size() - 3, titles.size()));
  }

  /**
   * Chapters numbered "I" to "VI" in the text's own type, opening a page's top or set on its last
   * line before the page number, every page numbered at its foot: each numeral starts a chapter
   * (it counts chapters: the page it is on has its number already), the page numbers are not
   * read. Before, a numeral alone at a page's edge was taken for a page number: chapters lost.
   */
  @Test
  void numeralsAtAPagesEdgeCountingChaptersNotPagesStartChapters() throws Exception {
    String[] names = {"alder", "birch", "cedar", "hazel", "larch", "maple", "rowan", "aspen"};
    // each page: the numeral over its text, or its text and then the next chapter's numeral
    String[][] layout = {{"I", null}, {null, "II"}, {null, "III"}, {null, null}, {"IV", null}, {null, "V"},
        {null, "VI"}, {null, null}};
    List<List<L>> pages = new ArrayList<>();
    for (int c = 0; c < layout.length; c++) {
      String[] text = new String[8];
      for (int k = 0; k < text.length; k++) {
        // every line its own words: lines repeated from page to page would be running heads
        text[k] = (k == 0 ? "Under" : "under") + " the " + names[k] + " and the " + names[c]
            + " the rain fell all day on the" + (k == text.length - 1 ? " hill." : "");
      }
      List<L> page = new ArrayList<>();
      if (layout[c][0] != null) {
        page.add(new L(11, 72, 730, layout[c][0]));
      }
      page.addAll(body(702, text));
      if (layout[c][1] != null) {
        page.add(new L(11, 72, 702 - 14 * 10, layout[c][1]));
      }
      page.add(new L(11, 300, 60, String.valueOf(c + 5)));
      pages.add(page);
    }

    Book b = parser.parse("edges.pdf", bytes(pdf(pages)));
    List<String> titles = titles(b);
    assertTrue(titles.size() >= 6, titles.toString());
    assertEquals(List.of("I", "II", "III", "IV", "V", "VI"), titles.subList(titles.size() - 6, titles.size()));
    assertFalse(all(b).matches("(?s).*\\b(?:5|6|7|8|9|10|11|12)\\b.*"), all(b));
  }

  /**
   * A chapter's number centred over its title, also centred on the same axis ("CHAPTER IV" /
   * "IN WHICH EEYORE LOSES A TAIL"): the number starts the chapter, not a heading run into its title.
   */
  @Test
  void aChaptersNumberCentredOverItsTitleStartsTheChapter() throws Exception {
    List<L> page = new ArrayList<>(body(730, "Under the alder and the birch the rain fell all day on the",
        "hill, and so it ended."));
    // Courier: 6 units a letter at size 10; "CHAPTER IV" (10) and its title (28) centred on x 306
    page.add(new L(10, 306 - 30, 660, "CHAPTER IV"));
    page.add(new L(10, 306 - 84, 638, "IN WHICH EEYORE LOSES A TAIL"));
    page.addAll(body(600, "Under the maple the old donkey stood by himself in a corner of",
        "the forest and thought about things."));
    Book b = parser.parse("centred.pdf", bytes(pdf(List.of(page))));
    assertTrue(titles(b).contains("CHAPTER IV"), titles(b).toString());
  }
}
