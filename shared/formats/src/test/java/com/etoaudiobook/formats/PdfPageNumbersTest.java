package com.etoaudiobook.formats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Segment;
import java.io.ByteArrayOutputStream;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;

/** A page without a content stream still counts: the outline's page numbers are the document's. */
class PdfPageNumbersTest {
  @Test
  void aChapterAfterAnEmptyPageStartsOnItsOwnPage() throws Exception {
    byte[] pdf;
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage first = page(doc, "The preface tells how the story was found in an old trunk.");
      doc.addPage(new PDPage()); // no /Contents at all
      PDPage third = page(doc, "The river was high that spring and nobody crossed it.");
      PDDocumentOutline outline = new PDDocumentOutline();
      outline.addLast(item("Preface", first));
      outline.addLast(item("Chapter One", third));
      doc.getDocumentCatalog().setDocumentOutline(outline);
      doc.save(out);
      pdf = out.toByteArray();
    }
    Book b = new DocumentParser().parse("empty-page.pdf", pdf);
    Chapter one = b.chapters().stream().filter(c -> c.title().equals("Chapter One")).findFirst()
        .orElseThrow(() -> new AssertionError("no chapter \"Chapter One\" in " + b.chapters()));
    String text = one.segments().stream().map(Segment::text).collect(Collectors.joining(" "));
    assertTrue(text.startsWith("The river was high"), text);
  }

  private static PDPage page(PDDocument doc, String text) throws Exception {
    PDPage p = new PDPage();
    doc.addPage(p);
    try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
      cs.beginText();
      cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
      cs.newLineAtOffset(72, 700);
      cs.showText(text);
      cs.endText();
    }
    return p;
  }

  private static PDOutlineItem item(String title, PDPage page) {
    PDOutlineItem i = new PDOutlineItem();
    i.setTitle(title);
    PDPageFitDestination d = new PDPageFitDestination();
    d.setPage(page);
    i.setDestination(d);
    return i;
  }
}
