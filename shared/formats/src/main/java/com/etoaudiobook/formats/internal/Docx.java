package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.ProseBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** A Word document: headings (Heading 1, or the highest level used) start chapters. */
public final class Docx {
  private final XWPFDocument doc;

  private record Para(String text, int level) {
  }

  public Docx(byte[] bytes) {
    // Checks the archive's real sizes first; POI's own guard (ZipSecureFile) stays on as well.
    SafeZip.read(bytes, "Word");
    try {
      doc = new XWPFDocument(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw new BookFormatException("corrupt", "The Word file is damaged and cannot be opened ("
          + e.getMessage() + ")");
    }
  }

  public String title() {
    String t = doc.getProperties().getCoreProperties().getTitle();
    return t == null || t.isBlank() ? null : t.strip();
  }

  public String author() {
    String a = doc.getProperties().getCoreProperties().getCreator();
    return a == null || a.isBlank() ? null : a.strip();
  }

  public void text(ProseBuilder builder) {
    List<Para> paras = new ArrayList<>();
    for (IBodyElement el : doc.getBodyElements()) {
      if (el instanceof XWPFParagraph p) {
        paras.add(new Para(text(p), level(p)));
      } else if (el instanceof XWPFTable t) {
        for (XWPFTableRow row : t.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) {
            for (XWPFParagraph p : cell.getParagraphs()) {
              paras.add(new Para(text(p), 0));
            }
          }
        }
      }
    }
    int top = paras.stream().mapToInt(Para::level).filter(l -> l > 0).min().orElse(0);
    Chapters chapters = new Chapters(builder);
    boolean started = false;
    for (Para p : paras) {
      if (p.text().isBlank()) {
        continue;
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

  /** Runs' text (tabs and breaks as whitespace); footnote and comment references are left out. */
  private static String text(XWPFParagraph p) {
    StringBuilder sb = new StringBuilder();
    for (XWPFRun r : p.getRuns()) {
      sb.append(r.text());
    }
    return sb.toString().replace('\t', ' ').strip();
  }

  /** 1–9 for "Heading N" (by style id or name, so localized templates work too), else 0. */
  private int level(XWPFParagraph p) {
    String id = p.getStyleID();
    if (id == null) {
      return 0;
    }
    String name = id;
    if (doc.getStyles() != null) {
      XWPFStyle style = doc.getStyles().getStyle(id);
      if (style != null && style.getName() != null) {
        name = style.getName();
      }
    }
    for (String s : new String[] {name, id}) {
      String n = s.toLowerCase(Locale.ROOT).replace(" ", "");
      if (n.matches("heading[1-9]")) {
        return n.charAt(7) - '0';
      }
      if (n.equals("title")) {
        return 0;
      }
    }
    return 0;
  }
}
