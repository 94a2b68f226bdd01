package com.etoaudiobook.api;

import com.etoaudiobook.audio.XingHeader;

/** Small in-memory MP3s for direct responses: frames behind a Xing header so players know the length. */
final class Audio {
  private Audio() {
  }

  static byte[] withHeader(byte[] frames, long frameCount) {
    int[] toc = new int[100];
    long total = frames.length + XingHeader.length();
    for (int i = 0; i < 100; i++) {
      toc[i] = (int) Math.min(255, (XingHeader.length() + frames.length * (long) i / 100) * 256 / total);
    }
    byte[] header = XingHeader.frame(frameCount, frames.length, toc);
    byte[] out = new byte[header.length + frames.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(frames, 0, out, header.length, frames.length);
    return out;
  }
}
