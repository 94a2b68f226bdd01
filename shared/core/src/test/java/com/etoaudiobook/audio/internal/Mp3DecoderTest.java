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

  @Test
  void aStretchDecodedAfterItsReservoirAloneHasTheSamplesOfTheWholeDecode() {
    // dense speech at 48 kbps: LAME fills the reservoir, frames read up to 255 bytes (2 frames) back
    byte[] mp3 = new Mp3Encoder().encode(denseSpeech(), 22050);
    int[] offsets = Mp3Decoder.frameOffsets(mp3);
    short[] whole = Mp3Decoder.decode(mp3);
    int frames = offsets.length - 1;
    int carried = 0;
    for (int from = 0; from + 2 <= frames; from++) {
      byte[] carrier = from < Mp3Decoder.OVERLAP_FRAMES ? null
          : Mp3Decoder.reservoirFrame(mp3, offsets, from - Mp3Decoder.OVERLAP_FRAMES);
      carried += carrier != null && (mp3[offsets[from - 2] + 4] & 0xFF) > 0 ? 1 : 0;
      short[] alone = Mp3Decoder.decodeStretch(mp3, offsets, from, from + 2);
      // the same samples, but for float rounding in the filter bank's memory (a unit at most)
      assertTrue(alone.length == 2 * 576 && largestDifference(whole, from * 576, alone) <= 1,
          "frames " + from + " and " + (from + 1) + ": " + largestDifference(whole, from * 576, alone));
    }
    assertTrue(carried > frames / 2, "the reservoir handed over in " + carried + " stretches of " + frames);
    // the reservoir's frame alone, without the 2 frames whose overlap the first wanted one needs: not the same
    int off = 0;
    for (int from = 20; from < 40; from++) {
      byte[] carrier = Mp3Decoder.reservoirFrame(mp3, offsets, from);
      byte[] slice = new byte[carrier.length + offsets[from + 2] - offsets[from]];
      System.arraycopy(carrier, 0, slice, 0, carrier.length);
      System.arraycopy(mp3, offsets[from], slice, carrier.length, offsets[from + 2] - offsets[from]);
      short[] cold = Mp3Decoder.decode(slice);
      off = Math.max(off, largestDifference(whole, from * 576, Arrays.copyOfRange(cold, cold.length - 2 * 576, cold.length)));
    }
    assertTrue(off > 100, "without the overlap: " + off);
  }

  @Test
  void aStretchAfterAnInfoFrameInTheMiddleHasItsSamples() {
    // two encodings joined, as the Polly stub's sentences are: the second's Info (Xing) frame mid-stream
    byte[] one = new Mp3Encoder().encode(EspeakEngine.instance().synthesize(new SpeechRequest(
        "The harbour lights came on one by one.", "en-us", null, 1.0, 0)).pcm(), 22050);
    byte[] mp3 = withSecondEncoding(one);
    int[] offsets = Mp3Decoder.frameOffsets(mp3);
    short[] whole = Mp3Decoder.decode(mp3);
    assertEquals((offsets.length - 1) * 576, whole.length);
    for (int from = 2; from + 2 < offsets.length; from++) {
      short[] alone = Mp3Decoder.decodeStretch(mp3, offsets, from, from + 2);
      assertTrue(alone.length == 2 * 576 && largestDifference(whole, from * 576, alone) <= 1,
          "frames " + from + " and " + (from + 1) + ": " + alone.length + " samples, "
              + largestDifference(whole, from * 576, alone) + " off");
    }
  }

  @Test
  void stretchesDecodedTogetherHaveTheSamplesOfEachDecodedAlone() {
    // dense speech (frames reading their reservoir) and a second encoding's Info frame mid-stream
    byte[] one = new Mp3Encoder().encode(denseSpeech(), 22050);
    byte[] mp3 = withSecondEncoding(one);
    int[] offsets = Mp3Decoder.frameOffsets(mp3);
    int frames = offsets.length - 1;
    int join = Mp3Decoder.frameOffsets(one).length - 1;
    // the first at the part's start (no carrier: decoded alone), one over the join, the last at the end
    int[] from = {0, 9, 17, join - 1, join + 6, frames - 3};
    int[] to = {2, 12, 19, join + 2, join + 8, frames};
    short[][] together = Mp3Decoder.decodeStretches(mp3, offsets, from, to);
    for (int i = 0; i < from.length; i++) {
      short[] alone = Mp3Decoder.decodeStretch(mp3, offsets, from[i], to[i]);
      // the same samples, but for float rounding (the filterbank's ring buffer at another place: a unit at most)
      assertTrue(alone.length == together[i].length && largestDifference(alone, 0, together[i]) <= 1,
          "frames " + from[i] + " to " + to[i] + ": " + together[i].length + " samples, "
              + largestDifference(alone, 0, together[i]) + " off");
    }
  }

  private static int largestDifference(short[] whole, int at, short[] part) {
    int most = 0;
    for (int i = 0; i < part.length; i++) {
      most = Math.max(most, Math.abs(whole[at + i] - part[i]));
    }
    return most;
  }

  @Test
  void decodesOneAfterAnotherInTheKeptMemoryEachGetTheirOwnSamples() {
    // the samples go to native memory kept from decode to decode, grown for a longer part
    assumeTrue(Mp3Decoder.isNative(), "libmp3lame0 is not installed");
    short[] speech = denseSpeech();
    // four times over: more frames than the memory kept between decodes holds, then less
    short[] longer = new short[speech.length * 4];
    for (int i = 0; i < 4; i++) {
      System.arraycopy(speech, 0, longer, i * speech.length, speech.length);
    }
    byte[] whole = new Mp3Encoder().encode(longer, 22050);
    byte[] once = new Mp3Encoder().encode(speech, 22050);
    int[] offsets = Mp3Decoder.frameOffsets(once);
    byte[] few = Arrays.copyOf(once, offsets[12]);
    // as the Polly stub's parts: sentences encoded each on its own and joined, so a shorter part
    // may be a longer one's start
    List<byte[]> parts = new ArrayList<>();
    byte[] joined = new byte[0];
    for (String line : List.of("Far below, the river turned silver.", "Nobody answered the door.",
        "He said the train would be late again.", "Come at once, bring the map.")) {
      byte[] sentence = new Mp3Encoder().encode(EspeakEngine.instance().synthesize(
          new SpeechRequest(line, "en+f3", null, 1.0, 0)).pcm(), 22050);
      joined = Arrays.copyOf(joined, joined.length + sentence.length);
      System.arraycopy(sentence, 0, joined, joined.length - sentence.length, sentence.length);
      parts.add(0, joined);
    }
    List<byte[]> order = new ArrayList<>(List.of(whole, once, few, once, whole, few));
    order.addAll(parts); // longest first
    // each after a longer one: a decode that gave back samples past its own, or lost some, shows
    for (byte[] mp3 : order) {
      assertArrayEquals(Mp3Decoder.decodeJava(mp3), Mp3Decoder.decode(mp3), mp3.length + " bytes");
    }
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

  /** Speech 4 times louder (clipped): at 48 kbps LAME fills the reservoir, frames read up to 2 frames back. */
  private static short[] denseSpeech() {
    short[] pcm = EspeakEngine.instance().synthesize(new SpeechRequest("If you listen closely, you can still hear"
        + " the bells from the old church. Come at once, bring the map, and tell no one.", "en-us", null, 1.0, 0)).pcm();
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (short) Math.max(-32768, Math.min(32767, pcm[i] * 4));
    }
    return pcm;
  }

  /** {@code first} and a second encoding after it, as the Polly stub's sentences are: an Info (Xing) frame mid-stream. */
  private static byte[] withSecondEncoding(byte[] first) {
    byte[] two = new Mp3Encoder().encode(EspeakEngine.instance().synthesize(new SpeechRequest(
        "Nobody answered the door, so she waited on the step.", "en+f3", null, 1.0, 0)).pcm(), 22050);
    byte[] mp3 = Arrays.copyOf(first, first.length + two.length);
    System.arraycopy(two, 0, mp3, first.length, two.length);
    return mp3;
  }
}
