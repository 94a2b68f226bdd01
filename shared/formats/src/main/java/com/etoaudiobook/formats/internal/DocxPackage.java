package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Cancellation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The parts of a Word package read as streams of XML events, never as a tree: the main document's body
 * paragraph by paragraph (a check for a stop at each, where POI built an object for every paragraph and run
 * of the document before the first could be read, and held them all), the style names and the core
 * properties. Names are matched without their namespace, so Strict documents read as Transitional ones do.
 * No DTD is read: entities are neither declared nor fetched.
 */
final class DocxPackage {
  /** Elements whose text is never the document as it stands, or is not read aloud. */
  private static final Set<String> SKIPPED = Set.of("del", "moveFrom", "delText", "delInstrText",
      "instrText", "footnoteReference", "endnoteReference", "commentReference", "annotationRef",
      "pPr", "rPr", "sectPr", "drawing", "pict", "object", "AlternateContent", "footnoteRef",
      "endnoteRef", "fldChar", "sym", "softHyphen");

  /**
   * A block of the body: a paragraph (with its style id, or null) or a table cell (its paragraphs' lines).
   *
   * @param body a paragraph of the body itself, not of a table
   */
  record Para(String text, String style, boolean body) {
  }

  private final Map<String, byte[]> parts;
  private final String main;

  DocxPackage(Map<String, byte[]> parts) {
    this.parts = parts;
    String target = target("", "_rels/.rels", "/officeDocument");
    this.main = target != null && parts.containsKey(target) ? target : "word/document.xml";
    if (!parts.containsKey(main)) {
      throw new BookFormatException("corrupt", "The Word file is damaged and cannot be opened (it has no "
          + "document part)");
    }
  }

  /** The body's blocks in reading order. */
  void body(Consumer<Para> out) {
    read(main, r -> {
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("body")) {
          blocks(r, out);
          return;
        }
      }
    });
  }

  /** Style id → style name, or null when the document has no styles part. */
  Map<String, String> styles() {
    String dir = ArchivePaths.dir(main);
    String rels = dir + "_rels/" + main.substring(dir.length()) + ".rels";
    String target = target(dir, rels, "/styles");
    String part = target != null && parts.containsKey(target) ? target : dir + "styles.xml";
    if (!parts.containsKey(part)) {
      return null;
    }
    Map<String, String> names = new HashMap<>();
    read(part, r -> {
      String id = null;
      String name = null;
      while (r.hasNext()) {
        int e = r.next();
        if (e == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("style")) {
          id = attribute(r, "styleId");
          name = null;
        } else if (e == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("name") && name == null) {
          name = attribute(r, "val");
        } else if (e == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("style")) {
          if (id != null && !names.containsKey(id)) {
            names.put(id, name); // the first of an id is the one Word (and POI) uses
          }
          id = null;
        }
      }
    });
    return names;
  }

  /** The core properties' title and creator (either null). */
  String[] titleAndAuthor() {
    String target = target("", "_rels/.rels", "/core-properties");
    String part = target != null && parts.containsKey(target) ? target : "docProps/core.xml";
    String[] out = new String[2];
    if (parts.containsKey(part)) {
      read(part, r -> {
        int depth = 0;
        while (r.hasNext()) {
          int e = r.next();
          if (e == XMLStreamConstants.START_ELEMENT) {
            depth++;
            int i = r.getLocalName().equals("title") ? 0 : r.getLocalName().equals("creator") ? 1 : -1;
            if (depth == 2 && i >= 0 && out[i] == null) {
              out[i] = r.getElementText();
              depth--;
            }
          } else if (e == XMLStreamConstants.END_ELEMENT) {
            depth--;
          }
        }
      });
    }
    return out;
  }

  private interface Reading {
    void read(XMLStreamReader r) throws XMLStreamException;
  }

  private void read(String part, Reading reading) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    try {
      XMLStreamReader r = f.createXMLStreamReader(InterruptibleInput.of(parts.get(part)));
      try {
        reading.read(r);
      } finally {
        r.close();
      }
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof BookFormatException b) {
        throw b;
      }
      Cancellation.check();
      throw new BookFormatException("corrupt", "The Word file is damaged and cannot be opened (" + part + ": "
          + e.getMessage() + ")");
    }
  }

  /**
   * The children of {@code body} (POI's body elements): paragraphs and tables, and those inside content
   * controls (w:sdt) and custom XML, whose text Word shows as any other.
   */
  private static void blocks(XMLStreamReader r, Consumer<Para> out) throws XMLStreamException {
    for (String child; (child = nextChild(r)) != null; ) {
      switch (child) {
        case "p" -> out.accept(paragraph(r, true));
        case "tbl" -> table(r, out);
        case "sdt", "sdtContent", "customXml" -> blocks(r, out); // sdtPr and customXmlPr are skipped inside
        default -> skip(r);
      }
    }
  }

  /**
   * The local name of the next child element of the one the reader is in, or null at its end; a stop is
   * checked at each child, so no long run of paragraphs or cells escapes the parse deadline.
   */
  private static String nextChild(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamConstants.END_ELEMENT) {
        return null;
      }
      if (e == XMLStreamConstants.START_ELEMENT) {
        Cancellation.check();
        return r.getLocalName();
      }
    }
    return null;
  }

  /** A cell is one block (its lines kept apart); nested tables are read in place, before it. */
  private static void table(XMLStreamReader r, Consumer<Para> out) throws XMLStreamException {
    rows(r, out, false);
  }

  /**
   * The rows (in a row, the cells) up to the end of the element the reader is in, looking through content
   * controls and custom XML around them.
   */
  private static void rows(XMLStreamReader r, Consumer<Para> out, boolean inRow) throws XMLStreamException {
    for (String child; (child = nextChild(r)) != null; ) {
      switch (child) {
        case "tr" -> {
          if (inRow) {
            skip(r);
          } else {
            rows(r, out, true);
          }
        }
        case "tc" -> {
          if (inRow) {
            out.accept(cell(r, out));
          } else {
            skip(r);
          }
        }
        case "sdt", "sdtContent", "customXml" -> rows(r, out, inRow);
        default -> skip(r);
      }
    }
  }

  private static Para cell(XMLStreamReader r, Consumer<Para> out) throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    cell(r, out, sb);
    return new Para(sb.toString(), null, false);
  }

  /** The cell's paragraphs into {@code sb}, up to the end of the element the reader is in. */
  private static void cell(XMLStreamReader r, Consumer<Para> out, StringBuilder sb) throws XMLStreamException {
    for (String child; (child = nextChild(r)) != null; ) {
      switch (child) {
        case "p" -> {
          String s = paragraph(r, false).text();
          if (!s.isBlank()) {
            sb.append(sb.isEmpty() ? "" : "\n").append(s);
          }
        }
        case "tbl" -> table(r, out);
        case "sdt", "sdtContent", "customXml" -> cell(r, out, sb);
        default -> skip(r);
      }
    }
  }

  /** A paragraph's text as it now reads (line breaks kept, tabs as spaces) and its style id. */
  private static Para paragraph(XMLStreamReader r, boolean body) throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    String style = null;
    for (int depth = 1; depth > 0; ) {
      int e = r.next();
      if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
        continue;
      }
      if (e != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = r.getLocalName();
      if (depth == 1 && name.equals("pPr")) {
        style = style(r);
      } else if (SKIPPED.contains(name)) {
        skip(r);
      } else {
        switch (name) {
          case "t" -> text(r, sb);
          case "tab", "ptab" -> {
            sb.append(' ');
            skip(r);
          }
          case "br", "cr" -> {
            sb.append('\n');
            skip(r);
          }
          case "noBreakHyphen" -> {
            sb.append('-');
            skip(r);
          }
          default -> depth++;
        }
      }
    }
    String text = sb.toString().replaceAll("[ \\t\\u00a0]+", " ").replaceAll(" ?\\n ?", "\n").strip();
    return new Para(text, style, body);
  }

  /** The pStyle of a paragraph's properties, which are consumed. */
  private static String style(XMLStreamReader r) throws XMLStreamException {
    String style = null;
    for (int depth = 1; depth > 0; ) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        if (depth == 1 && r.getLocalName().equals("pStyle")) {
          style = attribute(r, "val");
        }
        depth++;
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    return style;
  }

  /** Consumes the element just started, with everything in it. */
  private static void skip(XMLStreamReader r) throws XMLStreamException {
    text(r, null);
  }

  /**
   * Consumes the element just started ({@code t}), its own text into {@code sb} unless that is null (text in
   * elements within it is not its own).
   */
  private static void text(XMLStreamReader r, StringBuilder sb) throws XMLStreamException {
    for (int depth = 1; depth > 0; ) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (sb != null && depth == 1 && (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA
          || e == XMLStreamConstants.SPACE)) {
        sb.append(r.getText());
      }
    }
  }

  private static String attribute(XMLStreamReader r, String localName) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (r.getAttributeLocalName(i).equals(localName)) {
        return r.getAttributeValue(i);
      }
    }
    return null;
  }

  /** The part a relationship of {@code type} (its end) in {@code rels} points at, from {@code dir}; or null. */
  private String target(String dir, String rels, String type) {
    if (!parts.containsKey(rels)) {
      return null;
    }
    List<String> found = new ArrayList<>();
    read(rels, r -> {
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
          String t = attribute(r, "Type");
          String target = attribute(r, "Target");
          if (t != null && t.endsWith(type) && target != null && !"External".equals(attribute(r, "TargetMode"))) {
            found.add(target);
          }
        }
      }
    });
    return found.isEmpty() ? null : ArchivePaths.resolve(dir, found.get(0));
  }
}
