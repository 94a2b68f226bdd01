package com.etoaudiobook.formats;

import static com.etoaudiobook.formats.Fixtures.utf8;
import static com.etoaudiobook.formats.FormatsTest.docx;
import static com.etoaudiobook.formats.FormatsTest.para;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scripts and plays brought as documents: a script typed in Word ("MARA: Good morning."), a play
 * in HTML with its names in paragraphs of their own and its stage directions set apart by class.
 * Their labels carry the dialogue, as in a script's plain text; the prose around stays prose.
 */
class ScriptDocumentsTest {
  private final DocumentParser parser = new DocumentParser();

  private static List<String> roles(Book b) {
    return b.roles().stream().map(Role::name).toList();
  }

  private static Segment segment(Book b, String text) {
    return b.segments().filter(s -> s.text().contains(text)).findFirst().orElseThrow();
  }

  @Test
  void aScriptTypedInWordIsReadAsAScript() throws Exception {
    byte[] docx = docx(doc -> {
      para(doc, "Heading1", "The Visit");
      para(doc, null, "A kitchen. Morning.");
      para(doc, null, "MARA: Good morning.");
      para(doc, null, "TOM: Is it? The kettle is broken.");
      para(doc, null, "MARA (brightly): Then we will have cold tea.");
      para(doc, null, "[Tom sighs.]");
      para(doc, null, "TOM: Cold tea again.");
    });
    DocumentParser.Document d = parser.read("visit.docx", docx);
    Book b = d.book();
    assertEquals(List.of("Narrator", "MARA", "TOM"), roles(b));
    assertEquals("Good morning.", segment(b, "Good morning").text());
    assertEquals("MARA", segment(b, "cold tea").role());
    assertEquals("brightly", segment(b, "cold tea").delivery());
    assertEquals("Narrator", segment(b, "Tom sighs").role());
    assertEquals("Narrator", segment(b, "A kitchen").role());
    assertFalse(b.segments().anyMatch(s -> s.text().contains("MARA:")));
    FormatsTest.offsetsPointIntoText(d);
  }

  @Test
  void aPlayInHtmlHasItsSpeakersAndNarratedDirections() {
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html><html><head><title>The Paint</title></head><body>
        <h1>THE PAINT</h1>
        <p class="scenedesc">A drawing-room in Bedford Square.</p>
        """);
    for (int i = 0; i < 3; i++) {
      html.append("""
          <p class="speaker">Roper.</p>
          <p><span class="stagedir">Bustling across to the table.</span> By Jove, there's my brooch!</p>
          <p class="speaker">Farncombe.</p>
          <p>I didn't consider I'd a right. <span class="stagedir">Smiling at <span class="smallcaps">Roper</span>.</span> Not yet.</p>
          <p class="stagedir">The door opens.</p>
          """);
    }
    html.append("<p>“Quoted words,” somebody wrote.</p></body></html>");
    DocumentParser.Document d = parser.read("paint.html", utf8(html.toString()));
    Book b = d.book();
    assertEquals(List.of("Narrator", "Roper", "Farncombe"), roles(b));
    assertEquals("By Jove, there's my brooch!", segment(b, "By Jove").text());
    assertEquals("Roper", segment(b, "By Jove").role());
    assertEquals("Farncombe", segment(b, "Not yet").role());
    for (String direction : List.of("Bustling", "Smiling at Roper", "The door opens", "Bedford Square")) {
      assertEquals("Narrator", segment(b, direction).role(), direction);
    }
    FormatsTest.offsetsPointIntoText(d);
  }

  /**
   * A play marked up by meaning, as Standard Ebooks set theirs: each speech a table row, the
   * speaker in a z3998:persona cell beside it, directions z3998:stage-direction. A part with one
   * line ("Maud") is a speaker too, not words of the speech before.
   */
  @Test
  void aPlayMarkedUpByMeaningHasItsPersonaeAsSpeakers() {
    String html = """
        <html xmlns:epub="http://www.idpf.org/2007/ops"><head><title>The Cake</title></head><body>
        <section epub:type="chapter z3998:scene"><h2>Act I</h2>
        <p epub:type="z3998:stage-direction">A morning-room. A piano is heard.</p>
        <table><tbody>
        <tr><td/><td><i epub:type="z3998:stage-direction">Grove is laying the table.</i></td></tr>
        <tr><td epub:type="z3998:persona">Cecil</td><td>Did you hear the piano, Grove?</td></tr>
        <tr><td epub:type="z3998:persona">Grove</td><td>I did not think it polite to listen, sir.</td></tr>
        <tr><td epub:type="z3998:persona">Cecil</td><td><i epub:type="z3998:stage-direction">Taking a cake.</i> A pity.</td></tr>
        <tr><td epub:type="z3998:persona">Grove</td><td>Yes, sir.</td></tr>
        <tr><td epub:type="z3998:persona">Maud</td><td>Good morning, Cecil.</td></tr>
        <tr><td epub:type="z3998:persona">Cecil</td><td>Maud! Sit down.</td></tr>
        </tbody></table></section></body></html>""";
    DocumentParser.Document d = parser.read("cake.html", utf8(html));
    Book b = d.book();
    assertEquals(List.of("Narrator", "Cecil", "Grove", "Maud"), roles(b));
    assertEquals("Yes, sir.", segment(b, "Yes, sir").text());
    assertEquals("Maud", segment(b, "Good morning").role());
    assertEquals("A pity.", segment(b, "A pity").text());
    for (String direction : List.of("piano is heard", "laying the table", "Taking a cake")) {
      assertEquals("Narrator", segment(b, direction).role(), direction);
    }
    FormatsTest.offsetsPointIntoText(d);
  }

  /** A screenplay saved as Word: the cue, the parenthetical and the lines each a paragraph of their own. */
  @Test
  void aScreenplayInWordHasItsCuesAsSpeakers() throws Exception {
    byte[] docx = docx(doc -> {
      para(doc, null, "INT. KITCHEN - MORNING");
      para(doc, null, "Mara fills the kettle.");
      para(doc, null, "MARA");
      para(doc, null, "Good morning.");
      para(doc, null, "TOM");
      para(doc, null, "Is it? The kettle is broken.");
      para(doc, null, "Tom folds the paper.");
      para(doc, null, "MARA");
      para(doc, null, "Then we will have cold tea.");
      para(doc, null, "TOM");
      para(doc, null, "Cold tea again.");
    });
    Book b = parser.read("kettle.docx", docx).book();
    assertEquals(List.of("Narrator", "MARA", "TOM"), roles(b));
    assertEquals("TOM", segment(b, "kettle is broken").role());
    assertEquals("Narrator", segment(b, "folds the paper").role());
    assertEquals("MARA", segment(b, "cold tea").role());
  }
}
