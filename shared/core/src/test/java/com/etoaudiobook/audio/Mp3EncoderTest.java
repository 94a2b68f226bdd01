package com.etoaudiobook.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both encoders (libmp3lame and jump3r) make the same kind of frames with the same timing. */
class Mp3EncoderTest {
  @TempDir
  Path dir;

  /** Silence, then a tone from sample {@code onset} on. */
  static short[] toneFrom(int onset, int samples) {
    short[] pcm = new short[samples];
    for (int i = onset; i < samples; i++) {
      pcm[i] = (short) (Math.sin((i - onset) * 2 * Math.PI * 440 / 22050) * 12000);
    }
    return pcm;
  }

  @ParameterizedTest
  @EnumSource(Mp3Encoder.Backend.class)
  void bareMpeg2MonoFramesAt48kbpsStartingWithAnEmptyReservoir(Mp3Encoder.Backend backend) {
    byte[] mp3 = new Mp3Encoder(backend).encode(toneFrom(0, 22050), 22050);
    Mp3Frames.Header h = Mp3Frames.header(mp3, 0);
    assertNotNull(h);
    assertEquals(2, h.version());
    assertEquals(22050, h.sampleRate());
    assertEquals(48, h.bitrateKbps());
    assertTrue(h.mono());
    assertEquals(0, mp3[4] & 0xFF, "main_data_begin of the first frame");
    assertEquals(mp3, Mp3Frames.bareFrames(mp3), "no Xing/Info frame, no ID3 tag");
    int offset = 0;
    while (offset < mp3.length) {
      Mp3Frames.Header f = Mp3Frames.header(mp3, offset);
      assertEquals(48, f.bitrateKbps(), "constant bitrate at byte " + offset);
      offset += f.length();
    }
  }

  @Test
  void bothEncodersMakeTheSameNumberOfFramesForAnyLength() {
    Mp3Encoder java = new Mp3Encoder(Mp3Encoder.Backend.JUMP3R);
    Mp3Encoder lame = new Mp3Encoder(Mp3Encoder.Backend.LIBMP3LAME);
    for (int samples : new int[] {1, 575, 576, 577, 4000, 22050, 54321}) {
      short[] pcm = toneFrom(0, samples);
      assertEquals(Mp3Frames.count(java.encode(pcm, 22050)).frames(), Mp3Frames.count(lame.encode(pcm, 22050)).frames(),
          "frames for " + samples + " samples");
    }
  }

  @ParameterizedTest
  @EnumSource(Mp3Encoder.Backend.class)
  void theFirstInputSampleIsDecodedAfterExactlyTheEncoderDelay(Mp3Encoder.Backend backend) throws Exception {
    int onset = 5000;
    Path file = dir.resolve(backend + ".mp3");
    Files.write(file, new Mp3Encoder(backend).encode(toneFrom(onset, 20000), 22050));
    short[] decoded = Ffmpeg.decode(file);
    int first = 0;
    while (Math.abs(decoded[first]) < 2000) {
      first++;
    }
    // the tone's first loud sample lands within a few samples of onset + delay (a 440 Hz sine
    // crosses 2000 of 12000 within 3 samples); an error of one frame would be 576 samples off
    int expected = onset + Mp3Encoder.ENCODER_DELAY;
    assertTrue(Math.abs(first - expected) <= 8, backend + ": onset decoded at " + first + ", expected " + expected);
  }

  @Test
  void partsOfEitherEncoderJoinFrameByFrame() throws Exception {
    byte[] a = new Mp3Encoder(Mp3Encoder.Backend.LIBMP3LAME).encode(toneFrom(0, 10000), 22050);
    byte[] b = new Mp3Encoder(Mp3Encoder.Backend.JUMP3R).encode(toneFrom(0, 30000), 22050);
    byte[] c = new Mp3Encoder(Mp3Encoder.Backend.LIBMP3LAME).encode(toneFrom(0, 7000), 22050);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(a);
    SilenceFrame.write(out, 3);
    out.write(b);
    out.write(c);
    Path file = dir.resolve("joined.mp3");
    Files.write(file, out.toByteArray());
    long frames = Mp3Frames.count(a).frames() + 3 + Mp3Frames.count(b).frames() + Mp3Frames.count(c).frames();
    assertEquals(frames * 576, Ffmpeg.decodedSamples(file), "every frame decodes, none is lost");
  }
}
