package com.etoaudiobook.audio.internal;

import de.sciss.jump3r.mp3.MP3Data;
import de.sciss.jump3r.mp3.VBRTag;
import de.sciss.jump3r.mpg.Common;
import de.sciss.jump3r.mpg.Interface;
import de.sciss.jump3r.mpg.MPGLib;

import java.util.Arrays;

/**
 * MP3 frames to 16-bit PCM with jump3r's mpglib (pure Java: it runs in Lambda too). Only to measure
 * audio that arrives encoded (Polly's); nothing that is stored is ever re-encoded.
 */
public final class Mp3Decoder {
  private Mp3Decoder() {
  }

  /** The first channel's samples of every frame, in order. */
  public static short[] decode(byte[] frames) {
    MPGLib mpg = new MPGLib();
    Interface intf = new Interface();
    Common common = new Common();
    mpg.setModules(intf, common);
    intf.setModules(new VBRTag(), common);
    MPGLib.mpstr_tag stream = mpg.hip_decode_init();
    try {
      short[] left = new short[1152];
      short[] right = new short[1152];
      MP3Data info = new MP3Data();
      short[] out = new short[Math.max(1152, frames.length * 12)]; // ~10 samples per byte at 48 kbps
      int size = 0;
      // the whole buffer goes in once; then each call with no new input returns the next frame's
      // samples. 0 means "nothing yet" while mpglib reads the first header, "no more" at the end.
      int n = mpg.hip_decode1_headers(stream, frames, frames.length, left, right, info);
      int idle = 0;
      while (n >= 0 && idle < 3) {
        if (n == 0) {
          idle++;
        } else {
          idle = 0;
          if (size + n > out.length) {
            out = Arrays.copyOf(out, Math.max(size + n, out.length * 2));
          }
          System.arraycopy(left, 0, out, size, n);
          size += n;
        }
        n = mpg.hip_decode1_headers(stream, frames, 0, left, right, info);
      }
      if (n < 0) {
        throw new IllegalArgumentException("undecodable MP3 after " + size + " samples");
      }
      return Arrays.copyOf(out, size);
    } finally {
      mpg.hip_decode_exit(stream);
    }
  }
}
