package com.etoaudiobook.formats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Segment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Text inside content controls (w:sdt) and custom XML, in the body, around table rows and cells and in cells,
 * is read as Word shows it.
 */
class DocxContentControlsTest {
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  @Test
  void textInsideContentControlsAndCustomXmlIsRead() {
    String body = p("The first paragraph stands on its own.")
        + "<w:sdt><w:sdtPr><w:alias w:val=\"Intro\"/></w:sdtPr><w:sdtContent>"
        + p("The second paragraph sits in a content control.") + "</w:sdtContent></w:sdt>"
        + "<w:customXml w:element=\"note\"><w:customXmlPr/>" + p("The third paragraph sits in custom markup.")
        + "</w:customXml>"
        + "<w:tbl><w:tr><w:tc>"
        + "<w:sdt><w:sdtContent>" + p("The cell holds a controlled line.") + "</w:sdtContent></w:sdt>"
        + "<w:customXml w:element=\"cell\">" + p("The cell holds a marked line.") + "</w:customXml>"
        + "</w:tc></w:tr>"
        + "<w:sdt><w:sdtContent><w:tr><w:customXml w:element=\"c\"><w:tc>" + p("The row holds a wrapped cell.")
        + "</w:tc></w:customXml></w:tr></w:sdtContent></w:sdt></w:tbl>"
        + p("The last paragraph ends the document.");
    Map<String, byte[]> zip = new LinkedHashMap<>();
    zip.put("[Content_Types].xml", Fixtures.utf8("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/word/document.xml"
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
        </Types>"""));
    zip.put("_rels/.rels", Fixtures.utf8("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Target="word/document.xml"
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
        </Relationships>"""));
    zip.put("word/document.xml", Fixtures.utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\""
        + W + "\"><w:body>" + body + "</w:body></w:document>"));
    Book b = new DocumentParser().parse("controls.docx", Fixtures.zip(zip));
    String text = b.segments().map(Segment::text).collect(Collectors.joining("\n"));
    for (String s : new String[] {"first paragraph", "second paragraph sits in a content control",
        "third paragraph sits in custom markup", "controlled line", "marked line", "wrapped cell", "last paragraph"}) {
      assertTrue(text.contains(s), s + " missing from:\n" + text);
    }
    assertTrue(text.indexOf("second paragraph") < text.indexOf("third paragraph")
        && text.indexOf("controlled line") < text.indexOf("last paragraph"), text);
  }

  private static String p(String text) {
    return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
  }
}
