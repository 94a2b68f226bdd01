package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.book.ProseBuilder;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.w3c.dom.Node;

/**
 * A Word document's body as it now stands: tracked insertions kept, deletions left out; comments,
 * page headers and footers not read. Footnote and endnote references are not read and neither are
 * the notes themselves: a listener cannot follow a jump to a note, and a note read mid-sentence
 * breaks it. Chapters at the heading level that divides the document (see {@link Chapters#level}).
 */
public final class Docx {
  /** Elements whose text is never the document as it stands, or is not read aloud. */
  private static final Set<String> SKIPPED = Set.of("del", "moveFrom", "delText", "delInstrText",
      "instrText", "footnoteReference", "endnoteReference", "commentReference", "annotationRef",
      "pPr", "rPr", "sectPr", "drawing", "pict", "object", "AlternateContent", "footnoteRef",
      "endnoteRef", "fldChar", "sym", "softHyphen");

  private final XWPFDocument doc;

  private record Para(String text, int level) {
  }

  public Docx(byte[] bytes) {
    // Checks the archive's real sizes first; POI's own guard (ZipSecureFile) stays on as well.
    SafeZip.read(bytes, "Word");
    try {
      doc = new XWPFDocument(OPCPackage.open(interruptible(bytes)));
    } catch (BookFormatException e) {
      throw e; // stopped (an interrupt), not a damaged file
    } catch (IOException | InvalidFormatException | RuntimeException e) {
      Cancellation.check(); // POI reports our stop as a failed read
      throw new BookFormatException("corrupt", "The Word file is damaged and cannot be opened ("
          + e.getMessage() + ")");
    }
  }

  /**
   * The package's parts, each read through a stream that checks for an interrupt: POI parses the
   * document's XML as it reads it, so a long load stops at its next buffer.
   */
  private static ZipEntrySource interruptible(byte[] bytes) throws IOException {
    ZipEntrySource zip = new ZipInputStreamZipEntrySource(
        new ZipArchiveThresholdInputStream(new ZipArchiveInputStream(InterruptibleInput.of(bytes))));
    return new ZipEntrySource() {
      @Override
      public Enumeration<? extends ZipArchiveEntry> getEntries() {
        return zip.getEntries();
      }

      @Override
      public ZipArchiveEntry getEntry(String path) {
        return zip.getEntry(path);
      }

      @Override
      public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
        return new FilterInputStream(zip.getInputStream(entry)) {
          @Override
          public int read() throws IOException {
            Cancellation.check();
            return super.read();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            Cancellation.check();
            return super.read(b, off, len);
          }
        };
      }

      @Override
      public void close() throws IOException {
        zip.close();
      }

      @Override
      public boolean isClosed() {
        return zip.isClosed();
      }
    };
  }

  /** The document's Title property, else its first paragraph in the Title style. */
  public String title() {
    String t = doc.getProperties().getCoreProperties().getTitle();
    if (t != null && !t.isBlank()) {
      return t.strip();
    }
    for (XWPFParagraph p : doc.getParagraphs()) {
      String id = p.getStyleID();
      XWPFStyle style = id == null || doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
      String name = style != null && style.getName() != null ? style.getName() : id;
      if (name != null && name.equalsIgnoreCase("title") && !text(p).isBlank()) {
        return text(p).replace('\n', ' ');
      }
    }
    return null;
  }

  public String author() {
    String a = doc.getProperties().getCoreProperties().getCreator();
    return a == null || a.isBlank() ? null : a.strip();
  }

  public void text(ProseBuilder builder) {
    List<Para> paras = new ArrayList<>();
    for (IBodyElement el : doc.getBodyElements()) {
      Cancellation.check();
      if (el instanceof XWPFParagraph p) {
        paras.add(new Para(text(p), level(p)));
      } else if (el instanceof XWPFTable t) {
        table(t, paras);
      }
    }
    if (paras.stream().allMatch(p -> p.text().isBlank())) {
      throw new BookFormatException("no-text", "The Word document has no body text to read"
          + " (page headers, footers and comments are not read)");
    }
    int[] levels = paras.stream().filter(p -> !p.text().isBlank()).mapToInt(Para::level).toArray();
    int top = Chapters.level(levels);
    Chapters chapters = new Chapters(builder);
    boolean started = false;
    for (Para p : paras) {
      if (p.text().isBlank()) {
        continue;
      }
      if (top > 0 && p.level() > 0 && p.level() < top) {
        continue; // above the dividing level: the document's title, not a chapter
      }
      if (top > 0 && p.level() == top) {
        chapters.chapter(p.text());
        started = true;
        continue;
      }
      if (!started) {
        chapters.chapter(null);
        started = true;
      }
      chapters.paragraph(p.text());
    }
  }

  /** A cell is one paragraph (its lines kept apart); nested tables are read in place. */
  private static void table(XWPFTable t, List<Para> paras) {
    for (XWPFTableRow row : t.getRows()) {
      for (XWPFTableCell cell : row.getTableCells()) {
        StringBuilder sb = new StringBuilder();
        for (IBodyElement el : cell.getBodyElements()) {
          if (el instanceof XWPFParagraph p) {
            String s = text(p);
            if (!s.isBlank()) {
              sb.append(sb.isEmpty() ? "" : "\n").append(s);
            }
          } else if (el instanceof XWPFTable inner) {
            table(inner, paras);
          }
        }
        paras.add(new Para(sb.toString(), 0));
      }
    }
  }

  /** The paragraph's text as it now reads: line breaks kept, tabs as spaces. */
  static String text(XWPFParagraph p) {
    StringBuilder sb = new StringBuilder();
    walk(p.getCTP().getDomNode(), sb);
    return sb.toString().replaceAll("[ \\t\\u00a0]+", " ").replaceAll(" ?\\n ?", "\n").strip();
  }

  private static void walk(Node node, StringBuilder sb) {
    for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() != Node.ELEMENT_NODE) {
        continue;
      }
      String name = c.getLocalName() == null ? c.getNodeName() : c.getLocalName();
      if (SKIPPED.contains(name)) {
        continue;
      }
      switch (name) {
        case "t" -> {
          // getTextContent is DOM level 3, which XMLBeans' DOM does not implement
          for (Node t = c.getFirstChild(); t != null; t = t.getNextSibling()) {
            if (t.getNodeValue() != null) {
              sb.append(t.getNodeValue());
            }
          }
        }
        case "tab", "ptab" -> sb.append(' ');
        case "br", "cr" -> sb.append('\n');
        case "noBreakHyphen" -> sb.append('-');
        default -> walk(c, sb);
      }
    }
  }

  /** 1–9 for "Heading N" (by style id or name, so localized templates work too), else 0. */
  private int level(XWPFParagraph p) {
    String id = p.getStyleID();
    if (id == null) {
      return 0;
    }
    XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
    if (style == null && doc.getStyles() != null && doc.getStyles().getNumberOfStyles() > 0) {
      return 0; // a style styles.xml does not define is an ordinary paragraph
    }
    String name = style == null || style.getName() == null ? id : style.getName();
    for (String s : new String[] {name, id}) {
      String n = s.toLowerCase(Locale.ROOT).replace(" ", "");
      if (n.matches("heading[1-9]")) {
        return n.charAt(7) - '0';
      }
    }
    return 0;
  }
}
