package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A publisher's catalogue after the story is not read; the story's own end is. */
class BackMatterTest {

  private static final String STORY = """
      CHAPTER I

      %s
      The harbour was quiet when Ellen came down to the boats. "Is the ferry gone?" she asked.

      "An hour since," said the keeper.

      CHAPTER II

      She waited until the tide turned, and the lamps were lit along the quay, and at last the
      ferry came back for her.

      THE END

      """.formatted("The tide came in over the flats, and the boats lifted one by one.\n\n".repeat(20));

  private static final String ADS = """
      BOOKS BY THE SAME AUTHOR

      THE LANTERN ON THE HILL. A story of the marsh country. 12mo, cloth, $1.50.

      MARGARET OF THE MILL. Illustrated by H. Ford. 12mo, cloth, $1.25.

      THE SALT ROAD. Fourth edition. Crown 8vo, cloth, 6s.

      "A tale of uncommon charm."--The Morning Review.

      THE WESTERN PUBLISHING COMPANY, NEW YORK
      """;

  private static Book text(String text) {
    Book book = new ScriptParser().parse("story.txt", text.getBytes(StandardCharsets.UTF_8));
    SampleAssertions.wellFormed(book, text);
    return book;
  }

  @Test
  void aCatalogueAfterTheEndIsNotRead() {
    Book book = text(STORY + ADS);
    assertTrue(book.segments().noneMatch(s -> s.text().contains("cloth") || s.text().contains("LANTERN")));
    assertTrue(book.segments().anyMatch(s -> s.text().contains("ferry came back")));
    assertTrue(book.warnings().stream().anyMatch(w -> w.contains("advertisements")), book.warnings().toString());
    assertEquals(book.roles().stream().mapToInt(Role::segments).sum(), book.segments().count());
  }

  /** A last chapter where a sum is "net" is the story's, however many such paragraphs. */
  @Test
  void aLastChapterOfSumsIsTheStorys() {
    String sums = "He cleared $3,000 net that year, and the price of wool rose.\n\n".repeat(4);
    Book book = text(STORY.replace("THE END", "") + "THE LAST YEAR\n\n" + sums);
    assertTrue(book.segments().anyMatch(s -> s.text().contains("$3,000")));
    assertTrue(book.warnings().stream().noneMatch(w -> w.contains("advertisements")));
  }

  /**
   * After the story's "THE END", as a paragraph or as the last chapter's heading, the edition's own
   * words (who printed it, where to ask to perform it, a transcriber's errata) are not read.
   */
  @Test
  void thePrintersAndTranscribersWordsAfterTheEndAreNotRead() {
    String tail = """
        All applications respecting amateur performances of this play must be made to the author's agents.

        Printed by Dunmore and Sons, London

        ERRATA (noted by transcriber)

        First Act: text has comma for period""";
    for (String end : List.of("THE END", "THE END.")) {
      Book book = text(STORY.replace("THE END", end + "\n\n" + tail));
      assertTrue(book.segments().noneMatch(s -> s.text().contains("Printed") || s.text().contains("ERRATA")
          || s.text().contains("applications")), book.segments().map(Segment::text).toList().toString());
      assertTrue(book.segments().anyMatch(s -> s.text().contains("ferry came back")));
      assertTrue(book.warnings().stream().anyMatch(w -> w.contains("4 paragraphs")), book.warnings().toString());
    }
  }

  /** After "THE END", the story's own last lines stay, though they speak of printing. */
  @Test
  void aStorysLastLinesAfterTheEndStay() {
    Book book = text(STORY.replace("THE END", """
        THE END

        She put down her pen. The book could be printed by Friday, and she would be free.

        "At last," said Ellen."""));
    assertTrue(book.segments().anyMatch(s -> s.text().contains("printed by Friday")));
    assertTrue(book.segments().anyMatch(s -> s.text().contains("At last")));
  }

  @Test
  void aStoryWithPricesAndNoCatalogueIsReadWhole() {
    String story = STORY.replace("THE END", """
        The fare was $1.50, and the cloth of her coat was wet through; the price of waiting.

        THE END

        A note on the text: the ferry ran until 1921.""");
    Book book = text(story);
    assertTrue(book.segments().anyMatch(s -> s.text().contains("$1.50")));
    assertTrue(book.segments().anyMatch(s -> s.text().contains("until 1921")));
    assertTrue(book.warnings().stream().noneMatch(w -> w.contains("advertisements")));
  }

  @Test
  void aDocumentsTrailingCatalogueChapterIsNotRead() {
    ProseBuilder b = new ProseBuilder(1_000_000);
    b.chapter("Chapter I").paragraph("The harbour was quiet when Ellen came down to the boats.")
        .paragraph("\"Is the ferry gone?\" she asked.");
    for (int i = 0; i < 20; i++) {
      b.paragraph("The tide came in over the flats, and the boats lifted one by one.");
    }
    b.chapter("Chapter II").paragraph("At last the ferry came back for her.").paragraph("THE END");
    b.chapter("Books by the Same Author")
        .paragraph("THE LANTERN ON THE HILL. A story of the marsh country. 12mo, cloth, $1.50.");
    b.chapter("New Fiction")
        .paragraph("MARGARET OF THE MILL. Illustrated. 12mo, cloth, $1.25.")
        .paragraph("THE SALT ROAD. Crown 8vo, cloth, 6s.")
        .paragraph("OLD HARBOURS. Crown 8vo, cloth, 5s. net.");
    Book book = b.build("Ellen", null, "en", new Book.Source("ellen.epub", "epub", "UTF-8"), List.of());
    assertEquals(List.of("Chapter I", "Chapter II"), book.chapters().stream().map(Chapter::title).toList());
    assertTrue(book.warnings().stream().anyMatch(w -> w.contains("4 paragraphs")), book.warnings().toString());
  }
}
