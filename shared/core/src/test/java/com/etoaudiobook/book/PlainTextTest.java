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

  /** A Project Gutenberg header up to its start line and the blank line under it. */
  private static String gutenbergHeader(String title, String author) {
    return "The Project Gutenberg EBook of " + title + ", by " + author + "\n\nTitle: " + title + "\n\nAuthor: " + author
        + "\n\n*** START OF THIS PROJECT GUTENBERG EBOOK " + title.toUpperCase(java.util.Locale.ROOT) + " ***\n\n";
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

  /**
   * An etext of the 1990s: no "Title:" field and no "*** START" line; its licence ends the header
   * ("*END*THE SMALL PRINT!...") and its first line names the book.
   */
  @Test
  void oldEtextHeaderWithItsLicenceIsNotRead() {
    String text = "*The Project Gutenberg Etext of The Mysterious Affair at Styles*\r\nby Agatha Christie\r\n\r\n"
        + "Copyright laws are changing all over the world, be sure to check\r\nthe laws for your country.\r\n\r\n"
        + "**Welcome To The World of Free Plain Vanilla Electronic Texts**\r\n\r\n"
        + "***START**THE SMALL PRINT!**FOR PUBLIC DOMAIN ETEXTS**START***\r\nWhy is this \"Small Print!\" statement here?\r\n\r\n"
        + "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\r\n\r\n\r\n\r\n"
        + "THE MYSTERIOUS AFFAIR AT STYLES \r\nAGATHA CHRISTIE\r\n\r\n\r\n"
        + "CHAPTER I. I GO TO STYLES\r\n\r\n" + PARAGRAPH
        + "\r\nEnd of the Project Gutenberg Etext of The Mysterious Affair at Styles\r\n";
    Book b = parse(text);
    assertEquals("The Mysterious Affair at Styles", b.title());
    assertEquals("Agatha Christie", b.author());
    assertEquals(List.of("CHAPTER I. I GO TO STYLES"), titles(b));
    String spoken = spoken(b);
    assertFalse(spoken.contains("Gutenberg") || spoken.contains("SMALL PRINT") || spoken.contains("Copyright")
        || spoken.contains("Vanilla") || spoken.contains("CHRISTIE"), spoken);
    assertTrue(spoken.startsWith("It was the best of times"), spoken);
  }

  /**
   * A contents list of one entry a block ("V. Possibilities of a Pleasant Outing" between blank lines, one
   * wrapped onto indented lines) is not read; the book's own first heading after it, numbered "I" again, is.
   */
  @Test
  void aContentsListOfOneEntryABlockIsNotReadUpToTheFirstChapter() {
    String text = gutenbergHeader("A Room", "E. M. Forster") + "CONTENTS:\n\nPART ONE\n\nI. The Bertolini\n\n"
        + "II. In Santa Croce with No Baedeker\n\nIII. The Reverend Arthur Beebe, the Reverend Cuthbert Eager,\n"
        + "       Mr. Emerson, Mr. George Emerson, Miss Eleanor Lavish, Drive\n       Out in Carriages\n\n"
        + "PART TWO\n\nIV. Medieval\n\nV. Lucy as a Work of Art\n\n\n\nPART ONE\n\n\nI. The Bertolini\n\n" + PARAGRAPH
        + "\nII. In Santa Croce with No Baedeker\n\n" + PARAGRAPH;
    Book b = parse(text);
    assertEquals(List.of("PART ONE, I. The Bertolini", "II. In Santa Croce with No Baedeker"), titles(b));
    assertEquals(PARAGRAPH.replace("\n", " ").strip() + " " + PARAGRAPH.replace("\n", " ").strip(),
        spoken(b).replace("\n", " "));
  }

  /**
   * A contents list of headings without titles ("THE PREFACE" over "CHAPTER I." to "CHAPTER XX.", each
   * line indented) is not read; the book's own headings after it are its chapters.
   */
  @Test
  void aContentsListOfBareChapterNumbersIsNotRead() {
    StringBuilder list = new StringBuilder(" THE PREFACE\n");
    for (String n : List.of("I", "II", "III", "IV", "V")) {
      list.append(" CHAPTER ").append(n).append(".\n");
    }
    String text = gutenbergHeader("The Portrait", "Ann Example") + "The Portrait\n\nby Ann Example\n\n\nContents\n\n"
        + list + "\n\n\n\nTHE PREFACE\n\n\n" + PARAGRAPH + "\n\n\nCHAPTER I.\n\n" + PARAGRAPH
        + "\n\n\nCHAPTER II.\n\n" + PARAGRAPH;
    Book b = parse(text);
    assertEquals(List.of("THE PREFACE", "CHAPTER I.", "CHAPTER II."), titles(b));
    assertFalse(spoken(b).contains("CHAPTER"), spoken(b));
  }

  /**
   * A list of plates, each entry wrapped over two lines with its page on the last ("OPPOSITE PAGE" over the
   * column), is not read; nor, before or after the header's credits, "Translated by", the title by its author
   * ("Persuasion by Jane Austen (1818)") or the header's first line again.
   */
  @Test
  void aListOfPlatesWithWrappedEntriesAndTheCreditsAfterTheTitleAreNotRead() {
    String text = gutenbergHeader("The Gambler", "Fyodor Dostoyevsky") + "THE GAMBLER\n\nBy\n\nFYODOR DOSTOYEVSKY\n"
        + "Translated by C. J. Hogarth\n\nE-text prepared by Martin Adamson\nmartin@example.org\n\n"
        + "COLOR PLATES\n\n\n                                OPPOSITE PAGE\n\n"
        + " I remember him as if it were yesterday as he came\n plodding to the inn door               50\n\n"
        + " \"Pew!\" he cried, \"they've been before us\"          51\n\n"
        + " \"Now, Morgan,\" said Long John, very sternly, \"you never\n clapped your eyes on that Black Dog, did you,\n"
        + " now?\"                                            82\n\n\n"
        + "I\n\n" + PARAGRAPH;
    Book b = parse(text);
    assertEquals(PARAGRAPH.replace("\n", " ").strip(), spoken(b).replace("\n", " "));
    String credits = gutenbergHeader("Hard Times", "Charles Dickens")
        + "Hard Times by Charles Dickens\nScanned and proofed by David Price  someone@example.org\n\n\n"
        + "Hard Times\n\n\nCHAPTER I - THE ONE THING NEEDFUL\n\n" + PARAGRAPH;
    b = parse(credits);
    assertEquals(List.of("CHAPTER I - THE ONE THING NEEDFUL"), titles(b));
    assertEquals(PARAGRAPH.replace("\n", " ").strip(), spoken(b).replace("\n", " "));
    b = parse(gutenbergHeader("Persuasion", "Jane Austen") + "The Project Gutenberg Etext of Persuasion by Jane Austen"
        + "\n\n\nPersuasion by Jane Austen (1818)\n\n\nChapter 1\n\n" + PARAGRAPH);
    assertEquals(List.of("Chapter 1"), titles(b));
    assertEquals(PARAGRAPH.replace("\n", " ").strip(), spoken(b).replace("\n", " "));
  }

  /**
   * Contents lists as other etexts set them: numbers in words under a part's heading ("TWENTY-ONE  THE
   * FERRY"); entries wrapped at the text's width, not indented; a list of illustrations an entry a block.
   * None is read; the preface after them is a chapter. The e-text's ", Complete" is not the title's, and
   * the author's name in brackets under the by-line is not read.
   */
  @Test
  void contentsInWordsWrappedEntriesAndIllustrationsAnEntryABlockAreNotRead() {
    String words = gutenbergHeader("The Lamplighters, Complete", "Ann Example") + "THE LAMPLIGHTERS\n\nBy Ann Example\n\n"
        + "(Anna Maria Exempla)\n\n\nCONTENTS\n\n\nPART 1\n\n          ONE  A WET MORNING\n          TWO  THE FERRY\n"
        + "        THREE  LETTERS\n\n\nPART 2\n\n   TWENTY-ONE  THE LANTERN MAKERS\n   TWENTY-TWO  THE YARD\n TWENTY-THREE  AN ENDING\n\n\n"
        + "CHAPTER ONE\n\nA WET MORNING\n\n" + PARAGRAPH;
    Book b = parse(words);
    assertEquals("The Lamplighters", b.title());
    assertEquals(List.of("CHAPTER ONE: A WET MORNING"), titles(b));
    assertEquals(PARAGRAPH.replace("\n", " ").strip(), spoken(b).replace("\n", " "));

    String wrapped = gutenbergHeader("The Lamplighters", "Ann Example") + "CONTENTS\n\n\n"
        + "CHAPTER I. A Wet Morning\u2014The Ferry Is Late\u2014Tom Waits by the River\nin the Rain\n\n"
        + "CHAPTER II. Letters\n\nCHAPTER III. The Lantern Makers\u2014A Quarrel in the Yard\u2014The Night\n"
        + "Watchman\u2014An Ending\n\n\n\nILLUSTRATIONS\n\n\nTom at the Ferry\n\nThe Yard\n\n\u201cNot Again!\u201d\n\n"
        + "Tail Piece\n\nThe Watchman\n\nAn Ending\n\n\n\nPREFACE\n\n\n" + PARAGRAPH + "\n\n\nCHAPTER I\n\n\n" + PARAGRAPH;
    b = parse(wrapped);
    assertEquals(List.of("PREFACE", "CHAPTER I"), titles(b));
    assertEquals(PARAGRAPH.replace("\n", " ").strip() + " " + PARAGRAPH.replace("\n", " ").strip(),
        spoken(b).replace("\n", " "));
  }

  /**
   * Chapters titled under arabic figures ("1.  The Storm"), far apart and rising from 1, are chapters;
   * a numbered list's items close together are not. The preface's title in small letters is a chapter,
   * its signature (the author's name, "L. Q. Baines", no chapter L) is read, and the book's title over
   * chapter 1 is not. A "[Project Gutenberg Editor's Note: ...]" is not read.
   */
  @Test
  void chaptersUnderArabicFiguresAndAPrefaceInSmallLettersAreChapters() {
    String chapter = (PARAGRAPH + "\n").repeat(10);
    String text = gutenbergHeader("Over the Hills", "L. Q. Baines") + "[Project Gutenberg Editor's Note: There is also\n"
        + "another version of this work.]\n\n\n                    Introduction\n\n\n" + PARAGRAPH + "\n\n"
        + "L. Q. Baines\n\n\n                    OVER THE HILLS\n\n\n               1.  The Storm\n\n\n" + chapter
        + "\n1. Take the lantern.\n\n2. Leave the gate open.\n\n3. Wait.\n\n" + chapter
        + "\n               2.  The Road Through the Forest\n\n\n" + chapter
        + "\n               3.  Home Again\n\n\n" + chapter;
    Book b = parse(text);
    assertEquals(List.of("Introduction", "1. The Storm", "2. The Road Through the Forest", "3. Home Again"),
        titles(b).stream().map(t -> t.replaceAll("\\s+", " ")).toList());
    String spoken = spoken(b);
    assertFalse(spoken.contains("OVER THE HILLS") || spoken.contains("Editor") || spoken.contains("another version"), spoken);
    assertTrue(spoken.contains("L. Q. Baines") && spoken.contains("1. Take the lantern.") && spoken.contains("3. Wait."), spoken);
  }

  /**
   * A recent e-text's first line, its cover picture's alt text ("cover"), is neither read nor the
   * title; a by-line under an edition's note in brackets still names the author; an editor's note
   * with a curly apostrophe is a note all the same.
   */
  @Test
  void aCoverLineIsNotReadNorTheTitle() {
    String chapter = (PARAGRAPH + "\n").repeat(3);
    Book cover = parse("\ncover\n\n\n\n\nThe Long Road\n\nby Ann Example\n\n\n\n\nChapter I\n\n" + chapter);
    assertEquals("The Long Road", cover.title());
    assertEquals("Ann Example", cover.author());
    assertFalse(spoken(cover).contains("cover"), spoken(cover));
  }

  /**
   * An e-text without its header, opening with its title page set apart by blank lines: the title, a
   * subtitle ("A Grotesque Romance", or "A Romance", a title page's own line), the by-line. The first
   * line is the title, the by-line the author; none of it is read.
   */
  @Test
  void aTitlePageWithoutAHeaderNamesTheBook() {
    String chapter = "CHAPTER I.\n\nTHE STRANGE MAN'S ARRIVAL\n\n" + (PARAGRAPH + "\n").repeat(3);
    for (String subtitle : List.of("A Grotesque Romance", "A Romance")) {
      Book b = parse("The Invisible Man\n\n" + subtitle + "\n\nby H. G. Wells\n\n" + chapter);
      assertEquals("The Invisible Man", b.title(), subtitle);
      assertEquals("H. G. Wells", b.author(), subtitle);
      assertFalse(spoken(b).contains("Invisible") || spoken(b).contains("Romance") || spoken(b).contains("Wells"), spoken(b));
    }
  }

  @Test
  void aBylineUnderAnEditionNoteIsTheAuthorAndACurlyEditorsNoteIsNotRead() {
    String chapter = (PARAGRAPH + "\n").repeat(3);
    Book edition = parse("THE LONG ROAD\n\n[1867 Edition]\n\nby Ann Example\n\n\n"
        + "[Project Gutenberg Editor’s Note: There is also another version of this work]\n\n\n\n\nChapter I\n\n" + chapter);
    assertEquals("Ann Example", edition.author());
    assertFalse(spoken(edition).contains("Editor") || spoken(edition).contains("1867"), spoken(edition));
  }

  /**
   * A dedication set over three blocks, "TO", the name and what is said of it in brackets: read, and no
   * chapter's title.
   */
  @Test
  void aDedicationOverBlocksIsReadAndTitlesNothing() {
    String text = gutenbergHeader("The Steps", "J. Example") + "THE STEPS\n\nby J. EXAMPLE\n\n\n\nTO\n\n"
        + "THOMAS ARCHER\n\n(ROYAL HORSE GUARDS)\n\nMy Dear Tom,\n\n" + PARAGRAPH + "\nJ.E.\n\n\n\nCHAPTER ONE\n"
        + "The Man Who Died\n\n" + PARAGRAPH;
    Book b = parse(text);
    // (the number and the title on two lines: said with a pause between)
    assertEquals("CHAPTER ONE: The Man Who Died", titles(b).get(titles(b).size() - 1));
    assertFalse(titles(b).stream().anyMatch(t -> t.contains("ARCHER") || t.contains("GUARDS")), titles(b).toString());
    assertTrue(spoken(b).startsWith("TO THOMAS ARCHER (ROYAL HORSE GUARDS) My Dear Tom,"), spoken(b));
  }

  /**
   * A title page's "Author of" over the author's other books in quotation marks, its rights and its date;
   * in another edition the books one a line, more lines than a title page's block has.
   */
  @Test
  void aTitlePagesListOfTheAuthorsBooksItsRightsAndDateAreNotRead() {
    for (String front : List.of("Produced by Jason Isbell\n\n\n           THE\n       SECRET GARDEN\n\n           BY\n"
        + "  FRANCES HODGSON BURNETT\n\n_Author of_\n\n"
        + "\"_The Shuttle_,\" \"_The Making of a Marchioness_,\" \"_The Methods of Lady\nWalderhurst_,\" "
        + "\"_Little Lord Fauntleroy_\" \"_A Lady of Quality_,\" etc.\n\n  NEW YORK\n  FREDERICK A. STOKES COMPANY\n"
        + "  PUBLISHERS\n\n  _Copyright, 1911, by_\n  FRANCES HODGSON BURNETT\n\n\n"
        + "_All rights reserved, including that of translation into foreign\nlanguages, including the Scandinavian._\n\n"
        + "_August, 1911._",
        "THE SECRET GARDEN\n\nBY FRANCES HODGSON BURNETT\n\n\n\n"
        + "Author of\n\n  \"The Shuttle,\"\n  \"The Making of a Marchioness,\"\n  \"The Methods of Lady Walderhurst,\"\n"
        + "  \"The Lass o' Lowries,\"\n  \"Through One Administration,\"\n  \"Little Lord Fauntleroy,\"\n"
        + "  \"A Lady of Quality,\" etc.")) {
      Book b = parse(gutenbergHeader("The Secret Garden", "Frances Hodgson Burnett") + front
          + "\n\n\n\nCHAPTER I: THERE IS NO ONE LEFT\n\n" + PARAGRAPH);
      assertEquals(List.of("CHAPTER I: THERE IS NO ONE LEFT"), titles(b));
      assertEquals(PARAGRAPH.replace("\n", " ").strip(), spoken(b).replace("\n", " "));
    }
  }

  /** A note in brackets inside a speech, and its star: not read, and the speech not cut at its quotation marks. */
  @Test
  void aNoteInsideASpeechIsNotReadNorEndsTheSpeech() {
    String text = "CHAPTER I\n\n" + PARAGRAPH + "\n“He’ll play hookey this evening, * and [*\n"
        + "Southwestern for “afternoon”] I’ll just be obleeged to make him work,\ntomorrow,” said Aunt Polly.\n\n"
        + PARAGRAPH;
    Book b = parse(text);
    String spoken = spoken(b);
    assertFalse(spoken.contains("Southwestern") || spoken.contains("*") || spoken.contains("]"), spoken);
    assertTrue(b.segments().anyMatch(s -> s.text().contains("this evening") && s.text().contains("obleeged")),
        spoken);
  }

  /** The same licence printed after the book's end marks no header: the book before it is read, not it. */
  @Test
  void oldEtextLicenceAfterTheBookIsNoHeader() {
    String text = "CHAPTER I. THE START\n\n" + PARAGRAPH
        + "\nEnd of the Project Gutenberg Etext of A Tale\n\n"
        + "***START**THE SMALL PRINT!**FOR PUBLIC DOMAIN ETEXTS**START***\nWhy is this here?\n\n"
        + "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n";
    Book b = parse(text);
    String spoken = spoken(b);
    assertTrue(spoken.startsWith("It was the best of times"), spoken);
    assertFalse(spoken.contains("SMALL PRINT") || spoken.contains("Why is this"), spoken);
  }

  /** Transcribers' blocks describe the printed page; note numbers point at them: neither is read. */
  @Test
  void illustrationsFootnotesAndNoteMarksAreNotRead() {
    // (a star marks a note too, and the note under the paragraph opens with it: "[*] Southwestern for ...")
    String text = "*** START OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\nCHAPTER I.\n\n" + PARAGRAPH
        + "\n[Illustration: The house on the hill,\nseen from the river]\n\n"
        + "\"Who is there?\" asked Anna.[1] Nobody answered her.\n\n"
        + "[Footnote 1: A note on the\ndoor.]\n\n[Illustration]\n\nCHAPTER II.\n\n" + PARAGRAPH
        + "\n\"He'll play hookey this evening,[*] I know.\"\n\n[*] Southwestern for \"afternoon\"\n\n"
        + "*** END OF THE PROJECT GUTENBERG EBOOK A TALE ***\n";
    Book b = parse(text);
    assertEquals(List.of("CHAPTER I.", "CHAPTER II."), titles(b));
    String spoken = spoken(b);
    assertFalse(spoken.contains("Illustration") || spoken.contains("house on the hill")
        || spoken.contains("river") || spoken.contains("Footnote") || spoken.contains("door")
        || spoken.contains("[1]") || spoken.contains("[*]") || spoken.contains("Southwestern")
        || spoken.contains("afternoon"), spoken);
    assertTrue(spoken.contains("asked Anna.") && spoken.contains("Nobody answered her.")
        && spoken.contains("I know."), spoken);
  }

  /**
   * A printed book's front as Distributed Proofreaders keep it: the title page (publisher, place,
   * year, copyright, "A Novel", "AUTHOR OF ..."), a contents list with its column heads and page
   * numbers and a list of illustrations, in blocks of their own. None of it is read; the dedication,
   * its signature (never a chapter) and the preface are.
   */
  @Test
  void aPrintedTitlePageAndItsListsAreNotRead() {
    String text = "Title: Katrine\n\nAuthor: Elinor Lane\n\n*** START OF THIS PROJECT GUTENBERG EBOOK KATRINE ***\n\n"
        + "Produced by Rick and the Online Distributed\nProofreading Team\n\n\n\n"
        + "[Illustration: \"I HAVE WAITED\"]\n\n\n\nKATRINE\n\nA Novel\n\nBY\n\nELINOR LANE\n\n"
        + "AUTHOR OF \"NANCY STAIR\" AND\n\"MILLS OF GOD\"\n\nWITH ILLUSTRATIONS BY HOWARD CHANDLER\n\n"
        + "NEW YORK AND LONDON\nHARPER & BROTHERS PUBLISHERS\n\nMCMIX\n\n\n\n"
        + "Copyright, 1909, by HARPER & BROTHERS.\n\n_All rights reserved._\n\nPublished March, 1909.\n\n"
        + "Made in U.S.A.\n\nTwenty-seventh Impression, June, 1925\n\nCLINTON, MASS., U.S.A.\n\n$1.50\n\n\n\n"
        + "    _To_ =Grant Schley=\n\n"
        + "    Dear and great Friend! you long have held your own much-honored place\n"
        + "    and met great Esmond; held kind Newcome's hand, and talked with merry\n"
        + "    Alan face to face, for there the land was thine.\n\n    PARIS, 1909\n\n\n\n"
        + "CONTENTS\n\nCHAP.                                  PAGE\n\n"
        + "         PREFACE                         vii\n      I. UNDER THE PINES                1\n\n"
        + "     II. THE MEETING                    15\n\n\n\n"
        + "LIST OF ILLUSTRATIONS\n\n\"I HAVE WAITED\"          _Frontispiece_\nTHE HOUSE                   12\n\n\n\n"
        + "PREFACE\n\n" + PARAGRAPH + "\n\n\nI\n\nUNDER THE PINES\n\n" + PARAGRAPH
        + "\n\n\nII\n\nTHE MEETING\n\n" + PARAGRAPH + "\n*** END OF THIS PROJECT GUTENBERG EBOOK KATRINE ***\n";
    Book b = parse(text);
    assertEquals("Katrine", b.title());
    assertEquals(List.of("Katrine", "PREFACE", "I. UNDER THE PINES", "II. THE MEETING"), titles(b));
    String spoken = spoken(b);
    for (String gone : List.of("Novel", "BY", "ELINOR", "AUTHOR", "MILLS", "ILLUSTRATIONS", "NEW YORK", "HARPER",
        "MCMIX", "Copyright", "rights", "Published", "CONTENTS", "CHAP.", "PAGE", "vii", "15", "Frontispiece",
        "HOUSE", "=", "Made in", "Impression", "CLINTON", "1.50")) {
      assertFalse(spoken.contains(gone), gone + " is read: " + spoken);
    }
    assertTrue(spoken.startsWith("To Grant Schley Dear and great Friend!"), spoken);
    assertTrue(spoken.contains("PARIS, 1909 It was the best of times"), "the signature is read, in the dedication: " + spoken);
  }

  /**
   * A notice in brackets ("[_All rights reserved._]") and the printer's block run over lines
   * ("PRINTED IN THE UNITED STATES" / "AT" / "THE COUNTRY LIFE PRESS, GARDEN CITY, N.Y."), as
   * a 1897 novel's e-text keeps them: not read; its dedication is.
   */
  @Test
  void aBracketedNoticeAndAPrintersBlockAreNotRead() {
    String text = "Title: Katrine\n\nAuthor: Elinor Lane\n\n*** START OF THE PROJECT GUTENBERG EBOOK KATRINE ***\n\n"
        + "                                KATRINE\n\n                                  _by_\n\n"
        + "                              Elinor Lane\n\n                                NEW YORK\n"
        + "                            GROSSET & DUNLAP\n                              _Publishers_\n\n"
        + "      Copyright, 1897, in the United States of America, according\n"
        + "                   to Act of Congress, by Elinor Lane\n\n"
        + "                        [_All rights reserved._]\n\n"
        + "                      PRINTED IN THE UNITED STATES\n                                   AT\n"
        + "               THE COUNTRY LIFE PRESS, GARDEN CITY, N.Y.\n\n\n\n"
        + "                                   TO\n\n                             MY DEAR FRIEND\n\n"
        + "                               HOMMY-BEG\n\n\n\nCHAPTER I\n\n" + PARAGRAPH + "\n";
    String spoken = spoken(parse(text));
    for (String gone : List.of("rights", "PRINTED", "AT THE", "PRESS", "GARDEN", "Copyright")) {
      assertFalse(spoken.contains(gone), gone + " is read: " + spoken);
    }
    assertTrue(spoken.startsWith("TO MY DEAR FRIEND HOMMY-BEG"), spoken);
  }

  /**
   * What only a title page's lines make the front: a story's first short lines, a poem, a paragraph
   * with a price in it are the book's, read even where a title page's line ("Made in ...", "All
   * rights reserved") comes after them.
   */
  @Test
  void aStorysFirstLinesBeforeATitlePagesWordsAreRead() {
    String head = "Title: The Waiting Room\n\n*** START OF THE PROJECT GUTENBERG EBOOK THE WAITING ROOM ***\n\n";
    Book fragments = parse(head + "Night. Rain.\n\nThe platform was empty.\n\nNobody came.\n\n"
        + "Made in heaven, they said of the match.\n\n" + PARAGRAPH);
    assertTrue(spoken(fragments).startsWith("Night. Rain. The platform was empty. Nobody came."), spoken(fragments));
    Book poem = parse(head + "MORNING\n\nThe lark is up, the dew is wet,\nThe mill-wheel turns and turns.\n\n"
        + "All rights reserved\n\n" + PARAGRAPH);
    assertTrue(spoken(poem).contains("The lark is up"), spoken(poem));
    Book price = parse(head + "The ticket cost 5s. and he paid it without a word, though it was all the money he had.\n\n"
        + "All rights reserved\n\n" + PARAGRAPH);
    assertTrue(spoken(price).startsWith("The ticket cost 5s."), spoken(price));
  }

  /**
   * The e-text's makers under the header ("E-text prepared by ...", "Note: Project Gutenberg also has
   * an HTML version ..."), a start marker whose title wraps onto a second line, a title with its
   * subtitle after "OR", and the history of the printings: none of it read, the first chapter first.
   */
  @Test
  void theEtextsMakersAndThePrintingsHistoryAreNotRead() {
    String text = "Title: The Old Mill\n\nAuthor: Ann Example\n\n"
        + "***START OF THE PROJECT GUTENBERG EBOOK THE OLD MILL AND THE\nRIVER***\n\n\n"
        + "E-text prepared by Sam and Jo Example, and the Project Gutenberg Online Distributed Proofreading Team\n\n"
        + "Note: Project Gutenberg also has an HTML version of this\n      file which includes the original illustrations.\n\n"
        + "THE OLD MILL\nOR\nA SUMMER BY THE RIVER\n\nBY\nANN EXAMPLE,\nAUTHOR OF 'THE SEA WALL.'\n\nTENTH IMPRESSION\n\n"
        + "First printed serially in the Weekly Review, 1890.\n\nFirst English Edition, revised, Dunmore & Sons, 1891.\n\n"
        + "Since reprinted March 1895; January 1897; November 1899; August\n1902; and January 1908.\n\n"
        + "CHAPTER I\n\n" + PARAGRAPH + "\nCHAPTER II\n\n" + PARAGRAPH
        + "\n***END OF THE PROJECT GUTENBERG EBOOK THE OLD MILL***\n";
    Book b = parse(text);
    assertEquals(List.of("CHAPTER I", "CHAPTER II"), titles(b));
    assertTrue(spoken(b).startsWith("It was the best of times"), spoken(b));
  }

  /**
   * A chapter's argument in capitals under its number, over two lines (the first ending in a comma)
   * or one of thirteen words: the chapter's title, not a paragraph read in it.
   */
  @Test
  void aChaptersArgumentInCapitalsOverTwoLinesIsItsTitle() {
    String text = "Chapter I\n\nIN WHICH PHILEAS FOGG AND PASSEPARTOUT ACCEPT EACH OTHER,\nTHE ONE AS MASTER, THE OTHER AS MAN\n\n\n"
        + PARAGRAPH + "\nChapter II\n\nIN WHICH PASSEPARTOUT IS CONVINCED THAT HE HAS AT LAST FOUND HIS IDEAL\n\n\n"
        + PARAGRAPH + "\nChapter III\n\nIN WHICH THEY ARRIVE\n\n" + PARAGRAPH;
    Book b = parse(text);
    assertEquals(List.of(
        "Chapter I: IN WHICH PHILEAS FOGG AND PASSEPARTOUT ACCEPT EACH OTHER, THE ONE AS MASTER, THE OTHER AS MAN",
        "Chapter II: IN WHICH PASSEPARTOUT IS CONVINCED THAT HE HAS AT LAST FOUND HIS IDEAL",
        "Chapter III: IN WHICH THEY ARRIVE"), titles(b));
    assertFalse(spoken(b).contains("IN WHICH"), spoken(b));
  }

  /** An old header naming the book and its author on a line of their own ("..., by Jules Verne"): the author is known. */
  @Test
  void anOldHeadersTitleByLineGivesTheAuthor() {
    String text = "Please take a look at the important information in this header.\n\n"
        + "The Old Mill in 80 Days, by Ann Example\n\nJanuary, 1994  [Etext #103]\n\n"
        + "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n\n"
        + "THE OLD MILL IN EIGHTY DAYS\n\n\nChapter I\n\n" + PARAGRAPH + "\nChapter II\n\n" + PARAGRAPH;
    Book b = parse(text);
    assertEquals("Ann Example", b.author());
  }

  /** An old e-text's small print, then its maker's credit ("This Project Gutenberg Etext Prepared by"): not read. */
  @Test
  void anOldEtextsMakerAfterTheSmallPrintIsNotRead() {
    String text = "Project Gutenberg's Etext The Old Mill by Example\n\nTitle:  The Old Mill\n\nAuthor:  Ann Example\n\n"
        + "*END THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n\n"
        + "This Project Gutenberg Etext Prepared by Sam Example\nsam@example.org\n\n\n\n"
        + "The Old Mill\n\nby Ann Example\n\n\n\nChapter 1\nThe Miller\n\n" + PARAGRAPH
        + "\nChapter 2\nThe River\n\n" + PARAGRAPH;
    Book b = parse(text);
    assertEquals(2, b.chapters().size(), titles(b).toString());
    assertFalse(spoken(b).contains("Prepared"), spoken(b));
    assertFalse(spoken(b).contains("example.org"), spoken(b));
  }

  /**
   * A play as printed: its title set in three blocks, the author's other works with their prices,
   * then the title page with its imprint and copyright. All of it before the imprint is the title
   * pages', not read; a priced notice ("10s net.") does not end them as prose would.
   */
  @Test
  void whatComesBeforeTheTitlePageIsTheTitlePagesToo() {
    String text = "Title: The Hostess\n\nAuthor: Mary Fenwick\n\n*** START OF THIS PROJECT GUTENBERG EBOOK THE HOSTESS ***\n\n"
        + "[Transcriber's Note: The songs in this book were set with the lyrics interlinear with the sheet\nmusic."
        + " These have been put into lyric form in the text for legibility.]\n\n"
        + "  THE\n  \"HOSTESS\"\n\n\n_The Plays of Mary Fenwick_\n\n  Paper cover, 1s 6d; cloth, 2s 6d each\n\n"
        + "    THE SEA WALL\n    THE LATE VISITOR\n  * THE HOSTESS\n\n"
        + "  * A Limited Edition of this play on hand-made paper,\n    with a new portrait, 10s net.\n\n\n"
        + "   THE\n\n  \"HOSTESS\"\n\n\n  _A COMEDY_\n    _In Three Acts_\n      _By MARY FENWICK_\n\n  _Author of \"The Sea Wall,\" \"The Late Visitor,\" \"In the Desert of\n   Waiting,\" etc._\n\n"
        + "  London: Dunmore and Sons\n  MCMXI\n\n  _Copyright 1911_\n  _by Mary Fenwick_\n\n\n  _To my sister Ann_\n\n\n_PUBLISHERS' NOTE_\n\nThe publishers are glad to present the play in a form for young amateur actors.\n\n\n"
        + "THE FIRST ACT\n\n" + PARAGRAPH + "\n*** END OF THIS PROJECT GUTENBERG EBOOK THE HOSTESS ***\n";
    Book b = parse(text);
    String spoken = spoken(b);
    for (String gone : List.of("HOSTESS", "Plays", "cover", "SEA WALL", "Limited", "COMEDY", "London", "Copyright",
        "Transcriber", "Author", "Visitor")) {
      assertFalse(spoken.contains(gone), gone + " is read: " + spoken);
    }
    assertTrue(spoken.startsWith("To my sister Ann PUBLISHERS' NOTE The publishers are glad"),
        "a dedication and a note (its heading no imprint) are read: " + spoken);
    assertEquals(List.of("The Hostess", "THE FIRST ACT"), titles(b));
    // more than a title page's worth before it is the book's own (a text without prose), read
    String chant = "THE SEA, THE SEA, THE GREY AND ENDLESS SEA\n\n".repeat(80);
    Book verse = parse("Title: The Sea\n\n*** START OF THIS PROJECT GUTENBERG EBOOK THE SEA ***\n\n" + chant
        + "Copyright 1911\n\nCHAPTER I\n\n" + PARAGRAPH);
    assertTrue(spoken(verse).startsWith("THE SEA, THE SEA"), spoken(verse).substring(0, 60));
  }

  /**
   * A transcriber's note on the edition (unbracketed, closed by a rule), a volume number, and a
   * contents list in parts whose entries wrap: none of it read. A chapter's title in lower case under
   * its number, a blank line between, is its title ("CHAPTER I. The Widow and her Child.").
   */
  @Test
  void aTranscribersNoteAndAContentsListInPartsAreNotRead() {
    String text = "Title: Jack Sheppard\n\nAuthor: W. Ainsworth\n\n*** START OF THIS PROJECT GUTENBERG EBOOK JACK SHEPPARD ***\n\n"
        + "Transcribers Note: Obvious typesetter errors from the original\ncorrected in this etext.\n\n"
        + "Throughout this text you will see words with an underscore\non either side, such as _this_.\n\n"
        + "---------------------------------\n\n_VOL. XII_\n\nJACK SHEPPARD\n\nBY W. Ainsworth\n\nCONTENTS.\n\n"
        + "EPOCH THE FIRST, 1703.\nJONATHAN WILD.\n\n"
        + "CHAPTER I. The Widow and her Child             1\n       II. The Old Mint                       13\n\n\n"
        + "EPOCH THE SECOND, 1715.\nTHAMES DARRELL.\n\n"
        + "CHAPTER I. The Idle Apprentice                75\n      XVI. Jonathan Wild's House in the Old  201\n"
        + "              Bailey\n\n\n\n"
        + "CHAPTER I.\n\nThe Widow and her Child.\n\n\n" + PARAGRAPH + "\n\n\nCHAPTER II.\n\nThe Old Mint.\n\n\n" + PARAGRAPH
        + "\n*** END OF THIS PROJECT GUTENBERG EBOOK JACK SHEPPARD ***\n";
    Book b = parse(text);
    assertEquals(List.of("CHAPTER I. The Widow and her Child.", "CHAPTER II. The Old Mint."), titles(b));
    String spoken = spoken(b);
    for (String gone : List.of("Transcriber", "underscore", "---", "VOL", "EPOCH", "DARRELL", "Apprentice", "Bailey")) {
      assertFalse(spoken.contains(gone), gone + " is read: " + spoken);
    }
    assertTrue(spoken.startsWith("It was the best of times"), spoken);
  }

  /** "CHAPTER THE FIRST." numbers a chapter as "CHAPTER I." does; its title in capitals joins it after the stop. */
  @Test
  void chaptersNumberedInWordsAfterTheAreChapters() {
    Book b = parse("CHAPTER THE FIRST.\n\nIN WHICH A BOY IS BORN.\n\n" + PARAGRAPH + "\nCHAPTER THE LAST.\n\n" + PARAGRAPH);
    assertEquals(List.of("CHAPTER THE FIRST. IN WHICH A BOY IS BORN.", "CHAPTER THE LAST."), titles(b));
  }

  /**
   * What the title page's words mean elsewhere is the book's: a script's lines about the publisher or
   * the press, a novel opening with dialogue whose wrapped lines begin "author of" or end in the
   * heroine's name, a title over its by-line that names a city, a chapter's title under its number,
   * chapters titled by place and year, a scene break after a transcriber's note, a letter's salutation
   * under a chapter's number, a play's cue under an act's. None is lost.
   */
  @Test
  void aTitlePagesWordsElsewhereAreTheBooks() {
    String script = spoken(parse("# The Deadline\n\n**Alice:** Did you call the publisher?\n\n**Bob:** Twice. Our time is limited."
        + "\n\n**Alice:** Then stop the press.\n\n**Bob:** Made in a hurry, like everything else.\n"));
    assertTrue(script.contains("publisher?") && script.contains("limited") && script.contains("press") && script.contains("Made in"), script);
    String labels = spoken(parse("EDITOR: Is it ready?\n\nPUBLISHER: Not yet.\n\nEDITOR: Then we wait.\n\nPUBLISHER: Yes.\n"));
    assertTrue(labels.contains("Not yet.") && labels.contains("Yes."), labels);
    String dialogue = spoken(parse("Title: Emma\n\nAuthor: Jane Austen\n\n*** START OF THE PROJECT GUTENBERG EBOOK EMMA ***\n\n"
        + "\"Have you read it?\" asked Mary. \"It is by the\nauthor of Waverley, and Papa had it from\nthe publishers this morning,\" she told\n"
        + "Emma.\n\n\"I have not,\" said Emma. \"You know I never read novels, and I never shall, whatever the town may say.\"\n"));
    assertTrue(dialogue.contains("author of Waverley") && dialogue.contains("the publishers") && dialogue.contains("told\nEmma."), dialogue);
    Book boston = parse("BOSTON\n\nby Upton Sinclair\n\nCHAPTER I.\nLONDON\n\n" + PARAGRAPH + "\nCHAPTER II.\nHOME AGAIN\n\n" + PARAGRAPH);
    assertEquals("Boston", boston.title());
    assertEquals("Upton Sinclair", boston.author());
    assertEquals(List.of("CHAPTER I. LONDON", "CHAPTER II. HOME AGAIN"), titles(boston));
    Book places = parse("VIENNA, 1938\n\n" + PARAGRAPH + "\nBERLIN, 1945\n\n" + PARAGRAPH + "\nPARIS, 1946\n\n" + PARAGRAPH);
    assertEquals(List.of("VIENNA, 1938", "BERLIN, 1945", "PARIS, 1946"), titles(places));
    String note = spoken(parse("Transcriber's Note: Obvious printer's errors have been corrected.\n\nTHE LONG NIGHT\n\n"
        + PARAGRAPH + "\n* * * * *\n\nIn the morning the snow had stopped.\n"));
    assertTrue(note.startsWith("It was the best of times") && note.contains("snow had stopped") && !note.contains("Transcriber"), note);
    Book letters = parse("CHAPTER I\n\nMy Dear Mother,\n\n" + PARAGRAPH + "\nCHAPTER II\n\nDearest Kitty\n\n" + PARAGRAPH);
    assertEquals(List.of("CHAPTER I", "CHAPTER II"), titles(letters));
    Book play = parse("TWELFTH NIGHT\n\nACT I\n\nSir Toby Belch.\n\nWhat a plague means my niece?\n\nMaria.\n\nBy my troth.\n"
        + "\nSir Toby Belch.\n\nWhy, let her except.\n\nMaria.\n\nAy, but you must confine yourself.\n");
    assertFalse(titles(play).stream().anyMatch(t -> t.contains("Toby")), titles(play).toString());
  }

  /** A contents title over a line of thousands of words: read, not a list, and no stack overflows on it. */
  @Test
  void aLongLineAfterContentsIsReadWithoutOverflowingTheStack() {
    Book b = parse("CONTENTS\n\nI. One\nII. Two\nIII. Three\n\n" + "page ".repeat(20_000) + "\n\n" + PARAGRAPH);
    assertTrue(spoken(b).contains("page page page"), "the long line is read");
  }

  /** A sentence under a chapter's number is its first paragraph, not its title. */
  @Test
  void aSentenceUnderAChaptersNumberIsNotItsTitle() {
    Book b = parse("CHAPTER I.\n\nHe went home.\n\n" + PARAGRAPH + "\nCHAPTER II.\n\n" + PARAGRAPH);
    assertEquals(List.of("CHAPTER I.", "CHAPTER II."), titles(b));
    assertTrue(spoken(b).startsWith("He went home."), spoken(b));
  }

  /** The same lines after the front are the book's: a chapter may be called "1914", or "THE PRESS". */
  @Test
  void titlePageLinesAreLookedForOnlyBeforeTheFirstChapter() {
    Book b = parse("*** START OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\n1914\n\n" + PARAGRAPH
        + "\n1915\n\nLONDON\n\n" + PARAGRAPH + "\nTHE PRESS\n\n" + PARAGRAPH
        + "\nCopyright is a right to copy, and it was the age of wisdom, it was the age of foolishness.\n"
        + "\n*** END OF THE PROJECT GUTENBERG EBOOK A TALE ***\n");
    String said = titles(b) + " " + spoken(b);
    for (String kept : List.of("1914", "1915", "LONDON", "THE PRESS", "Copyright is a right")) {
      assertTrue(said.contains(kept), kept + " is lost: " + said);
    }
  }

  /** "The Age of Innocence", "by" and "Edith Wharton" on lines of their own: its title and author, not read. */
  @Test
  void aTitleOverByOverTheAuthorIsTheBooksTitleAndAuthor() {
    Book b = parse("THE SPORT OF THE GODS\n\n         by\n\nPAUL LAURENCE DUNBAR\n\nI\n\n" + PARAGRAPH
        + "\nII\n\n" + PARAGRAPH);
    assertEquals("The Sport of the Gods", b.title());
    assertEquals("Paul Laurence Dunbar", b.author());
    assertTrue(spoken(b).startsWith("It was the best of times"), spoken(b));
    Book austen = parse("Sense and Sensibility\n\nby Jane Austen\n\n(1811)\n\nCHAPTER I.\n\n" + PARAGRAPH);
    assertEquals("Jane Austen", austen.author());
    assertEquals(List.of("CHAPTER I."), titles(austen));
    assertTrue(spoken(austen).startsWith("It was the best of times"), "the year under the by-line is not read: " + spoken(austen));
    // a subtitle under the title, in its block, before the by-line: the title page's too; so are the
    // imprint (the place, the firm, its street, the year) and the illustrations' copyright
    Book eyre = parse("JANE EYRE\nAN AUTOBIOGRAPHY\n\nby Charlotte Brontë\n\nLondon\nSERVICE & PATON\n5 HENRIETTA STREET\n"
        + "1897\n\n_The Illustrations_\n_in this Volume are the copyright of_\nSERVICE & PATON, _London_\n\nCHAPTER I\n\n"
        + PARAGRAPH);
    assertEquals("Jane Eyre", eyre.title());
    assertEquals("Charlotte Brontë", eyre.author());
    assertTrue(spoken(eyre).startsWith("It was the best of times"), spoken(eyre));
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

  /** Distributed Proofreaders' =bold= is markup; an equals sign between words or in a sum is not. */
  @Test
  void boldInEqualsSignsIsNotSpoken() {
    String spoken = spoken(parse("He wrote =Katrine= on the =first page=, where a = b and x=y, 2 + 2 == 4.\n"));
    assertEquals("He wrote Katrine on the first page, where a = b and x=y, 2 + 2 == 4.", spoken);
  }

  /** "THE AWAKENING", then "I": the numeral numbers chapter one, the book's title does not. */
  @Test
  void aNumeralUnderTheBooksTitleNumbersTheFirstChapter() {
    String text = "THE AWAKENING\n\nI\n\n" + PARAGRAPH + "\nII\n\n" + PARAGRAPH + "\nIII\n\n" + PARAGRAPH;
    assertEquals(List.of("I", "II", "III"), titles(parse(text)));
  }

  /**
   * The Secret Garden's "CHAPTER VI" over '"THERE WAS SOME ONE CRYING--THERE WAS!"', where every other
   * chapter stands over a title in capitals: a title in quotation marks; in a book whose chapters have
   * no titles, such a line is a shout that opens the chapter.
   */
  @Test
  void aQuotedLineInCapitalsWhereChaptersHaveCapitalTitlesIsATitle() {
    String titled = "CHAPTER I\n\nTHERE IS NO ONE LEFT\n\n" + PARAGRAPH + "\nCHAPTER II\n\nMISTRESS MARY\n\n" + PARAGRAPH
        + "\nCHAPTER III\n\nACROSS THE MOOR\n\n" + PARAGRAPH + "\nCHAPTER IV\n\n\"THERE WAS SOME ONE CRYING!\"\n\n" + PARAGRAPH;
    assertEquals("CHAPTER IV: \"THERE WAS SOME ONE CRYING!\"", titles(parse(titled)).get(3));
    String untitled = "CHAPTER I\n\n" + PARAGRAPH + "\nCHAPTER II\n\n" + PARAGRAPH
        + "\nCHAPTER III\n\n" + PARAGRAPH + "\nCHAPTER IV\n\n\"STOP THAT NOISE!\"\n\n" + PARAGRAPH;
    Book shout = parse(untitled);
    assertEquals("CHAPTER IV", titles(shout).get(3));
    assertTrue(spoken(shout).contains("STOP THAT NOISE!"), spoken(shout));
  }

  /** The Invisible Man's "CHAPTER XI." over "IN THE “COACH AND HORSES”": an inn's name in quotation marks ends the title. */
  @Test
  void aTitleEndingInAQuotedNameIsTheChaptersTitle() {
    String text = "CHAPTER X.\nMR. MARVEL’S VISIT\n\n" + PARAGRAPH + "\nCHAPTER XI.\nIN THE “COACH AND HORSES”\n\n"
        + PARAGRAPH + "\nCHAPTER XII.\n\nAT THE “JOLLY CRICKETERS”\n\n" + PARAGRAPH;
    Book book = parse(text);
    assertEquals(List.of("CHAPTER X. MR. MARVEL’S VISIT", "CHAPTER XI. IN THE “COACH AND HORSES”",
        "CHAPTER XII. AT THE “JOLLY CRICKETERS”"), titles(book));
    assertFalse(spoken(book).contains("COACH"), spoken(book));
  }

  /**
   * Treasure Island's "I" right over "The Old Sea-dog at the Admiral Benbow", no blank line between:
   * a numbered chapter and its title, where the numerals rise; "I" over a line once is a word.
   */
  @Test
  void aNumeralRightOverItsTitleNumbersAChapterWithThatTitle() {
    String text = "I\nThe Old Sea-dog\n\n" + PARAGRAPH + "\nII\nBlack Dog Appears\n\n" + PARAGRAPH
        + "\nIII\nThe Black Spot\n\n" + PARAGRAPH;
    assertEquals(List.of("I: The Old Sea-dog", "II: Black Dog Appears", "III: The Black Spot"), titles(parse(text)));
    Book once = parse("A Letter\n\n" + PARAGRAPH + "\nI\nWent Home Alone\n\n" + PARAGRAPH);
    assertEquals(1, once.chapters().size(), titles(once).toString());
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
   * A Christmas Carol as Project Gutenberg's text sets it: the edition's credits, the title, its subtitle
   * over lines between it and the by-line, and a contents list of staves ("Stave   I: Marley's Ghost"):
   * none read, nor the entries taken for speakers; the preface and the staves are.
   */
  @Test
  void creditsASubtitleUnderTheTitleAndAContentsListOfStavesAreNotRead() {
    String text = gutenbergHeader("A Christmas Carol", "Charles Dickens") + "\n\n"
        + "This updated edition produced by Jose Menendez\n\n\n\n"
        + "A CHRISTMAS CAROL\n\nIN PROSE\nBEING\nA Ghost Story of Christmas\n\nby Charles Dickens\n\n\n\n"
        + "PREFACE\n\nI HAVE endeavoured in this Ghostly little book, to raise the Ghost of an Idea.\n\n\n\n"
        + "CONTENTS\n\nStave   I: Marley's Ghost\nStave  II: The First of the Three Spirits\n"
        + "Stave III: The Second of the Three Spirits\n\n\n\n"
        + "STAVE I:  MARLEY'S GHOST\n\n" + PARAGRAPH + "\nSTAVE II:  THE FIRST OF THE THREE SPIRITS\n\n" + PARAGRAPH
        + "\nSTAVE III:  THE SECOND OF THE THREE SPIRITS\n\n" + PARAGRAPH;
    Book book = parse(text);
    assertEquals(List.of("PREFACE", "STAVE I: MARLEY'S GHOST", "STAVE II: THE FIRST OF THE THREE SPIRITS",
        "STAVE III: THE SECOND OF THE THREE SPIRITS"), titles(book));
    assertTrue(spoken(book).startsWith("I HAVE endeavoured"), spoken(book));
    assertFalse(spoken(book).contains("Marley's Ghost") || spoken(book).contains("Menendez"), spoken(book));
    assertEquals(List.of("Narrator"), book.segments().map(Segment::role).distinct().toList());
  }

  /**
   * Frankenstein's front as Project Gutenberg keeps it: the title right after the credits, its subtitle
   * in capitals ending in a stop, and a by-line whose name is shorter than the header's author: none read.
   */
  @Test
  void aSubtitleAndABylineUnderATitleRightAfterTheCreditsAreNotRead() {
    String text = gutenbergHeader("Frankenstein", "Mary Wollstonecraft (Godwin) Shelley") + "\n\n"
        + "Produced by Judith Boss, Christy Phillips, Lynn Hanninen,\nand David Meltzer.\n\n\n\n"
        + "FRANKENSTEIN;\n\nOR, THE MODERN PROMETHEUS.\n\nBY MARY W. SHELLEY.\n\n\n"
        + "LETTER I.\n\n_To Mrs. Saville, England._\n\n" + PARAGRAPH + "\nLETTER II.\n\n" + PARAGRAPH
        + "\nLETTER III.\n\n" + PARAGRAPH;
    Book book = parse(text);
    assertEquals(List.of("LETTER I.", "LETTER II.", "LETTER III."), titles(book));
    assertTrue(spoken(book).startsWith("To Mrs. Saville, England."), spoken(book));
  }

  /**
   * A scanned edition's page numbers on lines of their own ("1)", "[2]", "{3}", "[Pg 4]"), rising through
   * the text, are not read; a list of five numbered lines with words after each is.
   */
  @Test
  void pageNumbersOnLinesOfTheirOwnAreNotRead() {
    StringBuilder text = new StringBuilder("STORY OF THE DOOR\n\n");
    String[] marks = {"1)", "2)", "[3]", "{4}", "[Pg 5]", "6)"};
    for (String mark : marks) {
      text.append(PARAGRAPH).append("\n").append(mark).append("\n\n");
    }
    text.append("1) Buy eggs.\n\n2) Buy milk.\n\n3) Buy bread.\n\n4) Buy tea.\n\n5) Buy jam.\n");
    String spoken = spoken(parse(text.toString()));
    for (String mark : marks) {
      assertFalse(spoken.contains(mark + " It was"), mark + " read in: " + spoken);
    }
    assertFalse(spoken.contains("[") || spoken.contains("{") || spoken.contains("6)"), spoken);
    assertTrue(spoken.contains("1) Buy eggs.") && spoken.contains("5) Buy jam."), spoken);
    assertEquals(7, spoken.split("it was the age of foolishness", -1).length, spoken);
  }

  /**
   * Divisions above chapters by other names than PART and BOOK ("VOLUME II.", "EPOCH THE FIRST.",
   * "FIRST PERIOD.", "Phase the First: The Maiden") are said with their first chapter, not read as a
   * notice or lost; under one, a numeral alone numbers its first chapter. "The last act." stays prose.
   */
  @Test
  void divisionsByOtherNamesAreSaidWithTheirFirstChapter() {
    String chapters = "CHAPTER I.\n\n" + PARAGRAPH + "\nCHAPTER II.\n\n" + PARAGRAPH + "\n";
    for (String[] pair : new String[][] {{"VOLUME I.", "VOLUME II."}, {"EPOCH THE FIRST.", "EPOCH THE SECOND."},
        {"FIRST PERIOD.", "SECOND PERIOD."}}) {
      String text = "THE PINES\n\nBy Ann Example\n\n\n" + pair[0] + "\n\n\n" + chapters + "\n" + pair[1] + "\n\n\n" + chapters;
      assertEquals(List.of(pair[0] + " CHAPTER I.", "CHAPTER II.", pair[1] + " CHAPTER I.", "CHAPTER II."),
          titles(parse(text)), text);
    }
    String numerals = "I\n\n" + PARAGRAPH + "\nII\n\n" + PARAGRAPH + "\nIII\n\n" + PARAGRAPH + "\n";
    String tess = "Phase the First: The Maiden\n\n\n" + numerals + "\nPhase the Second: Maiden No More\n\n\n" + numerals
        + "\nThe last act.\n\n" + PARAGRAPH;
    Book book = parse(tess);
    assertEquals(List.of("Phase the First: The Maiden, I", "II", "III", "Phase the Second: Maiden No More, I", "II", "III"),
        titles(book));
    assertTrue(spoken(book).contains("The last act."), spoken(book));
  }

  /**
   * A title page in capitals before the numbered chapters: the title, "A Novel", "BY", the
   * author, the publisher, the year in roman numerals. Neither chapters called "ANN EXAMPLE" and
   * "MCMIX" nor read (the title and author are the book's own); the preface stays a chapter.
   */
  @Test
  void aTitlePageInCapitalsIsNeitherChaptersNorRead() {
    String text = gutenbergHeader("The Pines", "Ann Example") + "\n"
        + "THE PINES\n\nA Novel\n\nBY\n\nANN EXAMPLE\n\nAUTHOR OF \"THE CEDARS\"\n\n"
        + "NEW YORK AND LONDON\nSMITH & SONS PUBLISHERS\n\nMCMIX\n\nCopyright, 1909, by SMITH & SONS.\n\n"
        + "PREFACE\n\n" + PARAGRAPH + "\n"
        + "I. UNDER THE PINES\n\n" + PARAGRAPH + "\n" + PARAGRAPH + "\n"
        + "II. THE MEETING\n\n" + PARAGRAPH + "\n"
        + "III. THE PROMISE\n\n" + PARAGRAPH;
    Book book = parse(text);
    assertEquals(List.of("PREFACE", "I. UNDER THE PINES", "II. THE MEETING", "III. THE PROMISE"), titles(book));
    assertFalse(spoken(book).contains("ANN EXAMPLE") || spoken(book).contains("MCMIX"), spoken(book));
  }
}
