package com.etoaudiobook.audio.internal;

import com.etoaudiobook.audio.Mp3Frames;

import de.sciss.jump3r.mp3.MP3Data;
import de.sciss.jump3r.mp3.VBRTag;
import de.sciss.jump3r.mpg.Common;
import de.sciss.jump3r.mpg.Interface;
import de.sciss.jump3r.mpg.MPGLib;

import com.sun.jna.Memory;
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

  /**
   * Frames decoded and dropped before a stretch: the reservoir reaches back at most 511 bytes
   * (two to four frames at Polly's rates), and the first granule needs the one before it.
   */
  public static final int WARM_UP_FRAMES = 4;

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

  /**
   * The samples of frames {@code from} to {@code to} - 1 alone, as {@link #decode} gives them, for
   * measuring a stretch of a part without decoding the rest. A frame's main data may start in the
   * frames before it (the bit reservoir: at most 511 bytes back) and its first granule overlaps the
   * one before, so decoding starts {@code warmUp} frames earlier and their samples are dropped.
   *
   * @param offsets each frame's byte offset in {@code frames}, and the end ({@link #frameOffsets})
   */
  public static short[] decodeRange(byte[] frames, int[] offsets, int from, int to, int warmUp) {
    int start = Math.max(0, from - warmUp);
    // the reservoir of the first frame decoded handed over in a frame before it, where that can be made:
    // else that frame decodes wrong, and a stream that starts with a frame whose reservoir is missing
    // can give no samples at all (both decoders, one stretch in 20 or so of the stub's parts)
    return decodeRange(frames, offsets, from, to, start, start == 0 ? null : reservoirFrame(frames, offsets, start));
  }

  private static short[] decodeRange(byte[] frames, int[] offsets, int from, int to, int start, byte[] carrier) {
    int length = carrier == null ? 0 : carrier.length;
    byte[] slice = new byte[length + offsets[to] - offsets[start]];
    if (carrier != null) {
      System.arraycopy(carrier, 0, slice, 0, length);
    }
    System.arraycopy(frames, offsets[start], slice, length, offsets[to] - offsets[start]);
    short[] pcm = decode(slice);
    if (start == from && carrier == null) {
      return pcm;
    }
    // every decoded frame gives the same count; one the reservoir could not feed gives none
    int perFrame = samplesPerFrame(frames);
    int wanted = Math.min(pcm.length, (to - from) * perFrame);
    return Arrays.copyOfRange(pcm, pcm.length - wanted, pcm.length);
  }

  /**
   * Real frames decoded and dropped before a stretch by {@link #decodeStretch}: the frame before the
   * first wanted one hands it the second half of its inverse MDCT, the one before that the same to
   * it, so that the filterbank's 16 slots of memory (less than a granule's 18) hold the right values.
   */
  public static final int OVERLAP_FRAMES = 2;

  /**
   * {@link #decodeRange}'s samples for less: the bit reservoir the first frame decoded reads (at most
   * 255 bytes back in MPEG-2) is handed to it in a frame of its own ({@link #reservoirFrame}) instead
   * of decoding the frames that carried it, so {@link #OVERLAP_FRAMES} frames and that one are decoded
   * before the stretch, not {@link #WARM_UP_FRAMES}. MPEG-2 mono (Polly's and our encoder's frames);
   * anything else, or a reservoir reaching before the first frame, decodes the warm-up frames.
   */
  public static short[] decodeStretch(byte[] frames, int[] offsets, int from, int to) {
    int first = from - OVERLAP_FRAMES;
    byte[] carrier = first > 0 ? reservoirFrame(frames, offsets, first) : null;
    return carrier != null ? decodeRange(frames, offsets, from, to, first, carrier)
        : decodeRange(frames, offsets, from, to, WARM_UP_FRAMES);
  }

  /**
   * {@link #decodeStretch} of several stretches ({@code from[i]} to {@code to[i]}, in order, apart)
   * in one decode: each stretch's carrier and overlap frames after the stretch before it. The
   * carrier's lines are all 0, so nothing of the stretch before reaches past its two overlap frames
   * (the inverse MDCT's half and the filterbank's 16 slots): the samples of one decode a stretch
   * (to a unit: float rounding, the filterbank's ring buffer turned elsewhere; over the stub's
   * parts, the same true peak to 1e-6 dB) for one decoder set up and fed instead of one a stretch. Stretches with no carrier (at
   * the part's start), or a decode that does not give every frame's samples, are decoded one by one.
   */
  public static short[][] decodeStretches(byte[] frames, int[] offsets, int[] from, int[] to) {
    short[][] out = new short[from.length][];
    byte[][] carriers = new byte[from.length][];
    int bytes = 0;
    int decoded = 0;
    for (int i = 0; i < from.length; i++) {
      int first = from[i] - OVERLAP_FRAMES;
      carriers[i] = first > 0 && (i == 0 || first >= to[i - 1]) ? reservoirFrame(frames, offsets, first) : null;
      if (carriers[i] != null) {
        bytes += carriers[i].length + offsets[to[i]] - offsets[first];
        decoded += 1 + to[i] - first;
      }
    }
    int perFrame = samplesPerFrame(frames);
    if (bytes > 0) {
      byte[] joined = new byte[bytes];
      int at = 0;
      for (int i = 0; i < from.length; i++) {
        if (carriers[i] != null) {
          int first = from[i] - OVERLAP_FRAMES;
          System.arraycopy(carriers[i], 0, joined, at, carriers[i].length);
          at += carriers[i].length;
          System.arraycopy(frames, offsets[first], joined, at, offsets[to[i]] - offsets[first]);
          at += offsets[to[i]] - offsets[first];
        }
      }
      short[] pcm = decode(joined);
      if (pcm.length == decoded * perFrame) {
        int sample = 0;
        for (int i = 0; i < from.length; i++) {
          if (carriers[i] != null) {
            sample += (1 + OVERLAP_FRAMES) * perFrame;
            out[i] = Arrays.copyOfRange(pcm, sample, sample + (to[i] - from[i]) * perFrame);
            sample += (to[i] - from[i]) * perFrame;
          }
        }
      }
    }
    for (int i = 0; i < from.length; i++) {
      if (out[i] == null) {
        out[i] = decodeStretch(frames, offsets, from[i], to[i]);
      }
    }
    return out;
  }

  /**
   * An MPEG-2 mono frame of one empty granule (all side info 0: no lines, no reservoir of its own)
   * whose main data ends with the {@code main_data_begin} bytes frame {@code k} reads from the frames
   * before it (none: an empty frame); null where this cannot be built (not MPEG-2 mono, or the bytes
   * lie before the first frame).
   */
  static byte[] reservoirFrame(byte[] frames, int[] offsets, int k) {
    Mp3Frames.Header h = Mp3Frames.header(frames, offsets[k]);
    if (h == null || h.version() != 2 || !h.mono()) {
      return null;
    }
    int back = frames[offsets[k] + headerLength(frames, offsets[k])] & 0xFF;
    // the smallest bitrate whose main data holds the bytes (96 kbps holds 255 at 22050 Hz). Made where
    // frame k reads none too: a stretch then never starts at an Info frame (parts joined from encodings
    // of their own carry one at each join), which the decoders take for the stream's tag and after
    // which they gave no samples at all (the stub's parts: a stretch in 20 or so)
    for (int index = 1; index < 15; index++) {
      int b2 = (index << 4) | (frames[offsets[k] + 2] & 0x0C); // this rate, no padding, no private bit
      Mp3Frames.Header carrier = Mp3Frames.header(new byte[] {
          (byte) 0xFF, (byte) (frames[offsets[k] + 1] | 1), (byte) b2, frames[offsets[k] + 3]}, 0);
      int room = carrier.length() - 4 - carrier.sideInfoLength();
      if (room < back) {
        continue;
      }
      byte[] out = new byte[carrier.length()];
      out[0] = (byte) 0xFF;
      out[1] = (byte) (frames[offsets[k] + 1] | 1); // no CRC
      out[2] = (byte) b2;
      out[3] = frames[offsets[k] + 3];
      // the reservoir's bytes, last first, from the main data of the frames before k
      int at = out.length;
      for (int j = k - 1; j >= 0 && at > out.length - back; j--) {
        int start = offsets[j] + headerLength(frames, offsets[j]) + h.sideInfoLength();
        int n = Math.min(offsets[j + 1] - start, at - (out.length - back));
        System.arraycopy(frames, offsets[j + 1] - n, out, at - n, n);
        at -= n;
      }
      return at == out.length - back ? out : null;
    }
    return null;
  }

  /** The header's bytes and its CRC's, where the frame has one. */
  private static int headerLength(byte[] frames, int offset) {
    return (frames[offset + 1] & 1) == 0 ? 6 : 4;
  }

  /** The byte offset of every frame of bare frames, and their end. */
  public static int[] frameOffsets(byte[] frames) {
    int[] out = new int[64];
    int n = 0;
    for (int offset = 0; ; n++) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n] = offset;
      if (offset >= frames.length) {
        return Arrays.copyOf(out, n + 1);
      }
      offset = next(frames, offset);
    }
  }

  /** Samples a frame of these frames decodes to: 1152 for MPEG-1, 576 for MPEG-2 and 2.5 (a granule). */
  private static int samplesPerFrame(byte[] frames) {
    return Mp3Frames.header(frames, 0).version() == 1 ? 1152 : 576;
  }

  /** The offset of the frame after the one at {@code offset} (a method per frame: under C1 a loop body runs interpreted for a part's first hundred calls). */
  private static int next(byte[] frames, int offset) {
    return offset + Mp3Frames.frameAt(frames, offset).length();
  }

  /**
   * libmp3lame's decoder (mpglib) keeps some of its working state in statics, so two threads
   * decoding different audio at once corrupt each other: in a worker decoding parts side by side,
   * a third of the decodes came out wrong (a voice measured 1.4 LU loud, its peaks 8 dB high). One
   * native decode at a time per process; a thread that finds it busy decodes with jump3r (the same
   * samples, its state per instance) rather than wait, so parts measured at once stay parallel.
   */
  private static final java.util.concurrent.locks.ReentrantLock NATIVE = new java.util.concurrent.locks.ReentrantLock();

  private static short[] decodeNative(byte[] frames) {
    if (!NATIVE.tryLock()) {
      return decodeJava(frames);
    }
    try {
      return decodeNativeAlone(frames);
    } finally {
      NATIVE.unlock();
    }
  }

  private static short[] decodeNativeAlone(byte[] frames) {
    LameLibrary lame = Native.LAME;
    // at most 1152 samples per frame (576 in MPEG-2): the headers say how many frames there are
    long room = (Mp3Frames.count(frames).frames() + 2) * 1152L * 2;
    Memory kept = Buffers.get(room * 2);
    Pointer left = kept.share(0);
    Pointer right = kept.share(room);
    Pointer hip = lame.hip_decode_init();
    if (hip == null) {
      throw new IllegalStateException("hip_decode_init failed");
    }
    lame.hip_set_errorf(hip, null);
    try {
      // as with jump3r below: the whole buffer goes in once, then calls with nothing new flush the
      // frames; 0 means "nothing yet" while the first header is read, and "no more" at the end.
      // The frames go in as an array (JNA's copy, freed after the call): passed from memory kept
      // between decodes, the frames a longer part had left past their end came out too (one stub
      // part in ten, with nothing new on the later calls, KeptProbe), which no test here reproduced
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
        length = NONE;
      }
      return left.getShortArray(0, size);
    } finally {
      lame.hip_decode_exit(hip);
      Buffers.done(kept);
    }
  }

  private static final byte[] EMPTY = new byte[1];
  private static final NativeLong NONE = new NativeLong(0);

  /**
   * Native memory for the samples, kept from decode to decode (used under {@link #NATIVE}'s lock, so
   * one for the process): memory allocated for each decode is fresh pages (page faults), freed only
   * when the collector gets to it. A 30-frame decode (a measured part's peak stretches) took 0.46 ms
   * so against 0.22 in kept memory (FirstPartPhases' decode, a first part's: 0.62 to 0.87 ms against
   * 0.40 to 0.46, load 4).
   */
  private static final class Buffers {
    /**
     * Kept up to this (room for 1152 samples a frame in each channel: a part of about 20 s of Polly's
     * MPEG-2 decoded whole); a longer one's memory is freed after its decode.
     */
    private static final long KEEP_BYTES = 4L << 20;
    private static Memory kept;

    static Memory get(long bytes) {
      if (bytes > KEEP_BYTES) {
        return new Memory(bytes);
      }
      if (kept == null || kept.size() < bytes) {
        // grown in steps, so a run of slightly longer parts does not reallocate each time
        Memory old = kept;
        kept = new Memory(Math.min(KEEP_BYTES, Math.max(bytes, old == null ? 1 << 16 : 2 * old.size())));
        if (old != null) {
          old.close();
        }
      }
      return kept;
    }

    /** Frees memory that is not kept. */
    static void done(Memory used) {
      if (used != kept) {
        used.close();
      }
    }
  }

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
