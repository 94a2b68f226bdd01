package com.etoaudiobook.audio;

/** Reads MPEG audio frame headers: enough to count, measure and validate frames without decoding. */
public final class Mp3Frames {
  private static final int[][] BITRATES = {
      // MPEG-1 Layer III
      {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1},
      // MPEG-2 / 2.5 Layer III
      {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1}};
  private static final int[][] SAMPLE_RATES = {
      {44100, 48000, 32000}, // MPEG-1
      {22050, 24000, 16000}, // MPEG-2
      {11025, 12000, 8000}}; // MPEG-2.5

  private Mp3Frames() {
  }

  /** A parsed frame header. */
  public record Header(int version, int bitrateKbps, int sampleRate, boolean padding, boolean mono, int length) {
    /** Bytes of side information after the 4-byte header (no CRC). */
    public int sideInfoLength() {
      if (version == 1) {
        return mono ? 17 : 32;
      }
      return mono ? 9 : 17;
    }
  }

  /** Parses the header at {@code offset}, or returns null when there is no valid Layer III header. */
  public static Header header(byte[] b, int offset) {
    if (offset + 4 > b.length) {
      return null;
    }
    int b0 = b[offset] & 0xFF, b1 = b[offset + 1] & 0xFF, b2 = b[offset + 2] & 0xFF, b3 = b[offset + 3] & 0xFF;
    return header(b0, b1, b2, b3);
  }

  static Header header(int b0, int b1, int b2, int b3) {
    if (b0 != 0xFF || (b1 & 0xE0) != 0xE0) {
      return null;
    }
    int versionBits = (b1 >> 3) & 3; // 0 = 2.5, 2 = 2, 3 = 1
    int layerBits = (b1 >> 1) & 3; // 1 = Layer III
    if (versionBits == 1 || layerBits != 1) {
      return null;
    }
    int bitrateIndex = (b2 >> 4) & 0xF;
    int rateIndex = (b2 >> 2) & 3;
    if (bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
      return null;
    }
    int version = versionBits == 3 ? 1 : 2;
    int kbps = BITRATES[version == 1 ? 0 : 1][bitrateIndex];
    int sampleRate = SAMPLE_RATES[versionBits == 3 ? 0 : versionBits == 2 ? 1 : 2][rateIndex];
    boolean padding = ((b2 >> 1) & 1) == 1;
    boolean mono = ((b3 >> 6) & 3) == 3;
    int coefficient = version == 1 ? 144 : 72;
    int length = coefficient * kbps * 1000 / sampleRate + (padding ? 1 : 0);
    return new Header(version, kbps, sampleRate, padding, mono, length);
  }

  /**
   * The header of the frame at {@code offset}, whole within {@code b}.
   *
   * @throws IllegalArgumentException where there is no Layer III frame there, or it is cut short
   */
  public static Header frameAt(byte[] b, int offset) {
    Header h = header(b, offset);
    if (h == null || offset + h.length() > b.length) {
      throw new IllegalArgumentException("not an MPEG Layer III frame at byte " + offset);
    }
    return h;
  }

  /** Frame count and total bytes of a stream of bare frames. */
  public record Stats(int frames, long bytes) {
  }

  /**
   * Counts frames in a buffer of bare frames (as produced by the encoder or Polly, ID3 tag skipped).
   *
   * @throws IllegalArgumentException when the data is not a clean run of frames
   */
  public static Stats count(byte[] data) {
    int offset = skipId3(data);
    int frames = 0;
    while (offset < data.length) {
      offset += frameAt(data, offset).length();
      frames++;
    }
    return new Stats(frames, data.length);
  }

  /** Length of an ID3v2 tag at the start, or 0. */
  public static int skipId3(byte[] data) {
    if (data.length >= 10 && data[0] == 'I' && data[1] == 'D' && data[2] == '3') {
      int size = ((data[6] & 0x7F) << 21) | ((data[7] & 0x7F) << 14) | ((data[8] & 0x7F) << 7) | (data[9] & 0x7F);
      boolean footer = (data[5] & 0x10) != 0;
      return 10 + size + (footer ? 10 : 0);
    }
    return 0;
  }

  /** Returns the bare frames of {@code data}: any leading ID3v2 tag and Xing/Info frame removed. */
  public static byte[] bareFrames(byte[] data) {
    int offset = skipId3(data);
    Header first = header(data, offset);
    if (first != null && isInfoFrame(data, offset, first)) {
      offset += first.length();
    }
    return offset == 0 ? data : java.util.Arrays.copyOfRange(data, offset, data.length);
  }

  static boolean isInfoFrame(byte[] data, int offset, Header h) {
    int tag = offset + 4 + h.sideInfoLength();
    if (tag + 4 > data.length) {
      return false;
    }
    String id = new String(data, tag, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    return id.equals("Xing") || id.equals("Info");
  }
}
