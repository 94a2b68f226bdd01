package com.etoaudiobook.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small documents built at run time, so the tests show exactly what they feed in. */
final class Fixtures {
  private Fixtures() {
  }

  /** A web page printed to PDF by headless Chromium, as a reader saves one (no bookmarks, a header and footer). */
  static byte[] printedByChromium(java.net.URI page) throws IOException, InterruptedException {
    java.nio.file.Path pdf = java.nio.file.Files.createTempFile("printed", ".pdf");
    try {
      Process print = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
          "--print-to-pdf=" + pdf, page.toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!print.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || print.exitValue() != 0) {
        print.destroyForcibly();
        throw new IOException("chromium could not print " + page);
      }
      return java.nio.file.Files.readAllBytes(pdf);
    } finally {
      java.nio.file.Files.deleteIfExists(pdf);
    }
  }

  static byte[] zip(Map<String, byte[]> entries) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          ZipEntry entry = new ZipEntry(e.getKey());
          if (e.getKey().equals("mimetype")) {
            // EPUB: the mimetype entry comes first, stored.
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(e.getValue().length);
            CRC32 crc = new CRC32();
            crc.update(e.getValue());
            entry.setCrc(crc.getValue());
          }
          zip.putNextEntry(entry);
          zip.write(e.getValue());
          zip.closeEntry();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static final String CONTAINER = """
      <?xml version="1.0"?>
      <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
      </container>""";

  static final String CH1 = """
      <?xml version="1.0" encoding="UTF-8"?>
      <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
      <head><title>One</title></head>
      <body>
        <h1>Chapter One: The Door</h1>
        <p>Anna opened the door.<a epub:type="noteref" href="#fn1">1</a> “Who is there?” asked Anna.</p>
        <span epub:type="pagebreak" id="page7" title="7">7</span>
        <p>“Only me,” said Tom.</p>
        <aside epub:type="footnote" id="fn1"><p>A footnote that is never read.</p></aside>
      </body></html>""";

  static final String CH2 = """
      <?xml version="1.0" encoding="UTF-8"?>
      <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
      <head><title>Two</title></head>
      <body>
        <h1>Chapter Two</h1>
        <p>The rain stopped<sup><a href="notes.xhtml#n2">2</a></sup> before dawn.</p>
        <div class="pagenum">8</div>
        <p>They walked home.</p>
      </body></html>""";

  static final String NAV = """
      <?xml version="1.0" encoding="UTF-8"?>
      <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
      <head><title>Contents</title></head>
      <body><nav epub:type="toc"><h1>Contents</h1><ol>
        <li><a href="ch1.xhtml">Chapter One: The Door</a></li>
        <li><a href="ch2.xhtml">Chapter Two</a></li>
      </ol></nav></body></html>""";

  static final String NCX = """
      <?xml version="1.0" encoding="UTF-8"?>
      <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
        <navMap>
          <navPoint id="n1" playOrder="1"><navLabel><text>The Door</text></navLabel><content src="ch1.xhtml"/></navPoint>
          <navPoint id="n2" playOrder="2"><navLabel><text>The Walk Home</text></navLabel><content src="ch2.xhtml"/></navPoint>
        </navMap>
      </ncx>""";

  /** An EPUB 3 (nav document) or EPUB 2 (NCX) with two chapters and a cover. */
  static Map<String, byte[]> epubEntries(boolean epub3) {
    String opf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="%s" unique-identifier="id">
          <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
            <dc:title>The Door</dc:title>
            <dc:creator opf:role="aut">Jane Writer</dc:creator>
            <dc:language>en-GB</dc:language>
            <meta name="cover" content="cover-img"/>
          </metadata>
          <manifest>
            %s
            <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
            <item id="cover-img" href="images/cover.jpg" media-type="image/jpeg" %s/>
            <item id="ch1" href="ch1.xhtml" media-type="application/xhtml+xml"/>
            <item id="ch2" href="ch2.xhtml" media-type="application/xhtml+xml"/>
          </manifest>
          <spine toc="ncx">%s<itemref idref="ch1"/><itemref idref="ch2"/></spine>
        </package>""".formatted(epub3 ? "3.0" : "2.0",
        epub3 ? "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>" : "",
        epub3 ? "properties=\"cover-image\"" : "",
        epub3 ? "<itemref idref=\"nav\"/>" : "");
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("mimetype", utf8("application/epub+zip"));
    e.put("META-INF/container.xml", utf8(CONTAINER));
    e.put("OEBPS/content.opf", utf8(opf));
    if (epub3) {
      e.put("OEBPS/nav.xhtml", utf8(NAV));
    }
    e.put("OEBPS/toc.ncx", utf8(NCX));
    e.put("OEBPS/images/cover.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3});
    e.put("OEBPS/ch1.xhtml", utf8(CH1));
    e.put("OEBPS/ch2.xhtml", utf8(CH2));
    return e;
  }

  static byte[] epub(boolean epub3) {
    return zip(epubEntries(epub3));
  }
}
