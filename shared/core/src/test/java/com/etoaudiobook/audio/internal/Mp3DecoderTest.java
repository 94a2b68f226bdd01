package com.etoaudiobook.audio.internal;

import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
}
