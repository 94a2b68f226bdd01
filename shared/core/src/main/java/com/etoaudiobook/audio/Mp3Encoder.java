package com.etoaudiobook.audio;

import com.etoaudiobook.audio.internal.LameLibrary;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import de.sciss.jump3r.lowlevel.LameEncoder;

import javax.sound.sampled.AudioFormat;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * PCM to MP3 (mono, MPEG-2 Layer III): the system's libmp3lame through JNA where it is installed
 * (Debian: libmp3lame0), about twice as fast, else jump3r, its pure-Java port. Both are LAME with the
 * same settings, so their frames are interchangeable: same delay, same padding, same frame count.
 * One encoder state per call, so any number of threads may encode at once. The output is bare
 * frames: no ID3, no Xing/LAME tag, first frame with main_data_begin = 0, which is what lets parts
 * be joined frame by frame.
 */
public final class Mp3Encoder {
  /** Samples of encoder delay LAME puts before the first input sample (576 + 529 decoder delay). */
  public static final int ENCODER_DELAY = 1105;
  /** LAME quality 7: about twice as fast as 5 and fine for speech (what `lame -q 7` does). */
  public static final int QUALITY = 7;
  /** Set to "jump3r" to use the pure-Java encoder even where libmp3lame is installed. */
  public static final String BACKEND_VARIABLE = "ETOAUDIOBOOK_MP3_ENCODER";

  /** Which LAME does the encoding. */
  public enum Backend {
    LIBMP3LAME, JUMP3R;

    /** libmp3lame when it loads (and is not switched off), else jump3r. */
    public static Backend best() {
      String forced = System.getenv(BACKEND_VARIABLE);
      if (forced != null && forced.strip().toLowerCase(Locale.ROOT).equals("jump3r")) {
        return JUMP3R;
      }
      return Native.LAME != null ? LIBMP3LAME : JUMP3R;
    }
  }

  private final Backend backend;
  private final int bitrateKbps;
  private final int quality;

  public Mp3Encoder(Backend backend, int bitrateKbps, int quality) {
    if (backend == Backend.LIBMP3LAME && Native.LAME == null) {
      throw new IllegalStateException("libmp3lame is not installed: apt-get install libmp3lame0");
    }
    this.backend = backend;
    this.bitrateKbps = bitrateKbps;
    this.quality = quality;
  }

  public Mp3Encoder(Backend backend) {
    this(backend, AudioFormats.BITRATE_KBPS, QUALITY);
  }

  public Mp3Encoder() {
    this(Backend.best());
  }

  public Backend backend() {
    return backend;
  }

  public byte[] encode(short[] pcm, int sampleRate) {
    return encode(pcm, sampleRate, 1.0);
  }

  /**
   * Encodes {@code pcm} multiplied by {@code gain}: LAME scales its float input, so a loudness
   * gain costs no pass over the samples (jump3r: in the conversion it makes anyway).
   */
  public byte[] encode(short[] pcm, int sampleRate, double gain) {
    if (sampleRate != AudioFormats.SAMPLE_RATE) {
      throw new IllegalArgumentException("expected " + AudioFormats.SAMPLE_RATE + " Hz PCM, got " + sampleRate);
    }
    int silent = trailingSilentFrames(pcm);
    int length = pcm.length - silent * AudioFormats.SAMPLES_PER_FRAME;
    byte[] frames = backend == Backend.LIBMP3LAME ? encodeNative(pcm, length, sampleRate, gain)
        : encodeJava(pcm, length, sampleRate, gain);
    return silent == 0 ? frames : SilenceFrame.append(frames, silent);
  }

  /**
   * Whole frames of digital silence at the end of {@code pcm}, past the one frame kept for the sound's
   * last granules to decay into: they leave as silent frames, which cost no encoding and decode to
   * the same zeros, and the part keeps its length to the frame (LAME's frame count grows by one for
   * every 576 samples). eSpeak NG ends an utterance with a few ms to 0.3 s of exact zeros (the most
   * after a quotation): in a novel of 120,000 characters, 5,100 of its 289,000 frames.
   */
  static int trailingSilentFrames(short[] pcm) {
    int i = pcm.length;
    while (i > 0 && pcm[i - 1] == 0) {
      i--;
    }
    return Math.max(0, pcm.length - i - AudioFormats.SAMPLES_PER_FRAME) / AudioFormats.SAMPLES_PER_FRAME;
  }

  /** Holds the library, loaded once, on first use of the class. */
  private static final class Native {
    static final LameLibrary LAME = LameLibrary.load();
    /** lame_init_params fills tables shared by every encoder state the first time: one at a time. */
    static final Object INIT = new Object();
    /**
     * Set once an encoder state was initialised: later inits rewrite the shared tables with the same
     * values (LAME is thread-safe with a state per thread, its HACKING says) and need not queue.
     */
    static volatile boolean tablesFilled;
  }

  /** Encodes pcm[0, length). */
  private byte[] encodeNative(short[] pcm, int length, int sampleRate, double gain) {
    LameLibrary lame = Native.LAME;
    Pointer gfp;
    if (Native.tablesFilled) {
      gfp = init(lame, sampleRate, gain);
    } else {
      synchronized (Native.INIT) {
        gfp = init(lame, sampleRate, gain);
        Native.tablesFilled = true;
      }
    }
    try {
      // lame.h: worst case 1.25 * samples + 7200 bytes, and the flush up to 7200 more
      long capacity = length + length / 4 + 2 * 7200L;
      Memory in = Buffers.get(0, Math.max(2, length * 2L));
      Memory out = Buffers.get(1, capacity);
      in.write(0, pcm, 0, length);
      // mono: LAME reads the left channel only
      int n = length == 0 ? 0 : lame.lame_encode_buffer(gfp, in, null, length, out, (int) capacity);
      if (n < 0) {
        throw new IllegalStateException("lame_encode_buffer failed: " + n);
      }
      int m = lame.lame_encode_flush(gfp, out.share(n), (int) (capacity - n));
      if (m < 0) {
        throw new IllegalStateException("lame_encode_flush failed: " + m);
      }
      return out.getByteArray(0, n + m);
    } finally {
      lame.lame_close(gfp);
    }
  }

  /** An encoder state with this encoder's settings, scaling its input by {@code gain}. */
  private Pointer init(LameLibrary lame, int sampleRate, double gain) {
    Pointer gfp = lame.lame_init();
    if (gfp == null) {
      throw new IllegalStateException("lame_init failed");
    }
    lame.lame_set_in_samplerate(gfp, sampleRate);
    lame.lame_set_out_samplerate(gfp, sampleRate);
    lame.lame_set_num_channels(gfp, 1);
    lame.lame_set_mode(gfp, LameLibrary.MODE_MONO);
    lame.lame_set_brate(gfp, bitrateKbps);
    lame.lame_set_quality(gfp, quality);
    lame.lame_set_bWriteVbrTag(gfp, 0); // bare frames: the assembler writes the one Xing header
    lame.lame_set_write_id3tag_automatic(gfp, 0);
    lame.lame_set_findReplayGain(gfp, 0);
    lame.lame_set_scale(gfp, (float) gain);
    if (lame.lame_init_params(gfp) < 0) {
      lame.lame_close(gfp);
      throw new IllegalStateException("libmp3lame refused " + bitrateKbps + " kbps mono at " + sampleRate + " Hz");
    }
    return gfp;
  }

  /**
   * Native memory for the samples and the frames, kept by each thread from part to part: passed as
   * Java arrays, JNA would allocate native copies and copy them in and back on every call, and
   * allocations this size are fresh pages from the kernel each time (page faults, zeroing).
   */
  private static final class Buffers {
    /** A part of eSpeak NG's longest (3,000 characters, about 4 minutes) needs about 11 MB; most far less. */
    private static final long KEEP_BYTES = 4L << 20;
    private static final ThreadLocal<Memory[]> KEPT = ThreadLocal.withInitial(() -> new Memory[2]);

    static Memory get(int which, long bytes) {
      if (bytes > KEEP_BYTES) {
        return new Memory(bytes); // rare: freed with the object
      }
      Memory[] kept = KEPT.get();
      Memory old = kept[which];
      if (old == null || old.size() < bytes) {
        // grown in steps, so a run of slightly longer parts does not reallocate each time
        kept[which] = new Memory(Math.min(KEEP_BYTES, Math.max(bytes, old == null ? 1 << 16 : 2 * old.size())));
        if (old != null) {
          old.close();
        }
      }
      return kept[which];
    }
  }

  /** Encodes pcm[0, length). */
  private byte[] encodeJava(short[] pcm, int length, int sampleRate, double gain) {
    AudioFormat source = new AudioFormat(sampleRate, 16, 1, true, false);
    LameEncoder encoder = new LameEncoder(source, bitrateKbps, LameEncoder.CHANNEL_MODE_MONO, quality, false);
    try {
      byte[] in = new byte[length * 2];
      for (int i = 0; i < length; i++) {
        int v = pcm[i];
        if (gain != 1.0) {
          long scaled = Math.round(v * gain);
          v = (int) (scaled > 32767 ? 32767 : scaled < -32768 ? -32768 : scaled);
        }
        in[2 * i] = (byte) v;
        in[2 * i + 1] = (byte) (v >> 8);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 1024);
      byte[] buffer = new byte[encoder.getMP3BufferSize()];
      int chunk = encoder.getPCMBufferSize();
      for (int offset = 0; offset < in.length; offset += chunk) {
        int bytes = Math.min(chunk, in.length - offset);
        int n = encoder.encodeBuffer(in, offset, bytes, buffer);
        out.write(buffer, 0, n);
      }
      int n = encoder.encodeFinish(buffer);
      out.write(buffer, 0, n);
      return out.toByteArray();
    } finally {
      encoder.close();
    }
  }
}
