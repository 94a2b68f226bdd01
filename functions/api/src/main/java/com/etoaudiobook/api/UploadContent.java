package com.etoaudiobook.api;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.formats.DocumentParser;

import java.util.Map;

/**
 * A file's bytes must be what its name (and the Content-Type the presigned PUT fixed) says: a PDF
 * renamed .txt, an executable named .md or a ZIP named .pdf is refused with 415 before the parser
 * sees it. Only the first bytes are looked at.
 */
final class UploadContent {
  /** How much of a file is looked at. */
  static final int HEAD_BYTES = 8192;
  /** Signatures of files that are never a book in a text format. */
  private static final Map<String, byte[]> BINARY = Map.ofEntries(
      Map.entry("a PNG image", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
      Map.entry("a GIF image", new byte[] {'G', 'I', 'F', '8'}),
      Map.entry("a JPEG image", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
      Map.entry("an executable", new byte[] {0x7f, 'E', 'L', 'F'}),
      Map.entry("a Windows executable", new byte[] {'M', 'Z'}),
      Map.entry("a gzip archive", new byte[] {0x1f, (byte) 0x8b}),
      Map.entry("a 7-Zip archive", new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf}),
      Map.entry("a RAR archive", new byte[] {'R', 'a', 'r', '!'}),
      Map.entry("audio", new byte[] {'I', 'D', '3'}),
      Map.entry("an Ogg stream", new byte[] {'O', 'g', 'g', 'S'}),
      Map.entry("a RIFF file", new byte[] {'R', 'I', 'F', 'F'}),
      Map.entry("a Java class", new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe}));

  private UploadContent() {
  }

  /** Why the first bytes do not match the name's type, or null when they do. */
  static String mismatch(String fileName, byte[] content) {
    byte[] head = content.length > HEAD_BYTES ? java.util.Arrays.copyOf(content, HEAD_BYTES) : content;
    String expected = expectedFormat(fileName);
    if (expected == null || head.length == 0) {
      return null; // unknown types and empty files get the controller's own answers
    }
    String ext = fileName.substring(fileName.lastIndexOf('.') + 1);
    if (expected.equals("markdown") || expected.equals("text")) {
      for (Map.Entry<String, byte[]> b : BINARY.entrySet()) {
        if (startsWith(head, b.getValue())) {
          return "The file is named ." + ext + " but its content is " + b.getKey();
        }
      }
      if (!unicodeBom(head) && containsNul(head)) {
        return "The file is named ." + ext + " but its content is binary, not text";
      }
    }
    String actual;
    try {
      actual = DocumentParser.sniff(fileName, head);
    } catch (BookFormatException e) {
      return "The file is named ." + ext + " but its content is not of that type";
    }
    if (!actual.equals(expected)) {
      return "The file is named ." + ext + " but its content is " + article(actual);
    }
    return null;
  }

  static String expectedFormat(String fileName) {
    String ext = Uploads.extension(fileName);
    return switch (ext) {
      case "md", "markdown" -> "markdown";
      case "txt", "fountain" -> "text";
      case "html", "htm", "xhtml" -> "html";
      case "epub", "pdf", "docx" -> ext;
      default -> null;
    };
  }

  private static String article(String format) {
    return switch (format) {
      case "epub" -> "an EPUB";
      case "html" -> "an HTML page";
      case "pdf" -> "a PDF";
      case "docx" -> "a Word document";
      default -> format;
    };
  }

  private static boolean unicodeBom(byte[] b) {
    return b.length >= 2 && ((b[0] == (byte) 0xff && b[1] == (byte) 0xfe) || (b[0] == (byte) 0xfe && b[1] == (byte) 0xff));
  }

  private static boolean containsNul(byte[] b) {
    for (byte x : b) {
      if (x == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] b, byte[] magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (b[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
