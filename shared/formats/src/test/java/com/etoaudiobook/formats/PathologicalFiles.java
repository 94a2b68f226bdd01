package com.etoaudiobook.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/** The document files of {@link Pathological}: EPUB, Word and PDF built from text, for the parsers' stress inputs. */
public final class PathologicalFiles {
  private PathologicalFiles() {
  }

  static byte[] zip(Map<String, byte[]> entries) {
    return Fixtures.zip(entries);
  }


  private static final String CONTAINER = "<?xml version=\"1.0\"?><container version=\"1.0\" "
      + "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile "
      + "full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>";

  private static String xhtml(String title, String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
        + "<head><title>" + title + "</title></head><body><h1>" + title + "</h1>" + body + "</body></html>";
  }

  /** An EPUB 2 with one spine item per chapter (body as given) and an NCX naming them. */
  static Pathological.Input epub(String name, Map<String, String> chapters) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    StringBuilder manifest = new StringBuilder();
    StringBuilder spine = new StringBuilder();
    StringBuilder nav = new StringBuilder();
    int i = 0;
    for (Map.Entry<String, String> c : chapters.entrySet()) {
      i++;
      files.put("OEBPS/c" + i + ".xhtml", Pathological.utf8(xhtml(c.getKey(), c.getValue())));
      manifest.append("<item id=\"c").append(i).append("\" href=\"c").append(i)
          .append(".xhtml\" media-type=\"application/xhtml+xml\"/>");
      spine.append("<itemref idref=\"c").append(i).append("\"/>");
      nav.append("<navPoint id=\"n").append(i).append("\"><navLabel><text>").append(c.getKey())
          .append("</text></navLabel><content src=\"c").append(i).append(".xhtml\"/></navPoint>");
    }
    return epub(name, files, manifest.toString(), spine.toString(), nav.toString());
  }

  private static Pathological.Input epub(String name, Map<String, byte[]> content, String manifest, String spine, String nav) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("mimetype", Pathological.utf8("application/epub+zip"));
    files.put("META-INF/container.xml", Pathological.utf8(CONTAINER));
    files.put("OEBPS/content.opf", Pathological.utf8("<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" "
        + "version=\"2.0\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Book</dc:title>"
        + "<dc:language>en</dc:language></metadata><manifest>" + manifest
        + "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/></manifest>"
        + "<spine toc=\"ncx\">" + spine + "</spine></package>"));
    files.put("OEBPS/toc.ncx", Pathological.utf8("<?xml version=\"1.0\"?><ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" "
        + "version=\"2005-1\"><navMap>" + nav + "</navMap></ncx>"));
    files.putAll(content);
    return new Pathological.Input(name, zip(files));
  }

  /** One chapter in the spine again and again: a small archive that asks for much parsing. */
  static Pathological.Input spineRepeats(int n) {
    String body = Pathological.randomWords(n / 2);
    Map<String, byte[]> files = Map.of("OEBPS/c.xhtml", Pathological.utf8(xhtml("C", "<p>" + body + "</p>")));
    String spine = "<itemref idref=\"c\"/>".repeat(Math.max(1, n / 2 / 20));
    return epub("spine-repeats.epub", files,
        "<item id=\"c\" href=\"c.xhtml\" media-type=\"application/xhtml+xml\"/>", spine, "");
  }

  /** A table of contents nested as deep as its size allows, each level naming the one chapter. */
  static Pathological.Input nestedNavPoints(int n) {
    String nav = Pathological.noisy(n, r -> "<navPoint id=\"" + r + "\"><navLabel><text>C</text></navLabel><content src=\"c.xhtml\"/>");
    nav += "</navPoint>".repeat(nav.length() / 90);
    Map<String, byte[]> files = Map.of("OEBPS/c.xhtml", Pathological.utf8(xhtml("C", "<p>Some text.</p>")));
    return epub("nested-navpoints.epub", files,
        "<item id=\"c\" href=\"c.xhtml\" media-type=\"application/xhtml+xml\"/>", "<itemref idref=\"c\"/>", nav);
  }

  /** Thousands of one-line chapters, each its own file (within the archive's entry limit). */
  static Pathological.Input manyItems(int n) {
    Map<String, String> ch = new LinkedHashMap<>();
    int count = Math.min(9_000, Math.max(1, n / 300));
    for (int i = 0; i < count; i++) {
      ch.put("C" + i, "<p>" + Pathological.repeat("word ", n / count - 150) + "</p>");
    }
    return epub("many-items.epub", ch);
  }

  /** A Word document of the paragraphs; {@code runs}: every word its own run. */
  static Pathological.Input docx(String name, List<String> paragraphs, boolean runs) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String p : paragraphs) {
        XWPFParagraph para = doc.createParagraph();
        if (runs) {
          for (String w : p.split(" ")) {
            XWPFRun r = para.createRun();
            r.setText(w + " ");
          }
        } else {
          para.createRun().setText(p);
        }
      }
      doc.write(out);
      return new Pathological.Input(name, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A PDF of the paragraphs in Helvetica, 60 lines a page, a blank line between paragraphs; {@code oneLine}:
   * each paragraph one line of text however long (a text layer without line breaks).
   */
  static Pathological.Input pdf(String name, List<String> paragraphs, boolean oneLine) {
    return pdf(name, paragraphs, oneLine ? Integer.MAX_VALUE : 90, 10, 60);
  }

  /** A PDF of the paragraphs: lines of at most {@code width} characters, {@code size}-point Helvetica, {@code perPage} lines a page. */
  static Pathological.Input pdf(String name, List<String> paragraphs, int width, float size, int perPage) {
    boolean oneLine = width == Integer.MAX_VALUE;
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      List<String> lines = new ArrayList<>();
      for (String p : paragraphs) {
        if (oneLine) {
          lines.add(p);
        } else {
          StringBuilder line = new StringBuilder();
          for (String w : p.replace('\u201C', '"').replace('\u201D', '"').split(" ")) {
            if (line.length() + w.length() > width) {
              lines.add(line.toString());
              line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(w);
          }
          lines.add(line.toString());
        }
        lines.add("");
      }
      for (int from = 0; from < lines.size(); from += perPage) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, size);
          cs.setLeading(size * 1.2f);
          cs.newLineAtOffset(50, 750);
          for (String l : lines.subList(from, Math.min(lines.size(), from + perPage))) {
            cs.showText(l);
            cs.newLine();
          }
          cs.endText();
        }
      }
      doc.save(out);
      return new Pathological.Input(name, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
