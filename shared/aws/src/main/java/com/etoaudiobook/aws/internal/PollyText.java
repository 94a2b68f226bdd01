package com.etoaudiobook.aws.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text sent to Polly for one request (plain text, or SSML with the user's text escaped inside a
 * prosody element) and the map back from Polly's speech-mark offsets, which are UTF-8 byte offsets
 * into what was sent, to UTF-16 char offsets into the original plain text.
 */
public final class PollyText {
  private final String original;
  private final String document;
  private final boolean ssml;
  /** For each byte of the UTF-8 document (and one past its end): the original char index it belongs to. */
  private final int[] charAtByte;
  /** True where a byte starts an original character's encoding (or lies outside the user's text). */
  private final boolean[] boundary;

  private PollyText(String original, String document, boolean ssml, int[] charAtByte, boolean[] boundary) {
    this.original = original;
    this.document = document;
    this.ssml = ssml;
    this.charAtByte = charAtByte;
    this.boundary = boundary;
  }

  /** Plain text: sent as is. */
  public static PollyText plain(String text) {
    return build(text, "", "", false);
  }

  /**
   * SSML around the text: {@code <speak><prosody rate=".." pitch="..">text</prosody></speak>}.
   *
   * @param ratePercent speaking rate in percent (100 = normal), or 0 to leave it out
   * @param pitchPercent pitch change in percent, or 0 to leave it out
   */
  public static PollyText ssml(String text, int ratePercent, int pitchPercent) {
    StringBuilder open = new StringBuilder("<speak><prosody");
    if (ratePercent > 0) {
      open.append(" rate=\"").append(ratePercent).append("%\"");
    }
    if (pitchPercent != 0) {
      open.append(" pitch=\"").append(String.format(Locale.ROOT, "%+d%%", pitchPercent)).append('"');
    }
    open.append('>');
    return build(text, open.toString(), "</prosody></speak>", true);
  }

  private static PollyText build(String text, String prefix, String suffix, boolean ssml) {
    StringBuilder doc = new StringBuilder(prefix.length() + text.length() + suffix.length() + 16);
    doc.append(prefix);
    int prefixBytes = utf8Length(prefix);
    // first pass: the body and its byte length, char by char (code point by code point)
    int bodyBytes = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String piece = ssml ? escape(cp) : new String(Character.toChars(cp));
      doc.append(piece);
      bodyBytes += utf8Length(piece);
      i += Character.charCount(cp);
    }
    doc.append(suffix);
    int total = prefixBytes + bodyBytes + utf8Length(suffix);
    int[] charAt = new int[total + 1];
    boolean[] boundary = new boolean[total + 1];
    for (int b = 0; b <= prefixBytes; b++) {
      charAt[b] = 0;
      boundary[b] = true;
    }
    int b = prefixBytes;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String piece = ssml ? escape(cp) : new String(Character.toChars(cp));
      int len = utf8Length(piece);
      for (int k = 0; k < len; k++) {
        charAt[b + k] = i;
        boundary[b + k] = k == 0;
      }
      b += len;
      i += Character.charCount(cp);
    }
    for (; b <= total; b++) {
      charAt[b] = text.length();
      boundary[b] = true;
    }
    return new PollyText(text, doc.toString(), ssml, charAt, boundary);
  }

  /** XML-escapes one code point: the five characters XML reserves; everything else as itself. */
  static String escape(int cp) {
    return switch (cp) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&apos;";
      default -> new String(Character.toChars(cp));
    };
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  public String document() {
    return document;
  }

  public boolean ssml() {
    return ssml;
  }

  public String original() {
    return original;
  }

  /** The original char offset where the mark starting at this byte begins (clamped to the text). */
  public int startChar(int byteOffset) {
    return charAtByte[clamp(byteOffset)];
  }

  /** The original char offset (exclusive) where the mark ending at this byte ends. */
  public int endChar(int byteOffset) {
    int b = clamp(byteOffset);
    int c = charAtByte[b];
    if (boundary[b]) {
      return c;
    }
    // inside one character's bytes (an entity or a multi-byte sequence): the whole character counts
    return Math.min(original.length(), c + Character.charCount(original.codePointAt(c)));
  }

  private int clamp(int byteOffset) {
    return Math.max(0, Math.min(byteOffset, charAtByte.length - 1));
  }
}
