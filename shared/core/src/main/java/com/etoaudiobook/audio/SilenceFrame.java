package com.etoaudiobook.audio;

/**
 * A silent MPEG-2 Layer III frame (22050 Hz, mono, 8 kbps): header plus all-zero side info, so
 * main_data_begin = 0 and no granule data. It decodes to 576 samples of silence and can sit
 * between any two independently encoded streams.
 */
public final class SilenceFrame {
  /** 72 * 8000 / 22050 = 26 bytes, unpadded. */
  private static final byte[] FRAME = build();

  private SilenceFrame() {
  }

  private static byte[] build() {
    byte[] f = new byte[26];
    f[0] = (byte) 0xFF;
    f[1] = (byte) 0xF3; // MPEG-2, Layer III, no CRC
    f[2] = (byte) 0x10; // 8 kbps, 22050 Hz, no padding
    f[3] = (byte) 0xC4; // mono, original
    return f;
  }

  public static int length() {
    return FRAME.length;
  }

  /** {@code frames} followed by {@code count} silent frames. */
  public static byte[] append(byte[] frames, int count) {
    byte[] out = java.util.Arrays.copyOf(frames, frames.length + count * FRAME.length);
    for (int i = 0; i < count; i++) {
      System.arraycopy(FRAME, 0, out, frames.length + i * FRAME.length, FRAME.length);
    }
    return out;
  }

  /** Writes {@code count} silent frames. */
  public static void write(java.io.OutputStream out, int count) throws java.io.IOException {
    for (int i = 0; i < count; i++) {
      out.write(FRAME);
    }
  }
}
