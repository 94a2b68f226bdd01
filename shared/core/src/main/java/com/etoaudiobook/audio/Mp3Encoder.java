package com.etoaudiobook.audio;

import de.sciss.jump3r.lowlevel.LameEncoder;

import javax.sound.sampled.AudioFormat;
import java.io.ByteArrayOutputStream;

/**
 * PCM to MP3 (mono, MPEG-2 Layer III) with jump3r. One encoder per call, so any number of threads
 * may encode at once. The output is bare frames: no ID3, no Xing/LAME tag, first frame with
 * main_data_begin = 0, which is what lets parts be joined frame by frame.
 */
public final class Mp3Encoder {
  /** Samples of encoder delay jump3r puts before the first input sample (LAME: 576 + 529). */
  public static final int ENCODER_DELAY = 1105;

  private final int bitrateKbps;
  private final int quality;

  /** @param quality LAME quality 0 (best, slowest) .. 9; 7 is about twice as fast as 5 and fine for speech */
  public Mp3Encoder(int bitrateKbps, int quality) {
    this.bitrateKbps = bitrateKbps;
    this.quality = quality;
  }

  public Mp3Encoder() {
    this(AudioFormats.BITRATE_KBPS, 7);
  }

  public byte[] encode(short[] pcm, int sampleRate) {
    if (sampleRate != AudioFormats.SAMPLE_RATE) {
      throw new IllegalArgumentException("expected " + AudioFormats.SAMPLE_RATE + " Hz PCM, got " + sampleRate);
    }
    AudioFormat source = new AudioFormat(sampleRate, 16, 1, true, false);
    LameEncoder encoder = new LameEncoder(source, bitrateKbps, LameEncoder.CHANNEL_MODE_MONO, quality, false);
    try {
      byte[] in = new byte[pcm.length * 2];
      for (int i = 0; i < pcm.length; i++) {
        in[2 * i] = (byte) pcm[i];
        in[2 * i + 1] = (byte) (pcm[i] >> 8);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(pcm.length / 4 + 1024);
      byte[] buffer = new byte[encoder.getMP3BufferSize()];
      int chunk = encoder.getPCMBufferSize();
      for (int offset = 0; offset < in.length; offset += chunk) {
        int length = Math.min(chunk, in.length - offset);
        int n = encoder.encodeBuffer(in, offset, length, buffer);
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
