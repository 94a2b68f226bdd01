package com.etoaudiobook.formats;

import static com.etoaudiobook.formats.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.ProseBuilder;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Every class of bad file ends in a BookFormatException with its reason, quickly. */
class BadFilesTest {
  private final DocumentParser parser = new DocumentParser();

  private BookFormatException refused(String name, byte[] bytes, String reason) {
    BookFormatException e = assertThrows(BookFormatException.class, () -> parser.parse(name, bytes));
    assertEquals(reason, e.reason(), e.getMessage());
    return e;
  }

  @Test
  void epubWithEncryptedContentIsRefused() {
    Map<String, byte[]> entries = Fixtures.epubEntries(true);
    entries.put("META-INF/encryption.xml", utf8("""
        <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
                    xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
          <enc:EncryptedData>
            <enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
            <enc:CipherData><enc:CipherReference URI="OEBPS/ch1.xhtml"/></enc:CipherData>
          </enc:EncryptedData>
        </encryption>"""));
    assertTrue(refused("x.epub", Fixtures.zip(entries), "encrypted").getMessage().contains("DRM"));
  }

  @Test
  void epubWithOnlyObfuscatedFontsIsRead() {
    Map<String, byte[]> entries = Fixtures.epubEntries(true);
    entries.put("META-INF/encryption.xml", utf8("""
        <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
                    xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
          <enc:EncryptedData>
            <enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>
            <enc:CipherData><enc:CipherReference URI="OEBPS/fonts/a.otf"/></enc:CipherData>
          </enc:EncryptedData>
        </encryption>"""));
    assertEquals(2, parser.parse("x.epub", Fixtures.zip(entries)).chapters().size());
  }

  @Test
  void epubWithAdobeRightsIsRefused() {
    Map<String, byte[]> entries = Fixtures.epubEntries(false);
    entries.put("META-INF/rights.xml", utf8("<rights/>"));
    refused("x.epub", Fixtures.zip(entries), "encrypted");
  }

  @Test
  void encryptedPdfIsRefused() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        FormatsTest.line(cs, new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12, 72, 700,
            "Secret words.");
      }
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user",
          new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      refused("secret.pdf", out.toByteArray(), "encrypted");
    }
  }

  @Test
  void scannedPdfHasNoText() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(50, 20,
          java.awt.image.BufferedImage.TYPE_INT_RGB);
      PDImageXObject x = LosslessFactory.createFromImage(doc, img);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.drawImage(x, 72, 600, 200, 80);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      BookFormatException e = refused("scan.pdf", out.toByteArray(), "no-text");
      assertTrue(e.getMessage().toLowerCase().contains("scanned pdf: no text layer"));
    }
  }

  @Test
  void passwordProtectedDocxIsRefused() throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText("Private.");
      doc.write(plain);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      enc.confirmPassword("pw");
      try (OutputStream os = enc.getDataStream(fs)) {
        os.write(plain.toByteArray());
      }
      fs.writeFilesystem(out);
    }
    refused("private.docx", out.toByteArray(), "encrypted");
  }

  @Test
  void corruptArchivesAreRefused() {
    byte[] epub = Fixtures.epub(true);
    byte[] cut = Arrays.copyOf(epub, epub.length / 2);
    Arrays.fill(cut, 200, cut.length, (byte) 0x55);
    refused("broken.epub", cut, "corrupt");
    refused("broken.docx", Arrays.copyOf(cut, 100), "corrupt");
    refused("fake.pdf", utf8("%PDF-1.7 this is not a pdf at all"), "corrupt");
    refused("fake.epub", utf8("just some words"), "corrupt");
  }

  @Test
  void zipBombIsRefusedWithoutInflatingIt() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("mimetype"));
      zip.write(utf8("application/epub+zip"));
      zip.putNextEntry(new ZipEntry("OEBPS/zeros.xhtml"));
      byte[] mb = new byte[1024 * 1024];
      for (int i = 0; i < 200; i++) {
        zip.write(mb);
      }
      zip.closeEntry();
    }
    byte[] bomb = out.toByteArray();
    assertTrue(bomb.length < 1024 * 1024, "200 MB of zeros packs small: " + bomb.length);
    long t0 = System.nanoTime();
    refused("bomb.epub", bomb, "archive-bomb");
    refused("bomb.docx", bomb, "archive-bomb");
    assertTrue(System.nanoTime() - t0 < 20_000_000_000L);
  }

  /** Each entry stays at the per-entry floor; together they would fill the heap as a DOM. */
  @Test
  void manySmallEntriesThatBalloonTogetherAreABomb() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] mb = utf8("<p>a</p>".repeat(1024 * 1024 / 8));
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("mimetype"));
      zip.write(utf8("application/epub+zip"));
      for (int i = 0; i < 30; i++) {
        zip.putNextEntry(new ZipEntry("OEBPS/c" + i + ".xhtml"));
        zip.write(mb);
      }
    }
    assertTrue(out.size() < 100 * 1024, "30 MiB packs small: " + out.size());
    BookFormatException e = refused("many.epub", out.toByteArray(), "archive-bomb");
    assertTrue(e.getMessage().contains("times the archive's size"), e.getMessage());
  }

  @Test
  void millionsOfTinyParagraphsAreRefusedByTheParagraphLimit() {
    byte[] html = utf8("<html><body>" + "<p>ab</p>".repeat(ProseBuilder.MAX_PARAGRAPHS + 1)
        + "</body></html>");
    BookFormatException e = refused("tiny.html", html, "too-large");
    assertTrue(e.getMessage().contains(ProseBuilder.MAX_PARAGRAPHS + " paragraphs"), e.getMessage());
  }

  @Test
  void tooManyEntriesIsABomb() {
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 10_001; i++) {
      entries.put("f" + i, new byte[0]);
    }
    refused("many.epub", Fixtures.zip(entries), "archive-bomb");
  }

  @Test
  void tooLargeInputIsRefused() {
    byte[] big = new byte[DocumentParser.MAX_BYTES + 1];
    byte[] head = utf8("%PDF-1.4\n");
    System.arraycopy(head, 0, big, 0, head.length);
    refused("huge.pdf", big, "too-large");
    byte[] text = new byte[21 * 1024 * 1024];
    Arrays.fill(text, (byte) 'a');
    refused("huge.txt", text, "too-large");
  }

  @Test
  void unknownAndLegacyTypesAreUnsupported() throws Exception {
    refused("song.mp3", new byte[] {1, 2, 3, 4}, "unsupported");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      fs.createDocument(new java.io.ByteArrayInputStream(new byte[10]), "WordDocument");
      fs.writeFilesystem(out);
    }
    refused("old.doc", out.toByteArray(), "unsupported");
  }
}
