package com.etoaudiobook.local;

import com.etoaudiobook.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The inputs of the hostile-input corpus: hand-made ones aimed at known weak spots (formats, JSON,
 * multipart, file names, limits) and generated ones (seeded, so a failure names a case that can be
 * sent again): mutations of a valid script, random markup, random JSON and values.
 */
final class HostileCorpus {
  static final String MP = "multipart/form-data; boundary=HoStIlE";
  static final String JSON = "application/json";
  static final int ANY_4XX = 4;

  /**
   * One request. {@code body} receives the Http helper, for cases that upload a file first.
   *
   * @param expected the status it must get, ANY_4XX, or 0 for "any 4xx, or a 2xx with a clean body"
   */
  record Case(String name, String method, String path, String contentType, Function<Http, byte[]> body,
              int expected) {
  }

  private HostileCorpus() {
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] form(String fileName, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("--HoStIlE\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
    out.writeBytes(content);
    out.writeBytes(utf8("\r\n--HoStIlE--\r\n"));
    return out.toByteArray();
  }

  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] docx(String documentXml) {
    return zip(Map.of("[Content_Types].xml", utf8("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas."
            + "openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
            + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/"
            + "xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
            + "officedocument.wordprocessingml.document.main+xml\"/></Types>"),
        "_rels/.rels", utf8("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
            + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
            + "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
        "word/document.xml", utf8(documentXml)));
  }

  static String paragraphs(String text) {
    return "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
        + "main\"><w:body><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body></w:document>";
  }

  /** An EPUB of {@code entries} chapters, each {@code bytes} of {@code <p>a</p>}: small packed, large unpacked. */
  static byte[] epub(int entries, int bytes) {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("mimetype", utf8("application/epub+zip"));
    files.put("META-INF/container.xml", utf8("<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:"
        + "names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"content.opf\" media-type=\""
        + "application/oebps-package+xml\"/></rootfiles></container>"));
    StringBuilder manifest = new StringBuilder();
    StringBuilder spine = new StringBuilder();
    String body = "<p>a</p>".repeat(bytes / 8);
    for (int i = 0; i < entries; i++) {
      manifest.append("<item id=\"c").append(i).append("\" href=\"c").append(i)
          .append(".xhtml\" media-type=\"application/xhtml+xml\"/>");
      spine.append("<itemref idref=\"c").append(i).append("\"/>");
      files.put("c" + i + ".xhtml", utf8("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>" + body + "</body></html>"));
    }
    files.put("content.opf", utf8("<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\""
        + "3.0\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>T</dc:title></metadata><manifest>"
        + manifest + "</manifest><spine>" + spine + "</spine></package>"));
    return zip(files);
  }

  static Case upload(String name, String fileName, Function<Http, byte[]> content, int expected) {
    return new Case(name, "POST", "api/books", JSON,
        h -> Json.write(Map.of("uploadId", h.upload(fileName, content.apply(h)))), expected);
  }

  static Case detect(String name, String fileName, byte[] content, int expected) {
    return new Case(name, "POST", "api/detect-roles", MP, h -> form(fileName, content), expected);
  }

  static Case json(String name, String path, String body, int expected) {
    return new Case(name, "POST", path, JSON, h -> utf8(body), expected);
  }

  static List<Case> handMade() {
    List<Case> c = new ArrayList<>();
    // text formats: regular expressions and deep structures
    c.add(detect("a line of 2,000 dashes", "dashes.md", utf8("# T\n\nHello.\n\n" + "-".repeat(2000) + "\n\nBye.\n"), 0));
    c.add(detect("a line of 20,000 mixed rule marks", "rule.md", utf8("Hi.\n\n" + "- * _ ".repeat(3400) + "\n"), 0));
    c.add(detect("a by-line of 5,000 names", "by.md", utf8("# Title\n\nBy " + "Ann ".repeat(5000) + "\n\nHello.\n"), 0));
    c.add(detect("10,000 nested emphasis marks", "em.md", utf8("Hi " + "*_".repeat(10_000) + " there.\n"), 0));
    c.add(detect("100,000 open brackets", "brackets.md", utf8("Hi [" + "[(".repeat(50_000) + "\n"), 0));
    c.add(detect("a 200 KB label-like line", "label.md", utf8("A".repeat(200_000) + ": hi\n"), 0));
    // 413 (the segment limit) or, on a loaded machine, 422 (the parse deadline): refused either way
    c.add(detect("200,000 one-word segments (1 MB)", "many.md", manyLines(200_000), ANY_4XX));
    c.add(detect("2 MB of asterisks", "stars.md", utf8("*".repeat(2 * 1024 * 1024 - 200)), 0));
    c.add(detect("2 MB without a line break", "oneline.txt", utf8("word ".repeat(400_000)), 0));
    c.add(detect("HTML nested 20,000 deep", "deep.html", utf8("<p>" + "<div>".repeat(20_000) + "x"), 0));
    c.add(detect("HTML billion laughs", "laughs.html", utf8("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaa\">"
        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><html><body><p>&c;&c;"
        + "</p></body></html>"), 0));
    c.add(detect("NUL bytes in a text file", "nul.txt", new byte[] {'h', 'i', 0, 0, 0, 'x'}, 0));
    c.add(detect("a lone UTF-8 continuation byte", "cont.md", new byte[] {'A', ':', ' ', (byte) 0x80, 'x'}, 0));
    c.add(detect("overlong slash in a script", "over.md", new byte[] {'A', ':', ' ', (byte) 0xc0, (byte) 0xaf}, 0));
    c.add(detect("UTF-16 BOM then odd bytes", "u16.txt", new byte[] {(byte) 0xff, (byte) 0xfe, 'a'}, 0));
    // binary formats
    c.add(upload("a DOCX", "small.docx", h -> docx(paragraphs("Hello there, said Anna.")), 201));
    c.add(upload("a DOCX with an external entity", "xxe.docx", h -> docx("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x "
        + "SYSTEM \"file:///etc/passwd\">]>" + paragraphs("&x;").substring(21)), 0));
    c.add(upload("a DOCX of one 1 MB paragraph", "big.docx", h -> docx(paragraphs("word ".repeat(200_000))), 0));
    c.add(upload("an EPUB of 30 entries of 1 MiB of <p>a</p>", "bomb.epub", h -> epub(30, 1 << 20), 0));
    c.add(upload("an EPUB of 3 entries of 100 KB of <p>a</p>", "many.epub", h -> epub(3, 100_000), 0));
    c.add(upload("a PDF that is only a header", "head.pdf", h -> utf8("%PDF-1.7\n%%EOF\n"), 0));
    c.add(upload("a PDF with a lying page count", "pages.pdf", h -> utf8("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>"
        + "endobj 2 0 obj<</Type/Pages/Count 99999999/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"), 0));
    c.add(upload("a ZIP named .docx", "fake.docx", h -> zip(Map.of("a.txt", utf8("hi"))), 0));
    // JSON
    c.add(json("pause over the maximum", "api/jobs", "{\"bookId\":\"" + "0".repeat(32)
        + "\",\"options\":{\"pauses\":{\"segmentMs\":60000}}}", 400));
    c.add(json("negative pause", "api/jobs", "{\"bookId\":\"" + "0".repeat(32)
        + "\",\"options\":{\"pauses\":{\"chapterMs\":-1}}}", 400));
    c.add(json("preview at rate 1000", "api/preview-voice", "{\"voiceName\":\"en\",\"rate\":1000}", 400));
    c.add(json("preview at pitch -1000", "api/preview-voice", "{\"voiceName\":\"en\",\"pitch\":-1000}", 400));
    c.add(json("synthesis at rate 0", "api/synthesize", "{\"segments\":[{\"role\":\"A\",\"text\":\"hi\",\"rate\":0}],"
        + "\"voiceMapping\":{\"A\":\"en\"}}", 400));
    c.add(json("an upload named .md", "api/uploads", "{\"fileName\":\".md\",\"size\":5}", 400));
    c.add(json("an upload named ' .txt'", "api/uploads", "{\"fileName\":\" .txt\",\"size\":5}", 400));
    c.add(json("an upload named with CJK", "api/uploads", "{\"fileName\":\"\u6545\u4e8b.md\",\"size\":5}", 201));
    c.add(new Case("overlong UTF-8 slash in a name", "POST", "api/uploads", JSON, h -> concat(utf8("{\"fileName\":\"..")
        , new byte[] {(byte) 0xc0, (byte) 0xaf}, utf8("x.md\",\"size\":5}")), 400));
    c.add(new Case("3-byte overlong slash", "POST", "api/uploads", JSON, h -> concat(utf8("{\"fileName\":\"a"),
        new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xaf}, utf8(".md\",\"size\":5}")), 400));
    c.add(new Case("UTF-8 encoded surrogate", "POST", "api/uploads", JSON, h -> concat(utf8("{\"fileName\":\"a"),
        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, utf8(".md\",\"size\":5}")), 400));
    c.add(json("3.5 MB of JSON", "api/uploads", "{\"fileName\":\"" + "a".repeat(3_500_000) + ".md\",\"size\":5}", 413));
    c.add(json("JSON nested 100,000 deep", "api/jobs", "[".repeat(100_000), 0));
    c.add(json("a number of 100,000 digits", "api/uploads", "{\"fileName\":\"a.md\",\"size\":" + "9".repeat(100_000) + "}", 0));
    c.add(json("a dotted name of 100,000 parts", "api/uploads", "{\"fileName\":" + "a.".repeat(50_000) + "}", 0));
    c.add(json("10,000 segments to synthesize", "api/synthesize", "{\"segments\":["
        + "{\"role\":\"A\",\"text\":\"x\"},".repeat(9_999) + "{\"role\":\"A\",\"text\":\"x\"}],\"voiceMapping\":{\"A\":\"en\"}}", 0));
    // multipart
    c.add(new Case("1,000 parts in a form", "POST", "api/detect-roles", MP, h -> utf8(
        "--HoStIlE\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n".repeat(1000) + "--HoStIlE--\r\n"), 0));
    c.add(new Case("a form whose boundary is 5,000 long", "POST", "api/detect-roles",
        "multipart/form-data; boundary=" + "b".repeat(5000), h -> utf8("--" + "b".repeat(5000) + "\r\n"), 0));
    c.add(detect("a form file named .md", ".md", utf8("A: hi"), 400));
    c.add(detect("a form file named with quotes", "a\\\".md", utf8("A: hi"), 0));
    return c;
  }

  static byte[] manyLines(int n) {
    StringBuilder b = new StringBuilder(n * 5);
    for (int i = 0; i < n; i++) {
      b.append(i % 2 == 0 ? "A" : "B").append(": w\n");
    }
    return utf8(b.toString());
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static final String MARKS = "*_-#>[]()!`:\\ \n\t\"'“”‘’—.,?";
  private static final String[] PATHS = {"api/uploads", "api/books", "api/jobs", "api/preview-voice", "api/synthesize",
      "api/books/" + "0".repeat(32) + "/estimate"};

  /** Seeded fuzz cases: {@code n} of each kind. */
  static List<Case> generated(long seed, int n) {
    Random r = new Random(seed);
    List<Case> c = new ArrayList<>();
    byte[] script = utf8("# The Lighthouse\n\nBy Ann Lee\n\n**Wren:** Is the lamp lit?\n\nKEEPER: Not yet.\n\n"
        + "Mara (whispering): Then we wait.\n\n[Wind.]\n\n\"Come,\" said Wren.\n");
    for (int i = 0; i < n; i++) {
      byte[] m = script.clone();
      for (int k = 0; k < 1 + r.nextInt(20); k++) {
        m[r.nextInt(m.length)] = (byte) r.nextInt(256);
      }
      c.add(detect("mutated script #" + i, r.nextBoolean() ? "m.md" : "m.txt", m, 0));
    }
    for (int i = 0; i < n; i++) {
      StringBuilder b = new StringBuilder();
      int len = 1_000 + r.nextInt(60_000);
      char run = MARKS.charAt(r.nextInt(MARKS.length()));
      while (b.length() < len) {
        if (r.nextInt(8) == 0) {
          run = MARKS.charAt(r.nextInt(MARKS.length()));
        }
        b.append(r.nextInt(4) == 0 ? (char) ('a' + r.nextInt(26)) : run);
      }
      c.add(detect("random markup #" + i + " (" + len + " chars)", "r.md", utf8(b.toString()), 0));
    }
    for (int i = 0; i < n; i++) {
      StringBuilder html = new StringBuilder("<html><body>");
      for (int k = 0; k < 1 + r.nextInt(3000); k++) {
        html.append(switch (r.nextInt(6)) {
          case 0 -> "<div>";
          case 1 -> "</div>";
          case 2 -> "<p>“Hi,” said Ann. ";
          case 3 -> "<h1>Chapter " + k + "</h1>";
          case 4 -> "&amp;&#" + r.nextInt(0x110000) + ";";
          default -> "<script>x</script>";
        });
      }
      c.add(detect("random HTML #" + i, "r.html", utf8(html.toString()), 0));
    }
    for (int i = 0; i < n; i++) {
      c.add(json("random JSON #" + i, PATHS[r.nextInt(PATHS.length)], randomJson(r, 0), 0));
    }
    for (int i = 0; i < n; i++) {
      byte[] garbage = new byte[1 + r.nextInt(4096)];
      r.nextBytes(garbage);
      c.add(new Case("random bytes as JSON #" + i, "POST", PATHS[r.nextInt(PATHS.length)], JSON, h -> garbage, 0));
    }
    return c;
  }

  /** A JSON value of random shape with the API's field names in it, nested at most 6 deep. */
  static String randomJson(Random r, int depth) {
    String[] keys = {"fileName", "size", "bookId", "uploadId", "voiceName", "text", "engine", "rate", "pitch",
        "segments", "voiceMapping", "casting", "options", "pauses", "segmentMs", "role", "voiceId"};
    return switch (depth > 5 ? r.nextInt(5) : r.nextInt(7)) {
      case 0 -> Long.toString(r.nextLong());
      case 1 -> r.nextBoolean() ? "1e" + r.nextInt(400) : "-0.0000" + r.nextInt();
      case 2 -> Json.writeString("x".repeat(r.nextInt(50)) + (char) r.nextInt(0x3000) + ".md");
      case 3 -> r.nextBoolean() ? "null" : "true";
      case 4 -> Json.writeString("../".repeat(r.nextInt(5)) + "0123456789abcdef".repeat(r.nextInt(3)));
      case 5 -> {
        StringBuilder b = new StringBuilder("[");
        for (int k = 0, n = r.nextInt(4); k < n; k++) {
          b.append(k == 0 ? "" : ",").append(randomJson(r, depth + 1));
        }
        yield b.append(']').toString();
      }
      default -> {
        StringBuilder b = new StringBuilder("{");
        for (int k = 0, n = 1 + r.nextInt(5); k < n; k++) {
          b.append(k == 0 ? "" : ",").append('"').append(keys[r.nextInt(keys.length)]).append("\":")
              .append(randomJson(r, depth + 1));
        }
        yield b.append('}').toString();
      }
    };
  }
}
