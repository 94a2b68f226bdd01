package com.etoaudiobook.audio.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.util.List;

/**
 * The slice of libmp3lame's C API (lame.h) the native encoder and decoder use. Each lame_t (and
 * hip_t) is independent, so threads may encode and decode at once, each with its own.
 */
public interface LameLibrary extends Library {
  int MODE_MONO = 3;

  Pointer lame_init();

  int lame_set_in_samplerate(Pointer gfp, int rate);

  int lame_set_out_samplerate(Pointer gfp, int rate);

  int lame_set_num_channels(Pointer gfp, int channels);

  int lame_set_mode(Pointer gfp, int mode);

  int lame_set_brate(Pointer gfp, int kbps);

  int lame_set_quality(Pointer gfp, int quality);

  int lame_set_bWriteVbrTag(Pointer gfp, int write);

  int lame_set_write_id3tag_automatic(Pointer gfp, int automatic);

  int lame_set_findReplayGain(Pointer gfp, int find);

  /** Multiplies the input by scale before encoding. */
  int lame_set_scale(Pointer gfp, float scale);

  int lame_init_params(Pointer gfp);

  int lame_get_encoder_delay(Pointer gfp);

  /** {@code right} may be null for mono; returns the bytes written to {@code mp3}, or a negative error. */
  int lame_encode_buffer(Pointer gfp, Pointer left, Pointer right, int samples, Pointer mp3, int mp3Size);

  int lame_encode_flush(Pointer gfp, Pointer mp3, int mp3Size);

  int lame_close(Pointer gfp);

  /** A decoder state (libmp3lame's mpglib, "hip"): one per stream, like a lame_t. */
  Pointer hip_decode_init();

  int hip_decode_exit(Pointer hip);

  /** Where the decoder reports errors: null for nowhere (a stretch decoded alone starts with its reservoir missing). */
  void hip_set_errorf(Pointer hip, Pointer report);

  /**
   * Takes {@code mp3} in (length 0: nothing new) and decodes the frames it can; returns the samples
   * written to {@code left} (which must hold them all), 0 when it needs more, -1 on an error.
   */
  int hip_decode(Pointer hip, byte[] mp3, com.sun.jna.NativeLong length, Pointer left, Pointer right);

  /** The system's libmp3lame (Debian: libmp3lame0), or null when it cannot be loaded. */
  static LameLibrary load() {
    // the soname first (libmp3lame0 installs only it; a failed "mp3lame" makes JNA list every
    // library folder before the next name), then the unversioned name (-dev package, macOS)
    for (String name : List.of("libmp3lame.so.0", "mp3lame")) {
      try {
        return Native.load(name, LameLibrary.class);
      } catch (LinkageError e) {
        // next name, then jump3r
      }
    }
    return null;
  }
}
