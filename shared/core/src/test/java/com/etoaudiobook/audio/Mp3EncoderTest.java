package com.etoaudiobook.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
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

  /**
   * libmp3lame's encoder states are set up at once on several threads (only the first set-up queues:
   * it fills the tables all states share): every part comes out as it does alone, byte for byte.
   */
  @Test
  void encodersSetUpAtOnceOnSeveralThreadsEncodeEachPartAsAlone() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Mp3Encoder.Backend.best() == Mp3Encoder.Backend.LIBMP3LAME,
        "libmp3lame is not installed");
    short[][] parts = new short[8][];
    byte[][] alone = new byte[parts.length][];
    for (int p = 0; p < parts.length; p++) {
      parts[p] = toneFrom(p * 97, 1500 + p * 700); // short parts: the set-up is most of their time
      alone[p] = new Mp3Encoder(Mp3Encoder.Backend.LIBMP3LAME).encode(parts[p], 22050, 0.5 + p / 10.0);
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> {
          Mp3Encoder encoder = new Mp3Encoder(Mp3Encoder.Backend.LIBMP3LAME);
          for (int round = 0; round < 200; round++) {
            int p = round % parts.length;
            if (!Arrays.equals(alone[p], encoder.encode(parts[p], 22050, 0.5 + p / 10.0))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (java.util.concurrent.Future<Boolean> run : runs) {
        assertTrue(run.get(), "a part encoded beside others differs from the same part encoded alone");
      }
    } finally {
      pool.shutdownNow();
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

  @ParameterizedTest
  @EnumSource(Mp3Encoder.Backend.class)
  void trailingDigitalSilenceLeavesAsSilentFramesOfTheSameLengthAndSound(Mp3Encoder.Backend backend) throws Exception {
    Mp3Encoder encoder = new Mp3Encoder(backend);
    int sound = 10000;
    int zeros = 13000;
    short[] pcm = Arrays.copyOf(toneFrom(0, sound), sound + zeros);
    // the same length with a tail of +-1 (not digital silence): encoded whole
    short[] whisper = pcm.clone();
    for (int i = sound; i < whisper.length; i++) {
      whisper[i] = (short) (i % 2 == 0 ? 1 : -1);
    }
    byte[] trimmed = encoder.encode(pcm, 22050);
    byte[] whole = encoder.encode(whisper, 22050);
    int silent = (zeros - 576) / 576;
    assertEquals(silent, Mp3Encoder.trailingSilentFrames(pcm));
    assertEquals(0, Mp3Encoder.trailingSilentFrames(whisper));
    assertEquals(Mp3Frames.count(whole).frames(), Mp3Frames.count(trimmed).frames(), "the part keeps its length");
    int offset = trimmed.length - silent * SilenceFrame.length();
    for (int f = 0; f < silent; f++) {
      assertEquals(8, Mp3Frames.header(trimmed, offset + f * SilenceFrame.length()).bitrateKbps(), "silent frame " + f);
    }
    Path file = dir.resolve(backend + "-trimmed.mp3");
    Files.write(file, trimmed);
    short[] decoded = Ffmpeg.decode(file);
    assertEquals((long) Mp3Frames.count(trimmed).frames() * 576, decoded.length, "every frame decodes");
    int loud = 0;
    for (int i = 0; i < decoded.length; i++) {
      if (Math.abs(decoded[i]) > 100) {
        loud = i;
      }
    }
    int end = sound + Mp3Encoder.ENCODER_DELAY;
    assertTrue(Math.abs(loud - end) <= 64, backend + ": the sound ends at " + loud + ", expected about " + end);
    assertEquals(0, Mp3Encoder.trailingSilentFrames(toneFrom(0, 4000)), "a part that ends in sound");
    assertEquals(0, Mp3Encoder.trailingSilentFrames(Arrays.copyOf(toneFrom(0, 4000), 4000 + 1151)),
        "less than one frame past the frame kept");
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
