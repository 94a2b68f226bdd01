package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static String reason(byte[] bytes) {
    return assertThrows(BookFormatException.class, () -> TextDecoder.decode(bytes)).reason();
  }

  @Test
  void utf8WithAndWithoutBom() {
    byte[] plain = "Zoë: hi\r\n".getBytes(StandardCharsets.UTF_8);
    TextDecoder.Decoded d = TextDecoder.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain));
    assertEquals("Zoë: hi\r\n", d.text());
    assertEquals("UTF-8", d.encoding());
    assertEquals(List.of(), d.warnings());
    assertEquals("Zoë: hi\r\n", TextDecoder.decode(plain).text());
  }

  @Test
  void utf16Boms() {
    byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "Inès: oui".getBytes(StandardCharsets.UTF_16LE));
    byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "Inès: oui".getBytes(StandardCharsets.UTF_16BE));
    assertEquals("Inès: oui", TextDecoder.decode(le).text());
    assertEquals("UTF-16LE", TextDecoder.decode(le).encoding());
    assertEquals("Inès: oui", TextDecoder.decode(be).text());
    assertEquals("UTF-16BE", TextDecoder.decode(be).encoding());
  }

  @Test
  void utf16WithoutBomIsNotMistakenForBinary() {
    byte[] le = "Plain text, saved by Notepad.".getBytes(StandardCharsets.UTF_16LE);
    assertEquals("Plain text, saved by Notepad.", TextDecoder.decode(le).text());
  }

  @Test
  void invalidUtf8FallsBackToWindows1252WithAWarning() {
    // 0x93/0x94 are curly double quotes in Windows-1252 and invalid on their own in UTF-8.
    byte[] bytes = {'S', 'h', 'e', ' ', 's', 'a', 'i', 'd', ' ', (byte) 0x93, 'h', 'i', (byte) 0x94, '.'};
    TextDecoder.Decoded d = TextDecoder.decode(bytes);
    assertEquals("She said “hi”.", d.text());
    assertEquals("windows-1252", d.encoding());
    assertEquals(List.of("Not valid UTF-8: decoded as Windows-1252"), d.warnings());
  }

  @Test
  void emptyAndWhitespaceOnly() {
    assertEquals("empty", reason(new byte[0]));
    assertEquals("empty", reason(" \r\n\t\n ".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("empty", reason(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'}));
    BookFormatException e = assertThrows(BookFormatException.class, () -> TextDecoder.decode(new byte[0]));
    assertEquals("The file is empty", e.getMessage());
  }

  @Test
  void binary() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    BookFormatException e = assertThrows(BookFormatException.class, () -> TextDecoder.decode(png));
    assertEquals("binary", e.reason());
    assertTrue(e.getMessage().contains("binary file"), e.getMessage());
    byte[] controls = new byte[100];
    for (int i = 0; i < controls.length; i++) {
      controls[i] = (byte) (i % 5 == 0 ? 0x01 : 'a');
    }
    assertEquals("binary", reason(controls));
  }

  @Test
  void tooLarge() {
    byte[] big = new byte[TextDecoder.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    assertEquals("too-large", reason(big));
  }
}
