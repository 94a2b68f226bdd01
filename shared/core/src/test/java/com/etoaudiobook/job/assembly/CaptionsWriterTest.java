package com.etoaudiobook.job.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.etoaudiobook.book.Segment;
import com.etoaudiobook.engine.Speech;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** captions.vtt's cues: a sentence each, with the line breaks a listener should see. */
class CaptionsWriterTest {

  private static String captions(String text, List<Speech.Mark> marks) throws Exception {
    StringWriter out = new StringWriter();
    CaptionsWriter w = new CaptionsWriter(out);
    w.start();
    w.segment(new Segment(0, 0, 0, "Narrator", null, text, 0, text.length()), 0, 9000, marks);
    w.close();
    return out.toString();
  }

  private static Speech.Mark sentence(int at, long ms) {
    return new Speech.Mark("sentence", ms, at, at);
  }

  @Test
  void aPlainTextFilesWrappingIsNotACaptionsLineBreak() throws Exception {
    // Project Gutenberg's text, wrapped at 70 columns with CRLF: the second sentence starts mid-line
    String text = "To Sherlock Holmes she is always THE woman. I have seldom heard\r\n"
        + "him mention her under any other name. In his eyes she eclipses and\r\n"
        + "predominates the whole of her sex.";
    int second = text.indexOf("I have");
    String vtt = captions(text, List.of(sentence(0, 0), sentence(second, 2500)));
    assertTrue(vtt.contains("<v Narrator>I have seldom heard him mention her under any other name. In his eyes"
        + " she eclipses and predominates the whole of her sex.\n\n"), vtt);
    assertFalse(vtt.contains("\r"), vtt);
  }

  @Test
  void verseKeepsItsLines() throws Exception {
    String text = "April is the cruellest month, breeding\nLilacs out of the dead land, mixing\n"
        + "Memory and desire, stirring\nDull roots with spring rain.";
    String vtt = captions(text, List.of(sentence(0, 0)));
    assertTrue(vtt.contains("breeding\nLilacs out of the dead land, mixing\nMemory"), vtt);
  }

  @Test
  void wrappingIsToldFromVerseByTheLengthsOfLinesBetweenAParagraphsFirstAndLast() {
    assertEquals(Boolean.TRUE, CaptionsWriter.hardWrapped("""
        it was the worst
        of times, it was the age of wisdom, it was the age of foolishness, it was
        the epoch of belief."""));
    assertEquals(Boolean.FALSE, CaptionsWriter.hardWrapped("""
        April is the cruellest month, breeding
        Lilacs out of the dead land, mixing
        Memory and desire, stirring"""));
    assertNull(CaptionsWriter.hardWrapped("One line, no break at all."));
    assertNull(CaptionsWriter.hardWrapped("a quotation that starts mid-line\nand ends on the next."));
  }

  @Test
  void aQuotationOfTwoLinesIsJoinedInABookOfWrappedProse() throws Exception {
    // its two lines alone do not tell; the narration before it did
    StringWriter out = new StringWriter();
    CaptionsWriter w = new CaptionsWriter(out);
    w.start();
    String narration = "It was the best of times,\nit was the worst of times, it was the age of wisdom, it was the age\n"
        + "of foolishness.";
    w.segment(new Segment(0, 0, 0, "Narrator", null, narration, 0, narration.length()), 0, 4000, List.of());
    String quote = "I think, Watson, that you have\nput on seven and a half pounds since I saw you.";
    w.segment(new Segment(1, 0, 1, "Holmes", null, quote, 0, quote.length()), 4000, 8000, List.of());
    w.close();
    assertTrue(out.toString().contains("<v Holmes>I think, Watson, that you have put on seven and a half pounds"),
        out.toString());
  }
}
