package com.etoaudiobook.book;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns the bytes of an uploaded text file into a string, choosing the encoding the way a user
 * expects: a BOM wins, then strict UTF-8, then Windows-1252 (what "smart quotes" from old word
 * processors usually are). Rejects what cannot be a text document.
 */
public final class TextDecoder {
  /** Largest file accepted: far above any novel in plain text, far below what would hurt a Lambda. */
  public static final int MAX_BYTES = 20 * 1024 * 1024;
  public static final String WINDOWS_1252_WARNING = "Not valid UTF-8: decoded as Windows-1252";

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  /** Bytes between checks for an interrupt in the loops over the whole file. */
  private static final int CHUNK = 1 << 20;

  /**
   * @param text     the decoded text, without any BOM; line ends untouched
   * @param encoding "UTF-8", "UTF-16LE", "UTF-16BE" or "windows-1252"
   * @param warnings what the user should know about the decoding (empty when nothing)
   */
  public record Decoded(String text, String encoding, List<String> warnings) {
    public Decoded {
      warnings = List.copyOf(warnings);
    }
  }

  private TextDecoder() {
  }

  /** @throws BookFormatException reason "empty", "binary" or "too-large" */
  public static Decoded decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw empty();
    }
    if (bytes.length > MAX_BYTES) {
      throw new BookFormatException("too-large", "The file is larger than 20 MB ("
          + (bytes.length / (1024 * 1024)) + " MB); split it into smaller files");
    }
    Decoded decoded = decodeChecked(bytes);
    if (decoded.text().isBlank()) {
      throw empty();
    }
    return decoded;
  }

  private static Decoded decodeChecked(byte[] b) {
    if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return utf16(b, 2, StandardCharsets.UTF_16LE, "UTF-16LE");
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return utf16(b, 2, StandardCharsets.UTF_16BE, "UTF-16BE");
    }
    // UTF-16 without a BOM (some Windows tools write it) would otherwise look binary: its NULs
    // all sit on one side of each code unit.
    Charset bomless = bomlessUtf16(b);
    if (bomless != null) {
      return utf16(b, 0, bomless, bomless.name());
    }
    int offset = b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb
        && (b[2] & 0xff) == 0xbf ? 3 : 0;
    if (looksBinary(b, offset)) {
      throw binary();
    }
    String text = strictUtf8(b, offset);
    if (text != null) {
      return new Decoded(text, "UTF-8", List.of());
    }
    return new Decoded(new String(b, offset, b.length - offset, WINDOWS_1252), "windows-1252",
        List.of(WINDOWS_1252_WARNING));
  }

  /** The bytes as strict UTF-8, or null when they are not; a megabyte at a time, checking for an interrupt. */
  private static String strictUtf8(byte[] b, int offset) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, offset, b.length - offset);
    CharBuffer out = CharBuffer.allocate(b.length - offset);
    int end = b.length;
    while (true) {
      Cancellation.check();
      in.limit(Math.min(end, in.position() + CHUNK));
      boolean last = in.limit() == end;
      CoderResult r = decoder.decode(in, out, last);
      if (r.isError()) {
        return null;
      }
      if (last) {
        if (decoder.flush(out).isError()) {
          return null;
        }
        return out.flip().toString();
      }
    }
  }

  private static Decoded utf16(byte[] b, int offset, Charset charset, String name) {
    String text = new String(b, offset, b.length - offset, charset);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int control = 0;
    for (int i = 0; i < text.length(); i++) {
      if ((i & (CHUNK - 1)) == 0) {
        Cancellation.check();
      }
      char c = text.charAt(i);
      if (c == 0) {
        throw binary();
      }
      if (isControl(c)) {
        control++;
      }
    }
    if (control * 10 > text.length()) {
      throw binary();
    }
    return new Decoded(text, name, List.of());
  }

  private static Charset bomlessUtf16(byte[] b) {
    if (b.length < 4 || b.length % 2 != 0) {
      return null;
    }
    int evenNul = 0;
    int oddNul = 0;
    for (int i = 0; i < b.length; i++) {
      if ((i & (CHUNK - 1)) == 0) {
        Cancellation.check();
      }
      if (b[i] == 0) {
        if (i % 2 == 0) {
          evenNul++;
        } else {
          oddNul++;
        }
      }
    }
    int units = b.length / 2;
    // Mostly-ASCII UTF-16 text: nearly every unit has its zero byte on the same side, never both.
    if (oddNul * 10 >= units * 9 && evenNul == 0) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenNul * 10 >= units * 9 && oddNul == 0) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static boolean looksBinary(byte[] b, int offset) {
    int control = 0;
    for (int i = offset; i < b.length; i++) {
      if ((i & (CHUNK - 1)) == 0) {
        Cancellation.check();
      }
      int c = b[i] & 0xff;
      if (c == 0) {
        return true;
      }
      if (isControl((char) c)) {
        control++;
      }
    }
    int n = b.length - offset;
    return n > 0 && control * 10 > n;
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f;
  }

  private static BookFormatException empty() {
    return new BookFormatException("empty", "The file is empty");
  }

  private static BookFormatException binary() {
    return new BookFormatException("binary",
        "This looks like a binary file, not text (.md or .txt expected)");
  }
}
