package com.etoaudiobook.bench;

import com.etoaudiobook.formats.DocumentParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * PDF parsing must stay linear in the text: a PDF with no paragraph break at all (one paragraph
 * over every page, the case that once took quadratic time) is parsed at N and 4N pages, and the
 * time per page of the larger is printed as a ratio of the smaller's (1.0 is linear; quadratic
 * work shows as about 4).   bench/run.sh PdfScalingBench [PAGES]
 */
public final class PdfScalingBench {
  private static final String[] WORDS = {"and", "the", "words", "ran", "on", "without", "a",
      "stop", "from", "line", "to", "river", "lamp", "stone", "quiet", "morning", "walked"};

  private PdfScalingBench() {
  }

  public static void main(String[] args) throws IOException {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    byte[] small = pdf(pages);
    byte[] large = pdf(pages * 4);
    DocumentParser parser = new DocumentParser();
    for (int i = 0; i < 3; i++) {
      parser.read("warm.pdf", small); // JIT warm-up
    }
    double perPageSmall = best(parser, small) / pages;
    double perPageLarge = best(parser, large) / (pages * 4.0);
    System.out.printf("PDF without paragraph breaks: %d pages %.2f ms/page, %d pages %.2f ms/page%n",
        pages, perPageSmall, pages * 4, perPageLarge);
    System.out.printf("time per page, 4x the pages vs 1x: %.2f (1.0 = linear, ~4 = quadratic)%n",
        perPageLarge / perPageSmall);
  }

  private static double best(DocumentParser parser, byte[] pdf) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      parser.read("bench.pdf", pdf);
      best = Math.min(best, (System.nanoTime() - t0) / 1e6);
    }
    return best;
  }

  /** A full line of words that no other line repeats (repeated lines are running heads). */
  private static String line(int n) {
    StringBuilder sb = new StringBuilder();
    long x = n * 2654435761L + 12345;
    while (sb.length() < 60) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      sb.append(WORDS[(int) ((x >>> 33) % WORDS.length)]).append(' ');
    }
    return sb.toString().strip();
  }

  private static byte[] pdf(int pages) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          for (int l = 0; l < 45; l++) {
            cs.beginText();
            cs.setFont(font, 11);
            cs.newLineAtOffset(72, 740 - l * 15);
            cs.showText(line(p * 45 + l));
            cs.endText();
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
