package com.etoaudiobook.audio.internal;

import de.sciss.jump3r.mp3.MP3Data;
import de.sciss.jump3r.mp3.VBRTag;
import de.sciss.jump3r.mpg.Common;
import de.sciss.jump3r.mpg.Interface;
import de.sciss.jump3r.mpg.MPGLib;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

import java.util.Arrays;

/**
 * MP3 frames to 16-bit PCM with libmp3lame's mpglib (hip_decode) where the library is installed,
 * else jump3r's port of it (pure Java: it runs in Lambda too); the same decoder, so the same
 * samples, the native one two to three times faster. Only to measure audio that arrives encoded
 * (Polly's), or to level a part whose peaks need it.
 */
public final class Mp3Decoder {
  private Mp3Decoder() {
  }

  /** Holds the library, loaded once, on first use. */
  private static final class Native {
    // the encoder's switch to jump3r switches the decoder too: one setting for "no native LAME"
    static final LameLibrary LAME = "jump3r".equalsIgnoreCase(String.valueOf(
        System.getenv(com.etoaudiobook.audio.Mp3Encoder.BACKEND_VARIABLE)).strip()) ? null : LameLibrary.load();
  }

  /** True when decoding is native (libmp3lame). */
  public static boolean isNative() {
    return Native.LAME != null;
  }

  /** The first channel's samples of every frame, in order. */
  public static short[] decode(byte[] frames) {
    return Native.LAME != null ? decodeNative(frames) : decodeJava(frames);
  }

  private static short[] decodeNative(byte[] frames) {
    LameLibrary lame = Native.LAME;
    // at most 1152 samples per frame (576 in MPEG-2): the headers say how many frames there are
    int room = (com.etoaudiobook.audio.Mp3Frames.count(frames).frames() + 2) * 1152;
    com.sun.jna.Memory left = new com.sun.jna.Memory(room * 2L);
    com.sun.jna.Memory right = new com.sun.jna.Memory(room * 2L);
    Pointer hip;
    synchronized (Native.class) {
      hip = lame.hip_decode_init(); // fills tables shared by every decoder the first time
    }
    if (hip == null) {
      throw new IllegalStateException("hip_decode_init failed");
    }
    try {
      // as with jump3r below: the whole buffer goes in once, then calls with nothing new flush the
      // frames; 0 means "nothing yet" while the first header is read, and "no more" at the end
      int size = 0;
      int idle = 0;
      NativeLong length = new NativeLong(frames.length);
      byte[] input = frames;
      while (idle < 3) {
        int n = lame.hip_decode(hip, input, length, left.share(size * 2L), right.share(size * 2L));
        if (n < 0) {
          throw new IllegalArgumentException("undecodable MP3 after " + size + " samples");
        }
        idle = n == 0 ? idle + 1 : 0;
        size += n;
        input = EMPTY;
        length = new NativeLong(0);
      }
      return left.getShortArray(0, size);
    } finally {
      lame.hip_decode_exit(hip);
    }
  }

  private static final byte[] EMPTY = new byte[1];

  static short[] decodeJava(byte[] frames) {
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
