package com.etoaudiobook.audio;

import java.nio.ByteBuffer;

/**
 * The Xing header frame placed before the audio: players read the frame count (exact duration) and
 * the seek table from it. "Xing" rather than "Info" because silent frames use a lower bitrate than
 * speech, so the stream is not constant-bitrate.
 */
public final class XingHeader {
  private static final int FRAME_LENGTH = 156; // 48 kbps at 22050 Hz: room for the 120-byte tag

  private XingHeader() {
  }

  public static int length() {
    return FRAME_LENGTH;
  }

  /**
   * @param frames     number of audio frames after this one
   * @param audioBytes bytes of those frames
   * @param toc        100 entries: byte position (0..255 of the file's audio) at each percent of time
   */
  public static byte[] frame(long frames, long audioBytes, int[] toc) {
    ByteBuffer b = ByteBuffer.allocate(FRAME_LENGTH);
    b.put((byte) 0xFF).put((byte) 0xF3).put((byte) 0x60).put((byte) 0xC4); // MPEG-2 L3, 48 kbps, mono
    b.position(4 + 9); // after the (empty) side info
    b.put(new byte[] {'X', 'i', 'n', 'g'});
    b.putInt(0x7); // frames, bytes and TOC present
    b.putInt((int) frames);
    b.putInt((int) (audioBytes + FRAME_LENGTH));
    for (int i = 0; i < 100; i++) {
      b.put((byte) toc[i]);
    }
    return b.array();
  }
}
