package com.etoaudiobook.formats;

import static com.etoaudiobook.formats.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Segment;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** Each format, from a small document built here, down to chapters, roles and offsets. */
class FormatsTest {
  private final DocumentParser parser = new DocumentParser();

  static List<String> titles(Book b) {
    return b.chapters().stream().map(Chapter::title).toList();
  }

  static String all(Book b) {
    return String.join(" | ", b.segments().map(Segment::text).toList());
  }

  /** Every segment's text is found at its offsets in the extracted text. */
  static void offsetsPointIntoText(DocumentParser.Document d) {
    for (Segment s : d.book().segments().toList()) {
      assertEquals(s.text(), d.text().substring(s.start(), s.end()), "segment " + s.index());
    }
  }

  @Test
  void epub3ChaptersFromNavMetadataCoverAndNoNotes() {
    DocumentParser.Document d = parser.read("door.epub", Fixtures.epub(true));
    Book b = d.book();
    assertEquals("The Door", b.title());
    assertEquals("Jane Writer", b.author());
    assertEquals("en-GB", b.language());
    assertEquals("epub", b.source().format());
    assertEquals(List.of("Chapter One: The Door", "Chapter Two"), titles(b));
    String text = all(b);
    assertFalse(text.contains("footnote"), text);
    assertFalse(text.contains("Contents"), text);
    assertFalse(text.matches(".*\\b[78]\\b.*"), text);
    assertTrue(text.contains("Anna opened the door."), text);
    assertTrue(text.contains("The rain stopped before dawn."), text);
    assertFalse(text.contains("Chapter One"), "titles are not read twice: " + text);
    assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3}, d.cover());
    assertEquals("image/jpeg", d.coverType());
    assertArrayEquals(d.cover(), parser.cover("door.epub", Fixtures.epub(true)));
    offsetsPointIntoText(d);
    // Quotations in prose get their speakers.
    List<Segment> s = b.segments().toList();
    Segment who = s.stream().filter(x -> x.text().equals("“Who is there?”")).findFirst().orElseThrow();
    assertEquals("Anna", who.role());
    Segment me = s.stream().filter(x -> x.text().equals("“Only me,”")).findFirst().orElseThrow();
    assertEquals("Tom", me.role());
    assertEquals("Narrator", s.get(0).role());
  }

  /**
   * Front matter the nav does not list: a title page with its notice is not read, a dedication
   * is. Notes the nav lists are read as their chapter; a chapter's own footnotes are not.
   */
  @Test
  void epubUnlistedTitlePageAndListedNotes() {
    java.util.Map<String, byte[]> e = Fixtures.epubEntries(true);
    String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\""
        + " xmlns:epub=\"http://www.idpf.org/2007/ops\"><head><title>x</title></head><body>";
    e.put("OEBPS/title.xhtml", utf8(head + "<h1>The Door</h1><p>Jane Writer</p><p>Editor</p><p>Sam Editor</p>"
        + "<p>Copyright 2020 Door Books Ltd. 12 High Street Oxford</p></body></html>"));
    e.put("OEBPS/dedication.xhtml", utf8(head + "<p>For my mother, who opened every door.</p></body></html>"));
    e.put("OEBPS/ch2.xhtml", utf8(head + "<h1>Chapter Two</h1><p>They walked home.<a epub:type=\"noteref\""
        + " href=\"#n1\">*</a></p><section epub:type=\"rearnotes\" id=\"notes\"><h2>Notes</h2>"
        + "<div epub:type=\"rearnote\" id=\"n1\"><p><a href=\"#l1\">1.</a> The road home was the old one.</p>"
        + "</div></section></body></html>"));
    String opf = new String(e.get("OEBPS/content.opf"), java.nio.charset.StandardCharsets.UTF_8)
        .replace("<item id=\"ch1\"", "<item id=\"title\" href=\"title.xhtml\" media-type=\"application/xhtml+xml\"/>"
            + "<item id=\"ded\" href=\"dedication.xhtml\" media-type=\"application/xhtml+xml\"/><item id=\"ch1\"")
        .replace("<itemref idref=\"ch1\"/>", "<itemref idref=\"title\"/><itemref idref=\"ded\"/><itemref idref=\"ch1\"/>");
    e.put("OEBPS/content.opf", utf8(opf));
    e.put("OEBPS/rights.xhtml", utf8(head + "<p>Published by Door Books. Printed in Oxford.</p></body></html>"));
    opf = opf.replace("<item id=\"ch1\"", "<item id=\"rights\" href=\"rights.xhtml\" media-type=\"application/xhtml+xml\"/><item id=\"ch1\"")
        .replace("<itemref idref=\"ch2\"/>", "<itemref idref=\"ch2\"/><itemref idref=\"rights\"/>");
    e.put("OEBPS/content.opf", utf8(opf));
    // The nav lists the notes and a copyright page without EPUB semantics: one is read, not the other.
    e.put("OEBPS/nav.xhtml", utf8(Fixtures.NAV.replace("</ol>",
        "<li><a href=\"ch2.xhtml#notes\">Notes</a></li><li><a href=\"rights.xhtml\">Copyright</a></li></ol>")));
    Book b = parser.parse("door.epub", Fixtures.zip(e));
    assertEquals(List.of("The Door", "Chapter One: The Door", "Chapter Two", "Notes"), titles(b));
    String text = all(b);
    assertTrue(text.startsWith("For my mother, who opened every door."), text);
    assertFalse(text.contains("Sam Editor") || text.contains("High Street") || text.contains("Printed in"), text);
    assertTrue(text.endsWith("They walked home. | 1. The road home was the old one."), text);
  }

  /** A dedication's page that also carries the imprint, before the first listed chapter: the dedication is read, the imprint not. */
  @Test
  void epubImprintBeforeTheFirstChapterIsNotRead() {
    java.util.Map<String, byte[]> e = Fixtures.epubEntries(true);
    String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>x</title></head><body>";
    e.put("OEBPS/front.xhtml", utf8(head + "<p>For my mother, who opened every door.</p><p>First published 1911</p>"
        + "<p>Printed in Great Britain</p><p>LONDON: MACMILLAN AND CO.</p></body></html>"));
    String opf = new String(e.get("OEBPS/content.opf"), java.nio.charset.StandardCharsets.UTF_8)
        .replace("<item id=\"ch1\"", "<item id=\"front\" href=\"front.xhtml\" media-type=\"application/xhtml+xml\"/><item id=\"ch1\"")
        .replace("<itemref idref=\"ch1\"/>", "<itemref idref=\"front\"/><itemref idref=\"ch1\"/>");
    e.put("OEBPS/content.opf", utf8(opf));
    String text = all(parser.parse("door.epub", Fixtures.zip(e)));
    assertTrue(text.startsWith("For my mother, who opened every door. | "), text);
    assertFalse(text.contains("published") || text.contains("Printed") || text.contains("MACMILLAN"), text);
  }

  @Test
  void epub2ChaptersFromNcx() {
    DocumentParser.Document d = parser.read("door.epub", Fixtures.epub(false));
    assertEquals(List.of("The Door", "The Walk Home"), titles(d.book()));
    assertEquals(6, d.cover().length);
    offsetsPointIntoText(d);
  }

  @Test
  void htmlChaptersAtHeadings() {
    String html = """
        <!DOCTYPE html><html lang="en"><head><title>Night Walk</title>
        <meta name="author" content="A. Author"><style>p{}</style></head><body>
        <h1>Night Walk</h1>
        <h2>One</h2><p>The moon rose.<br>It was cold.</p><script>var x;</script>
        <h2>Two</h2><p>“Go home,” said Mary.</p><nav><a href="#">Next</a></nav>
        </body></html>""";
    DocumentParser.Document d = parser.read("walk.html", utf8(html));
    Book b = d.book();
    assertEquals("Night Walk", b.title());
    assertEquals("A. Author", b.author());
    assertEquals(List.of("One", "Two"), titles(b));
    assertEquals("The moon rose.\nIt was cold.", b.chapters().get(0).segments().get(0).text());
    assertEquals("Mary", b.chapters().get(1).segments().get(0).role());
    assertFalse(all(b).contains("var x") || all(b).contains("Next"));
    offsetsPointIntoText(d);
    // Sniffed by content, whatever the name says.
    assertEquals("html", parser.parse("walk", utf8(html)).source().format());
  }

  /**
   * Project Gutenberg's HTML numbers a chapter in one heading and titles it in the next ("CHAPTER
   * I." over "HER BIRTHDAY"): one chapter, titled by both, its title not lost. A by-line set as a
   * heading ("By Ann Example") names the author, not a chapter; the title page's "AUTHOR OF" is not read.
   */
  @Test
  void aChaptersNumberAndTitleInTwoHeadingsAreOneTitle() {
    String html = """
        <html><head><title>The Pony</title></head><body>
        <h1>THE PONY</h1><h2>By ANN EXAMPLE</h2><p class="center">AUTHOR OF "THE CART"</p>
        <h2>CHAPTER I.</h2><h3>HER BIRTHDAY</h3><p>The pony stood in the rain all morning.</p>
        <h2>CHAPTER II.</h2><h3>THE LETTER</h3><p>Nobody came to the gate until noon.</p>
        </body></html>""";
    Book b = parser.read("pony.html", utf8(html)).book();
    assertEquals(List.of("CHAPTER I. HER BIRTHDAY", "CHAPTER II. THE LETTER"), titles(b));
    assertFalse(all(b).contains("By ANN EXAMPLE") || all(b).contains("AUTHOR OF"), all(b));
    // a title complete in itself stays as it is; "By Moonlight" after the first chapter is a chapter
    String whole = """
        <html><body><h2>Chapter 1: The Storm</h2><h3>The Storm</h3><p>It rained all night.</p>
        <h2>By Moonlight</h2><p>The sea was calm at last.</p></body></html>""";
    assertEquals(List.of("Chapter 1: The Storm", "By Moonlight"), titles(parser.read("storm.html", utf8(whole)).book()));
  }

  /** Treasure Island's "<h2>I<br/>The Old Sea-dog</h2>": "I. The Old Sea-dog", the numeral not read as the word "I". */
  @Test
  void aNumeralAndATitleOnTwoLinesOfOneHeadingAreNumberAndTitle() {
    String html = """
        <html><body><h2>I<br/>The Old Sea-dog</h2><p>I remember him as if it were yesterday.</p>
        <h2>II<br/>Black Dog Appears</h2><p>It was not very long after this.</p>
        <h2>The Storm<br/>At Sea</h2><p>It rained all night.</p></body></html>""";
    assertEquals(List.of("I. The Old Sea-dog", "II. Black Dog Appears", "The Storm At Sea"),
        titles(parser.read("treasure.html", utf8(html)).book()));
  }

  /**
   * A page without paragraph or heading markup: paragraphs parted by "<br><br>", or a whole
   * text in {@code <pre>}; its lines that number chapters start them. Each reads as the same book.
   */
  @Test
  void htmlParagraphsPartedByBlankLinesAndChaptersNumberedInTheText() {
    String story = "CHAPTER I\n\nThe moon rose over the hill.\n\n\u201cGo home,\u201d said Mary.\n\n"
        + "\u201cNot yet,\u201d said Tom.\n\nCHAPTER II\n\nThe rain came\nat last.";
    String br = "<html><head><title>Night Walk</title></head><body><font>"
        + story.replace("\n\n", "<br><br>\n") + "</font></body></html>";
    String pre = "<html><head><title>Night Walk</title></head><body><pre>\n" + story + "\n</pre></body></html>";
    for (String html : List.of(br, pre)) {
      DocumentParser.Document d = parser.read("walk.html", utf8(html));
      Book b = d.book();
      assertEquals(List.of("CHAPTER I", "CHAPTER II"), titles(b), html);
      assertEquals(List.of("Narrator", "Mary", "Narrator", "Tom", "Narrator", "Narrator"),
          b.segments().map(Segment::role).toList(), html);
      assertEquals(List.of(0, 1, 1, 2, 2, 3), b.segments().map(Segment::paragraph).toList(), html);
      offsetsPointIntoText(d);
    }
  }

  @Test
  void anIllustrationsCaptionIsNotReadButAFigureOfTextIs() {
    String html = "<html><head><title>T</title></head><body><p>She ran.</p>"
        + "<figure><img src=\"p.jpg\" alt=\"Alice at tea.\"/><figcaption><p>Alice at tea.</p></figcaption></figure>"
        + "<figure><blockquote>Tyger Tyger, burning bright</blockquote><figcaption>William Blake</figcaption></figure>"
        + "<p>She stopped.</p></body></html>";
    String text = all(parser.parse("t.html", utf8(html)));
    assertFalse(text.contains("Alice at tea"), text);
    assertTrue(text.contains("Tyger Tyger, burning bright") && text.contains("William Blake"), text);
    assertTrue(text.contains("She ran.") && text.contains("She stopped."), text);
  }

  @Test
  void gutenbergsFramedPicturesAndTheirCaptionsAreNotReadButTheirNeighboursAre() {
    String html = "<html><head><title>T</title></head><body><p>She ran to the mill.</p>"
        + "<div class=\"figcenter\"><img src=\"i1.jpg\" alt=\"\"/><p class=\"caption\">“WHERE TO?” SAID THE DOG.</p></div>"
        + "<p class=\"figcenter\"><img src=\"i2.jpg\" alt=\"\"/><br/><span class=\"caption\">THE MILL</span></p>"
        + "<p><img src=\"i3.jpg\" alt=\"\"/></p><p class=\"caption\">The miller at his door.</p>"
        + "<p class=\"figleft\"><img src=\"t.jpg\" alt=\"T\"/>he dog barked at the miller.</p>"
        + "<div class=\"image\"><p>A long paragraph of the story in an oddly classed block, with no picture in it.</p></div>"
        + "<p class=\"caption\">A caption-classed line with no picture near it.</p>"
        + "<p>She stopped.</p></body></html>";
    String text = all(parser.parse("t.html", utf8(html)));
    for (String caption : List.of("WHERE TO", "THE MILL", "The miller at his door")) {
      assertFalse(text.contains(caption), caption + " read in: " + text);
    }
    for (String read : List.of("She ran to the mill.", "The dog barked at the miller.", "oddly classed block",
        "no picture near it", "She stopped.")) {
      assertTrue(text.contains(read), read + " not read in: " + text);
    }
  }

  @Test
  void aStrayTabInsideAWordIsNoWordBreak() {
    String html = "<html><head><title>T</title></head><body><p>\"No,\" thought Ali\tce; the mag\tic b\tottle "
        + "stood there.\tThen she left.</p><p>Name\tAge\t42</p></body></html>";
    String text = all(parser.parse("t.html", utf8(html)));
    assertTrue(text.contains("thought Alice; the magic bottle stood there. Then she left."), text);
    assertTrue(text.contains("Name Age 42"), "tabs beside capitals or digits still part words: " + text);
  }

  @Test
  void pdfWithoutHeadersFootersPageNumbersOrHyphens() throws Exception {
    byte[] pdf;
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
      String[][] pages = {
          {"CHAPTER 1", "The station was empty when Clara arrived. She waited for", "the last train in the cold and watched the snow fall on the tracks until her", "feet were numb and the clock struck mid-", "night over the sleeping town."},
          {"She walked back along the river. The lamps were out and the water was", "black and quiet under the old stone bridge near the mill."}};
      for (int p = 0; p < pages.length; p++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          line(cs, font, 9, 72, 760, "The Night Train — A Novel");
          float y = 700;
          for (String l : pages[p]) {
            line(cs, font, 12, 72, y, l);
            y -= 15;
          }
          line(cs, font, 9, 300, 40, "Page " + (p + 1));
        }
      }
      doc.getDocumentInformation().setTitle("The Night Train");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      pdf = out.toByteArray();
    }
    DocumentParser.Document d = parser.read("train.pdf", pdf);
    Book b = d.book();
    String text = all(b);
    assertEquals("The Night Train", b.title());
    assertEquals(List.of("CHAPTER 1"), titles(b));
    assertFalse(text.contains("A Novel"), text);
    assertFalse(text.contains("Page"), text);
    assertTrue(text.contains("clock struck midnight over"), text);
    assertTrue(text.contains("She waited for the last train"), text);
    assertTrue(text.contains("She walked back along the river."), text);
    offsetsPointIntoText(d);
  }

  /** A PDF printed from a web page or a Word file keeps the file's name as its title: not the book's. */
  @Test
  void aPdfsTitleThatIsAFileNameIsNotTheBooks() throws Exception {
    for (String meta : List.of("the-visit.html", "Microsoft Word - visit.docx", "visit.odt")) {
      byte[] pdf = onePagePdf(meta, (cs, font) -> {
        line(cs, font, 24, 200, 700, "The Visit");
        line(cs, font, 12, 72, 640, "The harbour was quiet when Ellen came down to the boats.");
      });
      assertEquals("The Visit", parser.read("visit.pdf", pdf).book().title(), meta);
    }
  }

  /**
   * A play's title page set in h1s (title, author, persons) does not make chapters: its acts in h2s
   * do, and the persons, a heading over text of its own. The title page's lines are not read.
   */
  @Test
  void aTitlePageOfHeadingsAboveTheActsMakesNoChapters() {
    StringBuilder html = new StringBuilder("<html><head><title>The Visit</title></head><body>"
        + "<h1>THE VISIT</h1><p>A COMEDY IN THREE ACTS</p><h1>BY ARTHUR W. PINERO</h1><p>LONDON: 1912</p>"
        + "<h1>THE PERSONS OF THE PLAY</h1><p>ROPER, a man of business.</p><p>LADY JANE, his wife.</p>");
    for (String act : List.of("FIRST", "SECOND", "THIRD")) {
      html.append("<h2>THE ").append(act).append(" ACT</h2><p>A drawing-room. Afternoon.</p>");
      for (int i = 0; i < 6; i++) {
        html.append("<p>ROPER.</p><p>I have been thinking about the ").append(act.toLowerCase())
            .append(" matter, and I have come to a conclusion.</p><p>LADY JANE.</p><p>Then tell me.</p>");
      }
    }
    Book b = parser.parse("visit.html", utf8(html.append("</body></html>").toString()));
    assertEquals(List.of("THE PERSONS OF THE PLAY", "THE FIRST ACT", "THE SECOND ACT", "THE THIRD ACT"), titles(b));
    assertTrue(all(b).contains("LADY JANE, his wife."), all(b));
    assertFalse(all(b).contains("COMEDY") || all(b).contains("LONDON") || all(b).contains("PINERO"), all(b));
  }

  /**
   * A Distributed Proofreaders HTML book: a title page of headings (title, "A Novel", "BY", the author,
   * "AUTHOR OF ...", the year), a dedication, a contents table, an h2 preface, then a half-title h2 over
   * the numbered chapters in h3s, each a numeral over its title. The title page is not read nor made
   * chapters; the preface is one; each chapter is titled with its number and title.
   */
  @Test
  void aPrintedBooksFrontInHtmlReadsAsThePrintedBookDoes() {
    StringBuilder html = new StringBuilder("<html><head><title>The Project Gutenberg eBook of Katrine, by Elinor Lane"
        + "</title></head><body><h1>KATRINE</h1><h2>A Novel</h2><h3>BY</h3><h2>ELINOR LANE</h2>"
        + "<h3>AUTHOR OF &quot;NANCY STAIR&quot;</h3><h3>MCMIX</h3><h4>Published March, 1909.</h4>"
        + "<p><i>To</i> <b>Grant Schley</b></p><p>PARIS, 1909</p><h2>CONTENTS</h2>"
        + "<table><tr><td></td><td><a href=\"#PREFACE\">Preface</a></td><td>vii</td></tr>"
        + "<tr><td>I.</td><td><a href=\"#CH_I\">Under the Pines</a></td><td>1</td></tr>"
        + "<tr><td>II.</td><td><a href=\"#CH_II\">The Meeting</a></td><td>15</td></tr></table>"
        + "<h2>PREFACE</h2><p>It is difficult to tell the story of Irish folk intimately.</p><h2>KATRINE</h2>");
    for (String[] chapter : new String[][] {{"I", "UNDER THE PINES"}, {"II", "THE MEETING"}}) {
      html.append("<h3>").append(chapter[0]).append("</h3><h3>").append(chapter[1]).append("</h3>");
      for (int i = 0; i < 40; i++) {
        html.append("<p>Ravenel Mansion stands a good three miles from the north gate, approached by pines.</p>");
      }
    }
    Book b = parser.parse("katrine.html", utf8(html.append("</body></html>").toString()));
    assertEquals("Katrine", b.title());
    assertEquals(List.of("Katrine", "PREFACE", "I. UNDER THE PINES", "II. THE MEETING"), titles(b));
    assertTrue(all(b).startsWith("To Grant Schley | PARIS, 1909 | It is difficult"), all(b).substring(0, 200));
    assertFalse(all(b).contains("MCMIX") || all(b).contains("Published") || all(b).contains("AUTHOR"), all(b));
  }

  /**
   * An HTML title page's back and a publisher's catalogue before the story (its imprint over lines,
   * the impressions, "Made in U.S.A.", the series' prices and bindings) and a contents table whose
   * links are only its numerals: none read; the dedication is.
   */
  @Test
  void anHtmlBooksImprintCatalogueAndContentsAreNotRead() {
    StringBuilder html = new StringBuilder("<html><head><title>The Project Gutenberg eBook of The Pony, by Ann Example"
        + "</title></head><body><h1>THE PONY</h1><h2>By ANN EXAMPLE</h2>"
        + "<p>AUTHOR OF &quot;THE CART,&quot; &quot;THE GATE,&quot; &quot;THE LANE,&quot; &quot;THE BARN,&quot; ETC.</p>"
        + "<p>L.C. PAGE &amp; COMPANY<br>BOSTON&nbsp;&nbsp;&nbsp;PUBLISHERS</p><p><i>Copyright, 1902</i></p>"
        + "<p>Made in U.S.A.</p><table><tr><td>Twenty-seventh Impression, June, 1925</td></tr></table>"
        + "<p>CLINTON, MASS., U.S.A.</p><p>TO ALL THE FRIENDS OF THE PONY</p>"
        + "<h3>THE PONY BOOKS</h3><p>Limited popular editions, each, cloth 12 mo. Illustrated</p>"
        + "<table><tr><td>The Pony's House Party</td><td>$1.00</td></tr><tr><td>The Pony's Holidays</td><td>$1.00</td></tr>"
        + "<tr><td>The Pony at School</td><td>$1.00</td></tr></table>"
        + "<h2>CONTENTS</h2><table><tr><td>CHAPTER</td><td>PAGE</td></tr>"
        + "<tr><td><a href=\"#I\">I.</a></td><td>HER BIRTHDAY</td><td>11</td></tr>"
        + "<tr><td><a href=\"#II\">II.</a></td><td>THE LETTER</td><td>25</td></tr>"
        + "<tr><td><a href=\"#III\">III.</a></td><td>THE GATE</td><td>41</td></tr></table>"
        + "<h2>THE PONY</h2><p>(Trade Mark)</p>");
    for (String chapter : List.of("CHAPTER I.", "CHAPTER II.", "CHAPTER III.")) {
      html.append("<h2>").append(chapter).append("</h2>");
      for (int i = 0; i < 20; i++) {
        html.append("<p>The pony stood in the rain all morning, and nobody came to the gate until noon.</p>");
      }
    }
    Book b = parser.parse("pony.html", utf8(html.append("</body></html>").toString()));
    assertEquals(List.of("The Pony", "CHAPTER I.", "CHAPTER II.", "CHAPTER III."), titles(b));
    assertTrue(all(b).startsWith("TO ALL THE FRIENDS OF THE PONY | The pony stood"), all(b).substring(0, 120));
  }

  /**
   * A play's HTML as Project Gutenberg's transcribers make it: their note on the edition, their
   * contents, the printed title page in its own div, the author's other works before the imprint.
   * None of it read; the persons of the play and the speeches are, a speech by several persons
   * together ("Bland, de Castro, and Roper.") in their name.
   */
  @Test
  void aPlaysHtmlReadsFromItsPersonsOnAndItsGroupsSpeak() {
    StringBuilder html = new StringBuilder("<html><head><title>The Project Gutenberg eBook of The Hostess, by Mary Fenwick"
        + "</title></head><body><div class=\"mynote\"><p>This text uses utf-8 (unicode) file encoding. If the"
        + " quotation marks in this paragraph appear as garbage, change your browser's font.</p></div>"
        + "<div class=\"titlepage\"><h1>THE</h1><h1>HOSTESS</h1></div>"
        + "<div class=\"contents\"><h5>Contents</h5><p><a href=\"#a1\">First Act</a>: <i>a drawing-room</i></p>"
        + "<p><a href=\"#a2\">Second Act</a>: <i>the same, later</i></p><p><a href=\"#a3\">Third Act</a>: <i>a garden</i></p></div>"
        + "<h4>THE PLAYS OF MARY FENWICK</h4><table><tr><td>THE SEA WALL</td></tr><tr><td>THE LATE VISITOR</td></tr></table>"
        + "<p>A Limited Edition of this play on hand-made paper, with a new portrait, 10s net.</p>"
        + "<h1>THE HOSTESS</h1><h5>A COMEDY</h5><h4>By MARY FENWICK</h4><h6>Copyright 1911</h6>"
        + "<h4>THE PERSONS OF THE PLAY</h4><p>Roper</p><p>Bland</p><p>Sam de Castro</p>");
    String[] speakers = {"Roper", "Bland", "De Castro"};
    for (int act = 1; act <= 3; act++) {
      html.append("<h3 id=\"a").append(act).append("\">THE ").append(List.of("FIRST", "SECOND", "THIRD").get(act - 1))
          .append(" ACT</h3>");
      for (int i = 0; i < 12; i++) {
        html.append("<p class=\"speaker\">").append(speakers[i % 3]).append(".</p><p>Another line of the play, then.</p>");
      }
    }
    html.append("<p class=\"speaker\">Bland, de Castro, and Roper.</p><p>Hear, hear!</p></body></html>");
    Book b = parser.parse("hostess.html", utf8(html.toString()));
    String all = all(b);
    assertTrue(all.startsWith("Roper | Bland | Sam de Castro | Another line"), all.substring(0, 160));
    assertEquals("Bland, de Castro, and Roper", b.segments().filter(s -> s.text().equals("Hear, hear!")).findFirst()
        .orElseThrow().role());
  }

  /**
   * A play in HTML whose speakers' names stand in italics alone over their verse ("<p><i>Ogre</i></p>",
   * "<i>Princess sings</i>"), after a transcriber's bracketed note, a title page whose lines are set
   * over line breaks ("The RESCUE<br>of the<br>PRINCESS"), a publisher's imprint over lines and a
   * contents of one-link paragraphs: the names speak, none of the front is read.
   */
  @Test
  void anHtmlPlaysItalicNamesSpeakAndItsFrontIsNotRead() {
    StringBuilder html = new StringBuilder("<html><head><title>The Project Gutenberg eBook of The Lost Prince, by Ann Example"
        + "</title></head><body><p>[Transcriber's Note: The songs in this book were set with the lyrics under the music."
        + " They have been put into lyric form in the text.]</p><h1>The LOST<br>PRINCE</h1><h4>BY<br>ANN EXAMPLE</h4>"
        + "<p>Author of \"The Sea Wall,\" \"The Late Visitor,\" etc.</p><h4>MUSIC BY<br>SAM EXAMPLE</h4>"
        + "<p>BOSTON<br>L. C. DUNMORE &amp; COMPANY<br>1908</p><p>By L. C. Dunmore &amp; Company<br>(INCORPORATED)</p>"
        + "<h2>Contents</h2><p class=\"toc\"><a href=\"#a1\">ACT I.</a></p><p class=\"toc\"><a href=\"#a2\">ACT II.</a></p>"
        + "<h2>Songs</h2><p class=\"toc\"><a href=\"#s1\">The Wheel Song</a></p><p class=\"toc\"><a href=\"#s2\">The Dove Song</a></p>");
    for (int act = 1; act <= 2; act++) {
      html.append("<h2 id=\"a").append(act).append("\">ACT ").append(act == 1 ? "I." : "II.").append("</h2>");
      for (String[] line : List.of(new String[] {"Ogre", "Ha, old witch, the deed is done!"},
          new String[] {"Witch", "Why didst thou do so wicked a thing?"},
          new String[] {"Princess sings", "Spin, my wheel, spin round and round."})) {
        html.append("<p class=\"c\"><i>").append(line[0]).append("</i></p><p class=\"i2\">").append(line[1]).append("</p>");
      }
    }
    Book b = parser.parse("prince.html", utf8(html.append("<p><i>The End</i></p></body></html>").toString()));
    String all = all(b);
    assertTrue(all.startsWith("Ha, old witch"), all.substring(0, 120));
    assertEquals("Ogre", b.segments().filter(s -> s.text().startsWith("Ha, old")).findFirst().orElseThrow().role());
    Segment song = b.segments().filter(s -> s.text().startsWith("Spin, my")).findFirst().orElseThrow();
    assertEquals("Princess", song.role());
    assertEquals("sings", song.delivery());
    assertTrue(all.endsWith("The End"), "italics that name no speaker are read as they stand: " + all);
  }

  /** Gutenberg's HTML sets its contents' title in a contents-classed paragraph over the entries: neither is read. */
  @Test
  void anHtmlContentsTitleInAContentsParagraphIsNotRead() {
    StringBuilder html = new StringBuilder("<html><head><title>The Project Gutenberg eBook of The Old Mill, by Ann Example"
        + "</title></head><body><h1>THE OLD MILL</h1><h2>By Ann Example</h2>"
        + "<blockquote><p class=\"toc\"><big><b>CONTENTS</b></big></p>");
    for (int c = 1; c <= 3; c++) {
      html.append("<p class=\"toc\"><a href=\"#ch").append(c).append("\">Chapter ").append(c).append("</a></p>");
    }
    html.append("</blockquote>");
    for (int c = 1; c <= 3; c++) {
      html.append("<h2 id=\"ch").append(c).append("\">Chapter ").append(c).append("</h2><p>The wheel turned, and the miller")
          .append(" counted the sacks of the morning, one after another, until the light went out of the yard.</p>");
    }
    Book b = parser.parse("mill.html", utf8(html.append("</body></html>").toString()));
    String all = all(b);
    assertFalse(all.contains("CONTENTS"), all);
    assertTrue(all.startsWith("The wheel turned"), all);
    assertEquals(List.of("Chapter 1", "Chapter 2", "Chapter 3"), b.chapters().stream().map(Chapter::title).toList());
  }

  /** A Project Gutenberg page: the e-text's makers under its header and its title with a subtitle are not read. */
  @Test
  void anHtmlBooksMakersAndSubtitledTitleAreNotRead() {
    StringBuilder html = new StringBuilder("<html><head><title>The Project Gutenberg eBook of The Old Mill, by Ann Example"
        + "</title></head><body><pre>Title: The Old Mill\nAuthor: Ann Example\n"
        + "*** START OF THE PROJECT GUTENBERG EBOOK THE OLD MILL ***</pre>"
        + "<p>Transcribed from the 1908 Dunmore and Sons edition by Sam Example, email sam@example.org</p>"
        + "<h1>THE OLD MILL<br>or<br>A SUMMER BY THE RIVER</h1><p>by<br>ANN EXAMPLE,<br>author of &#8216;the sea wall.&#8217;</p>"
        + "<p>TENTH IMPRESSION</p><p>All rights reserved</p>");
    for (String chapter : List.of("CHAPTER I", "CHAPTER II")) {
      html.append("<h2>").append(chapter).append("</h2>");
      for (int i = 0; i < 8; i++) {
        html.append("<p>The wheel turned all morning, and nobody came down to the river until noon.</p>");
      }
    }
    Book b = parser.parse("mill.html", utf8(html.append("</body></html>").toString()));
    assertEquals(List.of("CHAPTER I", "CHAPTER II"), titles(b));
    assertTrue(all(b).startsWith("The wheel turned"), all(b).substring(0, 100));
  }

  /**
   * Classes that mark what is not read mark it only where they mean it: a story in a div of class
   * "contents" with a few links beside it, DocBook's chapters whose headings stand in a "titlepage"
   * div, a diary's days and a play's directions in italics alone in their paragraphs.
   */
  @Test
  void classesAndItalicsMarkOnlyWhatTheyMean() {
    StringBuilder story = new StringBuilder("<html><head><title>The Ferry</title></head><body><div class=\"contents\">"
        + "<p><a href=\"prev.html\">Previous</a> <a href=\"index.html\">Index</a> <a href=\"next.html\">Next</a></p>");
    for (int i = 0; i < 12; i++) {
      story.append("<p>The ferry crossed the bay twice a day, and Ellen watched it from the harbour wall.</p>");
    }
    assertTrue(all(parser.parse("ferry.html", utf8(story.append("</div></body></html>").toString()))).contains("The ferry crossed"));
    String docbook = "<html><head><title>The Orchard Book</title></head><body><div class=\"book\"><div class=\"titlepage\">"
        + "<h1 class=\"title\">The Orchard Book</h1></div>";
    for (String chapter : List.of("Planting", "Pruning", "Picking")) {
      docbook += "<div class=\"chapter\"><div class=\"titlepage\"><h2 class=\"title\">" + chapter + "</h2></div>"
          + "<p>The trees wanted care in every season of the year, and the orchard gave it back.</p>".repeat(5) + "</div>";
    }
    assertEquals(List.of("Planting", "Pruning", "Picking"),
        titles(parser.parse("orchard.html", utf8(docbook + "</div></body></html>"))));
    StringBuilder diary = new StringBuilder("<html><head><title>A Diary</title></head><body>");
    for (int week = 0; week < 2; week++) {
      for (String day : List.of("Monday", "Tuesday", "Wednesday")) {
        diary.append("<p><i>").append(day).append("</i></p><p>It rained all morning, and in the afternoon I walked"
            + " down to the village for the letters, which were not there.</p>");
      }
    }
    Book days = parser.parse("diary.html", utf8(diary.append("</body></html>").toString()));
    assertEquals(List.of("Narrator"), days.roles().stream().map(r -> r.name()).toList());
    assertTrue(all(days).startsWith("Monday | It rained"), all(days).substring(0, 60));
  }

  /**
   * A title page's words where there is no title page: a page without headings whose story mentions
   * the publisher and a year, chapters titled by years, a contents list of paragraphs over chapters
   * numbered in paragraphs. All read as they stand.
   */
  @Test
  void aTitlePagesWordsInAnHtmlStoryAreTheStorys() {
    String story = all(parser.parse("story.html", utf8("<html><head><title>The Deadline</title></head><body>"
        + "<p>The telephone rang at six. It was the printer, and he was angry, and he wanted the man in charge.</p>"
        + "<p>She put him through to the publisher.</p><p>1914</p><p>Time, she knew, was limited.</p>"
        + "<p>By Moonlight</p><p>Copyright was the least of their worries now.</p></body></html>")));
    for (String kept : List.of("publisher.", "1914", "limited.", "By Moonlight", "Copyright was")) {
      assertTrue(story.contains(kept), kept + " is lost: " + story);
    }
    Book years = parser.parse("diary.html", utf8("<html><head><title>A War Diary</title></head><body><h1>A War Diary</h1>"
        + "<h2>1914</h2><p>The war began in August.</p><h2>1915</h2><p>The winter was hard.</p>"
        + "<h2>1916</h2><p>In July the lists were posted.</p></body></html>"));
    assertEquals(List.of("1914", "1915", "1916"), titles(years));
    String contents = all(parser.parse("deadline.html", utf8("<html><head><title>The Deadline</title></head><body>"
        + "<h2>Contents</h2><p><a href=\"#c1\">CHAPTER I.</a> The Call</p><p><a href=\"#c2\">CHAPTER II.</a> The Wait</p><hr/>"
        + "<p id=\"c1\">CHAPTER I.</p><p>“Who is it?” she asked.</p><p>“The printer,” said the boy.</p>"
        + "<p id=\"c2\">CHAPTER II.</p><p>They waited all night.</p></body></html>")));
    assertTrue(contents.contains("Who is it?") && contents.contains("The printer,"), contents);
  }

  /** A novel in parts: its chapters are the chapters, each part said with its first one. */
  @Test
  void aNovelsPartsHoldItsChapters() {
    StringBuilder html = new StringBuilder("<html><head><title>A Novel</title></head><body><h1>A NOVEL</h1>");
    for (String part : List.of("PART I", "PART II")) {
      html.append("<h2>").append(part).append("</h2>");
      if (part.equals("PART II")) {
        html.append("<p>Ten years had passed, and the town had grown.</p>");
      }
      for (int c = 1; c <= 2; c++) {
        html.append("<h3>CHAPTER ").append(c).append("</h3>");
        if (c == 1) {
          html.append("<h4>THE RAIN</h4>");
        }
        for (int i = 0; i < 3; i++) {
          html.append("<p>The rain fell on the roofs of the town for hours, in ").append(part).append(".</p>");
        }
      }
    }
    Book b = parser.parse("novel.html", utf8(html.append("</body></html>").toString()));
    // a part's own introduction is a chapter of the part's title; a chapter's subtitle is its title's
    assertEquals(List.of("PART I, CHAPTER 1. THE RAIN", "CHAPTER 2", "PART II", "CHAPTER 1. THE RAIN",
        "CHAPTER 2"), titles(b));
    assertFalse(all(b).contains("CHAPTER") || all(b).contains("THE RAIN"), all(b));
    assertTrue(all(b).startsWith("The rain fell"), all(b));
    assertTrue(all(b).contains("Ten years had passed"), all(b));
  }

  /**
   * A Christmas Carol as Project Gutenberg's HTML sets it: a title page in headings, one of them at the
   * staves' level ("A Ghost Story of Christmas"), a PREFACE heading deeper than the staves', each stave's
   * title in a heading under its number, and pictures with their titles in a heading under them.
   */
  @Test
  void aTitlePageInHeadingsAPrefaceAndStavesWithTheirTitlesAndPictures() {
    String html = "<html><head><title>The Project Gutenberg eBook of A Christmas Carol, by Charles Dickens</title></head>"
        + "<body><center><h1>A CHRISTMAS CAROL</h1><div><h3>IN PROSE</h3><h5>BEING</h5><h2><i>A Ghost Story of Christmas</i>"
        + "</h2></div><div><h5>BY</h5><h2>CHARLES DICKENS</h2></div><div><h4>WITH ILLUSTRATIONS BY JOHN LEECH</h4></div>"
        + "<h3>PREFACE</h3></center><p>I have endeavoured in this Ghostly little book to raise the Ghost of an Idea.</p>"
        + "<p>C. D.</p>"
        + "<center><h2>STAVE ONE.</h2><hr><h4>MARLEY'S GHOST.</h4></center><p>Marley was dead: to begin with.</p>"
        + "<center><img src=\"01.jpg\" alt=\"Marley's Ghost\"><h4><i>Marley's Ghost</i></h4></center>"
        + "<p>The same face: the very same.</p>"
        + "<center><img src=\"02.jpg\" alt=\"\"><br><p>Mr. Fezziwig's Ball</p></center>"
        + "<div><img src=\"head.jpg\" alt=\"\"><h2>STAVE TWO.</h2></div><h4>THE FIRST OF THE THREE SPIRITS.</h4>"
        + "<p>When Scrooge awoke, it was so dark.</p>"
        + "<div class=\"figcenter\"><img src=\"head2.jpg\" alt=\"The Last of the Spirits\"><h2>THE LAST OF THE SPIRITS</h2></div>"
        + "<p>The Phantom slowly, gravely, silently approached.</p></body></html>";
    Book b = parser.parse("carol.html", utf8(html));
    assertEquals(List.of("PREFACE", "STAVE ONE. MARLEY'S GHOST.", "STAVE TWO. THE FIRST OF THE THREE SPIRITS.",
        "THE LAST OF THE SPIRITS"), titles(b));
    assertEquals("I have endeavoured in this Ghostly little book to raise the Ghost of an Idea. | C. D. | Marley was dead:"
        + " to begin with. | The same face: the very same. | When Scrooge awoke, it was so dark."
        + " | The Phantom slowly, gravely, silently approached.", all(b));
  }

  /**
   * A play in HTML whose speakers' names open their paragraphs in italics ("<p><i>Terentia.</i> Quid est?</p>"):
   * speakers, their directions narrated; a note opening in italics in a book that is no play is read as it is.
   */
  @Test
  void aPlaysItalicNamesBeforeTheirSpeechesAreSpeakers() {
    String html = "<html><head><title>A Roman Wedding</title></head><body><h1>A ROMAN WEDDING</h1>"
        + "<p>Let the curtain be raised, showing the atrium of a Roman house.</p>"
        + "<p><i>M. Cic.</i> O wretched republic! Why do you hesitate, citizens?</p>"
        + "<p><i>Terentia.</i> What is it? Look, Marcipor!</p>"
        + "<p><i>Terentia</i> (groaning). Gather up, Philotimus, all the pieces. (Exit Phil.)</p>"
        + "<p><i>M. Cic.</i> (proceeding with his practicing). And this too was done by me alone.</p>"
        + "<p><i>Terentia.</i> It is nothing!</p></body></html>";
    Book b = parser.parse("wedding.html", utf8(html));
    assertEquals(List.of("Narrator", "M. Cic", "Terentia", "Terentia", "Narrator", "Narrator", "M. Cic",
        "Terentia"), b.segments().map(Segment::role).toList(), all(b));
    assertEquals("groaning", b.segments().filter(s -> s.text().startsWith("Gather up")).findFirst().orElseThrow().delivery());
    String note = "<html><head><title>T</title></head><body><p>She ran.</p><p><i>Note.</i> The text follows the first"
        + " edition.</p><p>She stopped.</p></body></html>";
    assertEquals("She ran. | Note. The text follows the first edition. | She stopped.", all(parser.parse("t.html", utf8(note))));
  }

  /** Parts by other names ("PHASE THE FIRST: THE MAIDEN", "VOLUME II") hold their chapters as parts do. */
  @Test
  void partsByOtherNamesHoldTheirChapters() {
    for (List<String> parts : List.of(List.of("PHASE THE FIRST: THE MAIDEN", "PHASE THE SECOND: MAIDEN NO MORE"),
        List.of("VOLUME I", "VOLUME II"), List.of("THE FIRST PERIOD", "THE SECOND PERIOD"))) {
      StringBuilder html = new StringBuilder("<html><head><title>Tess</title></head><body><h1>TESS</h1>");
      for (String part : parts) {
        html.append("<h2>").append(part).append("</h2>");
        for (String c : List.of("I", "II")) {
          html.append("<h3>").append(c).append("</h3><p>The rain fell on the roofs of the town, in ").append(part)
              .append(".</p><p>Then it stopped.</p>");
        }
      }
      Book b = parser.parse("tess.html", utf8(html.append("</body></html>").toString()));
      assertEquals(List.of(parts.get(0) + ", I", "II", parts.get(1) + ", I", "II"), titles(b));
    }
  }

  /**
   * A newer Project Gutenberg page: markers in their own blocks, a drop cap drawn as a picture, an
   * editor's note on the e-text in brackets.
   */
  @Test
  void gutenbergHtmlWithPictureDropCap() {
    String html = "<html><head><title>The Project Gutenberg eBook of Emma, by Jane Austen</title></head>"
        + "<body><div id=\"pg-header\"><p>This ebook is for the use of anyone anywhere.</p>"
        + "<div>*** START OF THE PROJECT GUTENBERG EBOOK EMMA ***</div></div>"
        + "<center>[Project Gutenberg Editor's Note: <a href=\"#x\"><b>There is also another version of<br>"
        + "this work scanned from a different edition</b></a>]</center>"
        + "<h1>EMMA</h1><h2>CONTENTS</h2><p><a href=\"#c1\">CHAPTER I</a> <a href=\"#c2\">CHAPTER II</a>"
        + " <a href=\"#c3\">CHAPTER III</a></p>"
        + "<h2 id=\"c1\">CHAPTER I</h2><p><img src=\"e.jpg\" alt=\"E\">mma Woodhouse, handsome, clever,"
        + " and rich, seemed to unite some of the best blessings of existence.</p>"
        + "<div class=\"figcenter\"><img src=\"i.jpg\" alt=\"\"><span class=\"caption\">[Illustration: Emma at"
        + " the door]</span></div>"
        + "<h2 id=\"c2\">CHAPTER II</h2><p>Mr. Weston was a native of Highbury.</p>"
        + "<h2 id=\"c3\">CHAPTER III</h2><p>Mr. Woodhouse was fond of society in his own way.</p>"
        + "<div id=\"pg-footer\"><div>*** END OF THE PROJECT GUTENBERG EBOOK EMMA ***</div>"
        + "<p>Updated editions will replace the previous one.</p></div></body></html>";
    Book b = parser.parse("emma.html", utf8(html));
    assertEquals("Emma", b.title());
    assertEquals("Jane Austen", b.author());
    assertEquals(List.of("CHAPTER I", "CHAPTER II", "CHAPTER III"), titles(b));
    String text = all(b);
    assertTrue(text.startsWith("Emma Woodhouse, handsome"), text);
    assertFalse(text.contains("ebook") || text.contains("Updated editions") || text.contains("CONTENTS")
        || text.contains("Illustration") || text.contains("another version"), text);
  }

  /** Two columns at the same heights: read down the left column, then the right one. */
  @Test
  void pdfTwoColumnsAreReadInOrder() throws Exception {
    String[] left = {"The left column opens the story and runs", "down the page line after line until it",
        "reaches the foot of the column at last."};
    String[] right = {"The right column goes on from there and", "it too runs down the page to the very",
        "end of the second column of the page."};
    byte[] pdf = onePagePdf(null, (cs, font) -> {
      for (int i = 0; i < left.length; i++) {
        line(cs, font, 10, 50, 700 - i * 12, left[i]);
      }
      for (int i = 0; i < right.length; i++) {
        line(cs, font, 10, 320, 700 - i * 12, right[i]);
      }
    });
    String text = all(parser.parse("columns.pdf", pdf)).replace(" | ", " ");
    assertTrue(text.contains(String.join(" ", left)), text);
    assertTrue(text.contains(String.join(" ", right)), text);
    assertTrue(text.indexOf("foot of the column") < text.indexOf("The right column"), text);
  }

  /**
   * A Project Gutenberg page printed to PDF (no bookmarks): its header, credits and licence are not read,
   * nor its title page's imprint; its title and author come from the page's title, as in the HTML.
   */
  @Test
  void aGutenbergPagePrintedToPdfReadsAsItsHtml() throws Exception {
    String[] paragraphs = {"Title: The Pony", "*** START OF THE PROJECT GUTENBERG EBOOK THE PONY ***",
        "Produced by Ann Volunteer and the Online Distributed Proofreading Team.", "THE PONY", "Copyright, 1902",
        "CHAPTER I.", "The pony stood in the rain all morning, and nobody came.",
        "*** END OF THE PROJECT GUTENBERG EBOOK THE PONY ***", "Section 1. General Terms of Use"};
    byte[] pdf = onePagePdf("The Project Gutenberg eBook of The Pony, by Ann Example.", (cs, font) -> {
      for (int i = 0; i < paragraphs.length; i++) {
        line(cs, font, 11, 72, 720 - i * 36, paragraphs[i]); // a paragraph's gap, as a printed page leaves
      }
    });
    Book b = parser.parse("pony.pdf", pdf);
    assertEquals("The Pony", b.title());
    assertEquals("Ann Example", b.author());
    assertEquals("The pony stood in the rain all morning, and nobody came.", all(b));
  }

  /**
   * A book of stories printed from a browser (no bookmarks): the contents list is not read; each story's
   * numbered title in capitals, set barely larger than the text, opens a chapter, and the "I." under it
   * says nothing new; a drop cap does not make its line a heading that parts the paragraph.
   */
  @Test
  void aPrintedBookOfStoriesHasItsStoriesAsChapters() throws Exception {
    String[] door = {"he door was blue, and it had been blue for as long as anybody in the", "village could remember, "
        + "since the days when the mill still turned and the", "river ran high every spring, and nobody thought "
        + "about it at all, not", "the baker and not the miller and not the children who ran past it on",
        "their way to the school by the church on the green at the top of the", "hill."};
    String[] green = {"Then one morning it was green, and the whole village came out to see it", "and to say so, "
        + "the baker first and the miller after him, and the", "children last of all, because they had to be "
        + "fetched from their", "beds by their mothers, who had gone to look at the door before them",
        "and had forgotten all about the children in their hurry to see the", "door."};
    String[] gate = {"The gate was red, and it stood at the end of the lane where the road", "turned to the hills, "
        + "and it had never once been shut in the memory of", "anyone who lived in the lane or walked up to "
        + "the hills on a", "Sunday, nor had anyone ever asked who had hung it there, or why it", "was red and "
        + "not green or blue like the door at the other end of the", "village."};
    byte[] pdf = onePagePdf("Tales of the Village", (cs, font) -> {
      float[] y = {770};
      PageDrawing.Paragraph at = (size, x, lines) -> {
        y[0] -= 28; // a paragraph's gap, as a browser prints one
        for (int i = 0; i < lines.length; i++) {
          line(cs, font, size, i == 0 ? x : 72, y[0] -= i == 0 ? 0 : 14, lines[i]);
        }
      };
      at.draw(11, 72, "CONTENTS");
      at.draw(11, 72, "I. The Blue Door");
      at.draw(11, 72, "II. The Red Gate");
      at.draw(12.5f, 72, "STORY I. THE BLUE DOOR"); // an h3: barely larger than the text
      at.draw(11, 200, "I.");
      line(cs, font, 24, 72, y[0] - 28, "T"); // a drop cap, on the paragraph's first line
      at.draw(11, 88, door);
      at.draw(11, 200, "II.");
      at.draw(11, 72, green);
      at.draw(12.5f, 72, "STORY II. THE RED GATE");
      at.draw(11, 72, gate);
    });
    Book b = parser.parse("stories.pdf", pdf);
    assertEquals(List.of("STORY I. THE BLUE DOOR", "II.", "STORY II. THE RED GATE"), titles(b));
    assertEquals(("T" + String.join(" ", door) + " | " + String.join(" ", green) + " | " + String.join(" ", gate)),
        all(b));
  }

  /**
   * A Project Gutenberg HTML whose contents is a table of links ("CHAPTER I" ... "CHAPTER X" in rows of five under
   * "BOOK I"), printed by Chromium: the table is not read, and the book's own "CHAPTER I." after it opens the first
   * chapter.
   */
  @Test
  void aPrintedContentsTableOfLinksIsNotReadButTheFirstChapterIs(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    StringBuilder html = new StringBuilder("<html><head><title>The Long Room</title></head><body>"
        + "<h1>The Long Room</h1><h2>CONTENTS</h2>");
    for (int book = 1; book <= 2; book++) {
      html.append("<h3>BOOK ").append(book == 1 ? "I" : "II").append("</h3><table width=\"100%\"><tr>");
      for (int c = 1; c <= 10; c++) {
        html.append("<td width=\"20%\"><a href=\"#c").append(c).append("\">CHAPTER&nbsp;")
            .append(new String[] {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}[c - 1])
            .append("</a></td>").append(c % 5 == 0 ? "</tr><tr>" : "");
      }
      html.append("</tr></table>");
    }
    Book b = printedWithTwoChapters(dir, html.append("<h2>BOOK I.</h2>"), "c1", "CHAPTER I.", "c2", "CHAPTER II.");
    List<String> t = titles(b);
    assertEquals("CHAPTER II.", t.get(t.size() - 1), t.toString());
    assertTrue(t.get(t.size() - 2).endsWith("CHAPTER I."), t.toString());
    assertEquals(OPENING + " | " + OPENING, all(b));
  }

  private static final String OPENING = "It was a bright cold day in April, and the clocks were striking thirteen as the"
      + " family sat down to breakfast in the long room over the garden.";

  /** The page begun in {@code html}, two chapters of {@link #OPENING} after it, printed by Chromium and parsed. */
  private Book printedWithTwoChapters(Path dir, StringBuilder html, String id1, String title1, String id2, String title2)
      throws Exception {
    html.append("<h2 id=\"").append(id1).append("\">").append(title1).append("</h2><p>").append(OPENING).append("</p>")
        .append("<h2 id=\"").append(id2).append("\">").append(title2).append("</h2><p>").append(OPENING)
        .append("</p></body></html>");
    Path page = dir.resolve("room.html");
    Files.writeString(page, html);
    return parser.parse("room.pdf", Fixtures.printedByChromium(page.toUri()));
  }

  /**
   * Each chapter's number and title in headings of one level ("<h3>CHAPTER I</h3><h3>THERE IS NO ONE
   * LEFT</h3>"), after a contents table: the first chapter keeps its number too, as the others do.
   */
  @Test
  void theFirstChaptersNumberOverItsTitlesHeadingIsKept() {
    StringBuilder html = new StringBuilder("<html><head><title>Garden</title></head><body><h1>THE GARDEN</h1>"
        + "<h2>Contents</h2><table>");
    String[] n = {"I", "II", "III"};
    for (int i = 0; i < n.length; i++) {
      html.append("<tr><td> <a href=\"#chap0").append(i + 1).append("\">").append(n[i]).append(". TITLE ").append(n[i])
          .append("</a></td></tr>");
    }
    html.append("</table><p><br/><br/></p>");
    for (int i = 0; i < n.length; i++) {
      html.append("<p><a name=\"chap0").append(i + 1).append("\"></a></p> <h3>CHAPTER ").append(n[i])
          .append("</h3>\n<h3> TITLE ").append(n[i]).append(" </h3><p>").append(OPENING).append("</p>");
    }
    Book b = parser.parse("garden.html", utf8(html.append("</body></html>").toString()));
    assertEquals(List.of("CHAPTER I. TITLE I", "CHAPTER II. TITLE II", "CHAPTER III. TITLE III"), titles(b));
  }

  /**
   * A contents table of two cells, the chapters' numbers linked in one and their titles a line each in
   * the other (as Project Gutenberg's Kidnapped sets it): not read. A table of figures beside words stays.
   */
  @Test
  void aContentsTableOfLinkedNumbersBesideTitlesIsNotRead() {
    StringBuilder numbers = new StringBuilder();
    StringBuilder names = new StringBuilder();
    String[] n = {"I", "II", "III", "IV"};
    for (int i = 0; i < n.length; i++) {
      numbers.append("<a href=\"#c").append(i + 1).append("\"> CHAPTER ").append(n[i]).append(" </a> <br /><br />");
      names.append(" TITLE NUMBER ").append(n[i]).append(" OF THE BOOK <br /><br />");
    }
    StringBuilder html = new StringBuilder("<html><head><title>Kid</title></head><body><h1>KID</h1>"
        + "<table><tr><td>" + numbers + "</td><td>" + names + "</td></tr></table>");
    for (int i = 0; i < 2; i++) {
      html.append("<h2 id=\"c").append(i + 1).append("\">CHAPTER ").append(n[i]).append("</h2><p>").append(OPENING)
          .append("</p>");
    }
    html.append("<table><tr><td><a href=\"#c1\">Miles</a></td><td>12</td></tr><tr><td>Days</td><td>3</td></tr></table>");
    Book b = parser.parse("kid.html", utf8(html.append("</body></html>").toString()));
    assertEquals(List.of("CHAPTER I", "CHAPTER II"), titles(b));
    String text = all(b);
    assertFalse(text.contains("TITLE NUMBER") || text.contains("CHAPTER III"), text);
    assertTrue(text.startsWith(OPENING) && text.contains("Miles") && text.contains("Days"), text);
  }

  /**
   * An EPUB a converter made of a web page: its title names the author after a comma ("The Door, by Jane
   * Writer"), and its contents are paragraphs each a link into the book, under "CONTENTS" in bold.
   */
  @Test
  void aConvertedBooksTitleByItsAuthorAndParagraphsOfLinksAreNotRead() {
    Map<String, byte[]> e = Fixtures.epubEntries(true);
    e.put("OEBPS/content.opf", utf8(new String(e.get("OEBPS/content.opf"), StandardCharsets.UTF_8)
        .replace("<dc:title>The Door</dc:title>", "<dc:title>The Door, by Jane Writer</dc:title>")));
    StringBuilder links = new StringBuilder();
    for (String n : List.of("I", "II", "III", "IV")) {
      links.append("<p><a href=\"ch2.xhtml#c").append(n).append("\">Chapter ").append(n).append("</a></p>\n");
    }
    e.put("OEBPS/ch1.xhtml", utf8(Fixtures.CH1.replace("<h1>Chapter One: The Door</h1>",
        "<blockquote><p><strong>CONTENTS</strong></p><p><br/></p>" + links + "</blockquote><h1>Chapter One: The Door</h1>")));
    Book b = parser.parse("door.epub", Fixtures.zip(e));
    assertEquals("The Door", b.title());
    assertEquals("Jane Writer", b.author());
    String text = all(b);
    assertFalse(text.contains("CONTENTS") || text.contains("Chapter II"), text);
    assertTrue(text.startsWith("Anna opened the door."), text);
  }

  /**
   * A Gutenberg page printed by a browser: its title page's "[1867 Edition]" and an editor's note in
   * brackets are not read, nor the contents overleaf, a paragraph of links each ("CONTENTS" first, the
   * note's page ending in its bracket); the title names the author after a comma.
   */
  @Test
  void aPrintedEditorsNoteEditionAndContentsOverleafAreNotRead(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    StringBuilder html = new StringBuilder("<html><head><title>The Long Room, by Ann Example</title></head><body>"
        + "<h1>THE LONG ROOM</h1><h3>[1867 Edition]</h3><h2>by Ann Example</h2><br><br><br><br><br><br><br><br><br>"
        + "<br><br><br><br><br><br><br><br><br><br><br><br><br><br><h3><center>[Project Gutenberg Editor's Note: "
        + "There is also another version of<br>this work scanned from a different edition]</center></h3>"
        + "<blockquote style=\"page-break-before: always\"><p><b>CONTENTS</b></p><p><br></p>");
    for (String n : List.of("I", "II", "III", "IV", "V", "VI")) {
      html.append("<p><a href=\"#c").append(n).append("\">Chapter ").append(n).append("</a></p>");
    }
    Book b = printedWithTwoChapters(dir, html.append("</blockquote>"), "cI", "Chapter I", "cII", "Chapter II");
    assertEquals("The Long Room", b.title());
    assertEquals("Ann Example", b.author());
    assertEquals(List.of("Chapter I", "Chapter II"), titles(b));
    assertEquals(OPENING + " | " + OPENING, all(b));
  }

  /** What a test draws on a page. */
  interface PageDrawing {
    void draw(PDPageContentStream cs, PDType1Font font) throws Exception;

    /** A paragraph's lines drawn under the one before, a paragraph's gap apart. */
    interface Paragraph {
      void draw(float size, float x, String... lines) throws Exception;
    }
  }

  /** A PDF of one page in Times, drawn by the test, with its metadata title (or none). */
  static byte[] onePagePdf(String title, PageDrawing drawing) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        drawing.draw(cs, font);
      }
      if (title != null) {
        doc.getDocumentInformation().setTitle(title);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  static void line(PDPageContentStream cs, PDType1Font font, float size, float x, float y,
                   String text) throws Exception {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(text);
    cs.endText();
  }

  @Test
  void docxHeadingsAreChapters() throws Exception {
    byte[] docx = docx(doc -> {
      doc.getProperties().getCoreProperties().setTitle("The Letter");
      doc.getProperties().getCoreProperties().setCreator("Sam Penn");
      para(doc, "Heading1", "Beginnings");
      para(doc, null, "The letter came on Monday.");
      para(doc, null, "“Read it to me,” said Grandma.");
      para(doc, "Heading1", "Endings");
      para(doc, "Heading2", "A small part");
      para(doc, null, "Nobody answered it.");
    });
    DocumentParser.Document d = parser.read("letter.docx", docx);
    Book b = d.book();
    assertEquals("The Letter", b.title());
    assertEquals("Sam Penn", b.author());
    assertEquals(List.of("Beginnings", "Endings"), titles(b));
    assertEquals("The letter came on Monday.", b.chapters().get(0).segments().get(0).text());
    assertEquals("Grandma", b.chapters().get(0).segments().get(1).role());
    assertNull(b.chapters().get(0).segments().get(0).delivery());
    offsetsPointIntoText(d);
  }

  /**
   * A Word book's title page typed as paragraphs (title, "A Novel", by-line, copyright): the book's
   * title and author, not read; the dedication is.
   */
  @Test
  void aWordTitlePageTypedAsParagraphsIsTheTitleAndAuthor() throws Exception {
    byte[] docx = docx(doc -> {
      for (String line : List.of("KATRINE", "A Novel", "BY ELINOR LANE", "Copyright, 1909, by HARPER & BROTHERS.",
          "All rights reserved.", "To Grant Schley, dear and great friend.")) {
        para(doc, null, line);
      }
      for (String chapter : List.of("PREFACE", "I. UNDER THE PINES", "II. THE MEETING")) {
        para(doc, "Heading1", chapter);
        para(doc, null, "Ravenel Plantation occupies a singular rise of wooded land in North Carolina.");
      }
    });
    Book b = parser.parse("book.docx", docx);
    assertEquals("KATRINE", b.title());
    assertEquals("ELINOR LANE", b.author());
    assertEquals(List.of("KATRINE", "PREFACE", "I. UNDER THE PINES", "II. THE MEETING"), titles(b));
    assertTrue(all(b).startsWith("To Grant Schley, dear and great friend. | Ravenel"), all(b));
  }

  /** A Word novel in parts (Heading 1) and chapters (Heading 2): chapters, each part said with its first. */
  @Test
  void docxPartsHoldTheChapters() throws Exception {
    byte[] docx = docx(doc -> {
      for (String part : List.of("Part One", "Part Two")) {
        para(doc, "Heading1", part);
        for (String chapter : List.of("Chapter 1", "Chapter 2")) {
          para(doc, "Heading2", chapter);
          para(doc, null, "The letter came on Monday, in " + part + ".");
        }
      }
    });
    Book b = parser.read("novel.docx", docx).book();
    assertEquals(List.of("Part One, Chapter 1", "Chapter 2", "Part Two, Chapter 1", "Chapter 2"), titles(b));
    assertFalse(all(b).contains("Chapter"), all(b));
  }

  /**
   * A plain text saved as a Word document: each wrapped line a paragraph, empty ones between the
   * real paragraphs, chapters numbered in the text. It reads as the text does: a speech wrapped
   * over two lines is one quotation, with its speaker.
   */
  @Test
  void docxOfAWrappedPlainTextReadsAsTheText() throws Exception {
    byte[] docx = docx(doc -> {
      for (int c = 1; c <= 2; c++) {
        para(doc, null, "CHAPTER " + "I".repeat(c));
        para(doc, null, "");
        for (int i = 0; i < 8; i++) {
          para(doc, null, "The rain went on all afternoon, and the two of them sat by the");
          para(doc, null, "window of the kitchen, listening to the water in the gutters.");
          para(doc, null, "");
          para(doc, null, "\u201cWill the post come today, do you think?\u201d asked Anna, looking");
          para(doc, null, "out at the lane.");
          para(doc, null, "");
          para(doc, null, "\u201cNot before dark,\u201d said Tom.");
          para(doc, null, "");
        }
      }
    });
    DocumentParser.Document d = parser.read("rain.docx", docx);
    Book b = d.book();
    assertEquals(List.of("CHAPTER I", "CHAPTER II"), titles(b));
    List<Segment> first = b.chapters().get(0).segments();
    assertEquals("The rain went on all afternoon, and the two of them sat by the\nwindow of the kitchen,"
        + " listening to the water in the gutters.", first.get(0).text());
    assertEquals(List.of("Narrator", "Anna", "Narrator", "Tom", "Narrator"),
        first.subList(0, 5).stream().map(Segment::role).toList());
    assertEquals(List.of(0, 1, 1, 2, 2), first.subList(0, 5).stream().map(Segment::paragraph).toList());
    offsetsPointIntoText(d);
  }

  /**
   * Without heading styles, numbers in a table's cells, or numerals that do not count up, start
   * no chapter; "I", "II", "III" alone as paragraphs in order do.
   */
  @Test
  void docxNumeralsStartChaptersOnlyWhenTheyCountChapters() throws Exception {
    byte[] table = docx(doc -> {
      para(doc, null, "The figures for the year are set out below.");
      org.apache.poi.xwpf.usermodel.XWPFTable t = doc.createTable(3, 2);
      for (int r = 0; r < 3; r++) {
        t.getRow(r).getCell(0).setText(new String[] {"I", "II", "III"}[r]);
        t.getRow(r).getCell(1).setText("A row of the table with words in it.");
      }
      para(doc, null, "V");
      para(doc, null, "The end of the report.");
    });
    assertEquals(1, parser.parse("report.docx", table).chapters().size());
    byte[] novel = docx(doc -> {
      for (String n : List.of("I", "II", "III")) {
        para(doc, null, n);
        para(doc, null, "The rain went on all day, and nobody came to the door.");
      }
    });
    assertEquals(List.of("I", "II", "III"), titles(parser.parse("novel.docx", novel)));
  }

  /** A Word document as built. */
  static byte[] docx(java.util.function.Consumer<XWPFDocument> build) throws Exception {
    try (XWPFDocument doc = new XWPFDocument()) {
      build.accept(doc);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    }
  }

  static void para(XWPFDocument doc, String style, String text) {
    XWPFParagraph p = doc.createParagraph();
    if (style != null) {
      p.setStyle(style);
    }
    p.createRun().setText(text);
  }
}
