package com.etoaudiobook.aws.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
  /** For each byte: the original char index where the piece it belongs to ends. */
  private final int[] pieceEndAtByte;
  /** True where a byte starts an original character's encoding (or lies outside the user's text). */
  private final boolean[] boundary;

  private PollyText(String original, String document, boolean ssml, int[] charAtByte, int[] pieceEndAtByte,
                    boolean[] boundary) {
    this.original = original;
    this.document = document;
    this.ssml = ssml;
    this.charAtByte = charAtByte;
    this.pieceEndAtByte = pieceEndAtByte;
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
    return ssml(text, ratePercent, pitchPercent, List.of());
  }

  /**
   * {@link #ssml(String, int, int)} with some spans of the text replaced by SSML of their own
   * (a lexicon's {@code <phoneme>} or {@code <sub>} around a word): a mark anywhere inside such a
   * span maps to the whole span.
   *
   * @param spans ordered, non-overlapping, within the text
   */
  public static PollyText ssml(String text, int ratePercent, int pitchPercent, List<Span> spans) {
    return ssml(text, ratePercent, pitchPercent, false, spans);
  }

  /**
   * {@link #ssml(String, int, int, List)}, whispered ({@code amazon:effect name="whispered"}, which
   * only Polly's standard voices take) when {@code whispered}.
   */
  public static PollyText ssml(String text, int ratePercent, int pitchPercent, boolean whispered, List<Span> spans) {
    String effectOpen = whispered ? "<amazon:effect name=\"whispered\">" : "";
    String effectClose = whispered ? "</amazon:effect>" : "";
    StringBuilder open = new StringBuilder("<speak>" + effectOpen + "<prosody");
    if (ratePercent > 0) {
      open.append(" rate=\"").append(ratePercent).append("%\"");
    }
    if (pitchPercent != 0) {
      open.append(" pitch=\"").append(String.format(Locale.ROOT, "%+d%%", pitchPercent)).append('"');
    }
    if (open.length() == ("<speak>" + effectOpen + "<prosody").length()) {
      // only a lexicon's elements or the effect: no empty prosody
      return build(text, "<speak>" + effectOpen, effectClose + "</speak>", true, spans);
    }
    open.append('>');
    return build(text, open.toString(), "</prosody>" + effectClose + "</speak>", true, spans);
  }

  /** A span [start, end) of the original text sent as {@code ssml} instead of its escaped self. */
  public record Span(int start, int end, String ssml) {
  }

  private static PollyText build(String text, String prefix, String suffix, boolean ssml) {
    return build(text, prefix, suffix, ssml, List.of());
  }

  private static PollyText build(String text, String prefix, String suffix, boolean ssml, List<Span> spans) {
    // the pieces of the body: a replaced span, or one code point, each with its original [start, end)
    List<String> pieces = new ArrayList<>();
    List<int[]> ranges = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < text.length(); ) {
      Span span = next < spans.size() && spans.get(next).start() == i ? spans.get(next++) : null;
      if (span != null) {
        pieces.add(span.ssml());
        ranges.add(new int[] {span.start(), span.end()});
        i = span.end();
        continue;
      }
      int cp = text.codePointAt(i);
      pieces.add(ssml ? escape(cp) : new String(Character.toChars(cp)));
      ranges.add(new int[] {i, i + Character.charCount(cp)});
      i += Character.charCount(cp);
    }
    StringBuilder doc = new StringBuilder(prefix.length() + text.length() + suffix.length() + 16);
    doc.append(prefix);
    pieces.forEach(doc::append);
    doc.append(suffix);
    int prefixBytes = utf8Length(prefix);
    int bodyBytes = 0;
    for (String piece : pieces) {
      bodyBytes += utf8Length(piece);
    }
    int total = prefixBytes + bodyBytes + utf8Length(suffix);
    int[] charAt = new int[total + 1];
    int[] pieceEnd = new int[total + 1];
    boolean[] boundary = new boolean[total + 1];
    for (int b = 0; b <= prefixBytes; b++) {
      boundary[b] = true;
    }
    int b = prefixBytes;
    for (int p = 0; p < pieces.size(); p++) {
      int len = utf8Length(pieces.get(p));
      for (int k = 0; k < len; k++) {
        charAt[b + k] = ranges.get(p)[0];
        pieceEnd[b + k] = ranges.get(p)[1];
        boundary[b + k] = k == 0;
      }
      b += len;
    }
    for (; b <= total; b++) {
      charAt[b] = text.length();
      pieceEnd[b] = text.length();
      boundary[b] = true;
    }
    return new PollyText(text, doc.toString(), ssml, charAt, pieceEnd, boundary);
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
    if (boundary[b]) {
      return charAtByte[b];
    }
    // inside one piece's bytes (an entity, a multi-byte sequence, a lexicon's element): the whole piece counts
    return pieceEndAtByte[b];
  }

  private int clamp(int byteOffset) {
    return Math.max(0, Math.min(byteOffset, charAtByte.length - 1));
  }
}
