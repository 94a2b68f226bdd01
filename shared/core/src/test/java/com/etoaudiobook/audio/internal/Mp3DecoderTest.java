package com.etoaudiobook.audio.internal;

import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class Mp3DecoderTest {
  @Test
  void libmp3lameDecodesSampleForSampleAsJump3r() {
    assumeTrue(Mp3Decoder.isNative(), "libmp3lame0 is not installed");
    short[] pcm = EspeakEngine.instance().synthesize(new SpeechRequest(
        "The letter was short: come at once, bring the map, and tell no one.", "en-gb-x-rp", null, 1.0, 0)).pcm();
    byte[] mp3 = new Mp3Encoder().encode(pcm, 22050);
    short[] ours = Mp3Decoder.decode(mp3);
    assertTrue(ours.length >= pcm.length, "every sample decoded: " + ours.length + " of " + pcm.length);
    assertArrayEquals(Mp3Decoder.decodeJava(mp3), ours);
  }

  @Test
  void aStretchDecodedAloneHasTheSamplesOfTheWholeDecode() {
    short[] pcm = EspeakEngine.instance().synthesize(new SpeechRequest("Far below, the river turned silver and then"
        + " black as the evening fell, and nobody answered the door.", "en+m3", null, 1.0, 0)).pcm();
    byte[] mp3 = new Mp3Encoder().encode(pcm, 22050);
    int[] offsets = Mp3Decoder.frameOffsets(mp3);
    short[] whole = Mp3Decoder.decode(mp3);
    assertTrue(whole.length == (offsets.length - 1) * 576, whole.length + " samples for " + (offsets.length - 1) + " frames");
    for (int[] range : new int[][] {{0, 10}, {20, 45}, {60, offsets.length - 1}}) {
      short[] alone = Mp3Decoder.decodeRange(mp3, offsets, range[0], range[1], Mp3Decoder.WARM_UP_FRAMES);
      // the same samples, but for float rounding in the filter bank's memory (a unit at most)
      assertTrue(alone.length == (range[1] - range[0]) * 576 && largestDifference(whole, range[0] * 576, alone) <= 1,
          "frames " + range[0] + " to " + range[1] + ": " + largestDifference(whole, range[0] * 576, alone));
    }
    // without the frames before, the reservoir and the overlap are missing: not the same samples
    short[] cold = Mp3Decoder.decodeRange(mp3, offsets, 20, 45, 0);
    assertTrue(largestDifference(whole, 20 * 576, cold) > 100, "cold: " + largestDifference(whole, 20 * 576, cold));
  }

  private static int largestDifference(short[] whole, int at, short[] part) {
    int most = 0;
    for (int i = 0; i < part.length; i++) {
      most = Math.max(most, Math.abs(whole[at + i] - part[i]));
    }
    return most;
  }

  @Test
  void threadsDecodingDifferentPartsAtOnceGetWhatOneThreadGets() throws Exception {
    assumeTrue(Mp3Decoder.isNative(), "libmp3lame0 is not installed");
    List<byte[]> parts = new ArrayList<>();
    List<short[]> alone = new ArrayList<>();
    for (String voice : List.of("en+m3", "en-us+f3", "en-gb-x-rp", "en+f5")) {
      short[] pcm = EspeakEngine.instance().synthesize(new SpeechRequest("Far below, the river turned silver and then"
          + " black as the evening fell, and nobody answered the door.", voice, null, 1.0, 0)).pcm();
      parts.add(new Mp3Encoder().encode(pcm, 22050));
      alone.add(Mp3Decoder.decode(parts.get(parts.size() - 1)));
    }
    // each thread its own part: libmp3lame's decoder keeps working state in statics, so two
    // decodes at once of different audio mix into each other (of the same audio, they agree)
    AtomicInteger differ = new AtomicInteger();
    AtomicInteger same = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < parts.size(); t++) {
      int mine = t;
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 12; i++) {
          (Arrays.equals(alone.get(mine), Mp3Decoder.decode(parts.get(mine))) ? same : differ).incrementAndGet();
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(0, differ.get(), differ.get() + " of " + (differ.get() + same.get()) + " decodes differ from one thread's");
  }
}
