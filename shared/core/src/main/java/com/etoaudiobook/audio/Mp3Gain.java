package com.etoaudiobook.audio;

/**
 * Changes the volume of MP3 frames without decoding, as mp3gain does: every granule's side info
 * carries a global_gain, the quantizer's step size, in steps of 2^(1/4) (1.5 dB). Adding to it
 * scales everything the decoder outputs by exactly that much, and nothing else in the frame moves.
 */
public final class Mp3Gain {
  /** dB per global_gain step: 20 log10(2^(1/4)). */
  public static final double STEP_DB = 20 * Math.log10(Math.pow(2, 0.25));

  private Mp3Gain() {
  }

  /**
   * A copy of {@code frames} (bare MPEG Layer III frames) with every granule's global_gain moved
   * by {@code steps}, clamped to 0..255; frames with a CRC get it recomputed.
   */
  public static byte[] apply(byte[] frames, int steps) {
    byte[] out = frames.clone();
    if (steps == 0) {
      return out;
    }
    int offset = 0;
    while (offset < out.length) {
      Mp3Frames.Header h = Mp3Frames.header(out, offset);
      if (h == null || offset + h.length() > out.length) {
        throw new IllegalArgumentException("not an MPEG Layer III frame at byte " + offset);
      }
      boolean crc = (out[offset + 1] & 1) == 0;
      int side = offset + 4 + (crc ? 2 : 0);
      int channels = h.mono() ? 1 : 2;
      int granules = h.version() == 1 ? 2 : 1;
      // bits before the first granule: main_data_begin, private bits (and MPEG-1's scfsi)
      int bit = h.version() == 1 ? (h.mono() ? 18 : 20) : (h.mono() ? 9 : 10);
      int perGranule = h.version() == 1 ? 59 : 63;
      for (int g = 0; g < granules * channels; g++) {
        int at = side * 8 + bit + g * perGranule + 21; // after part2_3_length (12) and big_values (9)
        int gain = read8(out, at);
        write8(out, at, Math.max(0, Math.min(255, gain + steps)));
      }
      if (crc) {
        int c = crc16(out, offset, side, h.sideInfoLength());
        out[offset + 4] = (byte) (c >> 8);
        out[offset + 5] = (byte) c;
      }
      offset += h.length();
    }
    return out;
  }

  private static int read8(byte[] b, int bit) {
    int word = ((b[bit >> 3] & 0xFF) << 8) | (b[(bit >> 3) + 1] & 0xFF);
    return (word >> (8 - (bit & 7))) & 0xFF;
  }

  private static void write8(byte[] b, int bit, int value) {
    int shift = 8 - (bit & 7);
    int word = ((b[bit >> 3] & 0xFF) << 8) | (b[(bit >> 3) + 1] & 0xFF);
    word = (word & ~(0xFF << shift)) | (value << shift);
    b[bit >> 3] = (byte) (word >> 8);
    b[(bit >> 3) + 1] = (byte) word;
  }

  /** CRC-16 (0x8005, from 0xFFFF) over header bytes 2-3 and the side info, as the standard says. */
  static int crc16(byte[] b, int frame, int side, int sideLength) {
    int crc = 0xFFFF;
    for (int i = 0; i < 2 + sideLength; i++) {
      int v = b[i < 2 ? frame + 2 + i : side + i - 2] & 0xFF;
      for (int k = 7; k >= 0; k--) {
        boolean top = ((crc >> 15) & 1) != ((v >> k) & 1);
        crc = (crc << 1) & 0xFFFF;
        if (top) {
          crc ^= 0x8005;
        }
      }
    }
    return crc;
  }
}
