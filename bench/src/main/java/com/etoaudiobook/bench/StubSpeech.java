package com.etoaudiobook.bench;

import com.etoaudiobook.audio.LoudnessNormalizer;
import com.etoaudiobook.audio.LoudnessTarget;
import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.aws.testing.FakePolly;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.engine.espeak.EspeakEngine;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Speech for the Polly stub, so what it answers can be measured: each Polly voice is an eSpeak NG
 * voice at a level of its own (the stub's voices spread over 9 dB, as Polly's differ), made dense
 * like a service's finished speech (true peaks at most {@link #CREST_DB} above the loudness), as
 * MPEG-2 Layer III at 22050 Hz like Polly's MP3. A voice's clips (a few sentences, each encoded on
 * its own, so each starts a clean bit reservoir) are made once, when the voice is first asked for;
 * a request gets clips (sentence levels differing by up to 1.5 dB) from a place its text picks, until the audio lasts about as long as the
 * text would take to say. So serving costs the stub no CPU, and parts of a voice differ in loudness
 * as the parts of a real voice do.
 */
final class StubSpeech implements FakePolly.Speaker {
  /** Peak over loudness of the stub's speech: a service's speech is dense, eSpeak NG's is not. */
  static final double CREST_DB = 12.5;
  private static final double SECONDS_PER_CHAR = 0.065;
  private static final List<String> SENTENCES = List.of(
      "The harbour lights came on one by one as the fog rolled in from the sea.",
      "Nobody answered the door, so she waited on the step and counted the gulls.",
      "He said the train would be late again, and that the tickets were in his coat.",
      "Far below, the river turned silver and then black as the evening fell.",
      "Well, that is the strangest thing I have heard all week!",
      "They walked on in silence until the road bent down towards the village.",
      "If you listen closely, you can still hear the bells from the old church.",
      "The letter was short: come at once, bring the map, and tell no one.");
  /** Sentences of one voice differ in level as a service's do (dB from the voice's level). */
  private static final double[] SPREAD = {-0.6, 0.3, 0.7, -0.3, 0.8, -0.7, 0.1, 0.4};
  private static final String[] ESPEAK = {"en-us", "en+m3", "en-gb-x-rp", "en+f3", "en-us+f2", "en+m5", "en+f4",
      "en-gb-x-rp+m2", "en-us+m4", "en+f5"};

  private final Map<String, byte[][]> clips = new ConcurrentHashMap<>();
  private final Map<String, Double> levels = new ConcurrentHashMap<>();
  private final Mp3Encoder encoder = new Mp3Encoder();

  /** The level (LUFS) the stub speaks {@code voiceId} at: from -23 to -14 by the voice. */
  double level(String voiceId) {
    return levels.computeIfAbsent(voiceId, v -> {
      List<String> ids = FakePolly.LIBRARY.stream().map(m -> (String) m.get("Id")).toList();
      int i = ids.indexOf(v);
      // every other voice of the list from the quiet end, the rest from the loud end: neighbours differ
      double at = i < 0 ? Math.floorMod(v.hashCode(), 10) / 9.0 : (i % 2 == 0 ? i : ids.size() * 2 - 1 - i)
          / (ids.size() * 2 - 1.0);
      return -23 + 9 * at;
    });
  }

  @Override
  public byte[] speak(String voiceId, String engine, String text) {
    // one sound per voice whatever the engine: clips are made once, before anything is measured
    byte[][] mine = clips.computeIfAbsent(voiceId, k -> render(voiceId));
    double wanted = Math.max(1.0, text.length() * SECONDS_PER_CHAR);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    double seconds = 0;
    for (int i = Math.floorMod(text.hashCode(), mine.length); seconds < wanted; i = (i + 1) % mine.length) {
      out.writeBytes(mine[i]);
      seconds += com.etoaudiobook.audio.Mp3Frames.count(mine[i]).frames() * 576 / 22050.0;
    }
    return out.toByteArray();
  }

  /**
   * The probes' parts: the first 10 voices of the stub's library, each speaking lines 1 to
   * {@code perVoice} of the probe script; voice after voice, or line after line (each part then a
   * different voice's from the one before).
   */
  static List<byte[]> probeParts(int perVoice, boolean lineByLine) {
    List<String> voices = FakePolly.LIBRARY.stream().map(v -> (String) v.get("Id")).limit(10).toList();
    StubSpeech speech = new StubSpeech().prepare(voices);
    String[] lines = PollyQuotaBench.script(perVoice + 1, "probe").split("\n\n");
    List<byte[]> parts = new java.util.ArrayList<>();
    for (int a = 0; a < (lineByLine ? perVoice : voices.size()); a++) {
      for (int b = 0; b < (lineByLine ? voices.size() : perVoice); b++) {
        String voice = voices.get(lineByLine ? b : a);
        parts.add(speech.speak(voice, "neural", lines[1 + (lineByLine ? a : b)] + voice));
      }
    }
    return parts;
  }

  /** Makes the clips of these voices now, so serving them later costs nothing. */
  StubSpeech prepare(List<String> voiceIds) {
    voiceIds.forEach(v -> speak(v, "neural", "x"));
    return this;
  }

  private byte[][] render(String voiceId) {
    double lufs = level(voiceId);
    String espeak = ESPEAK[Math.floorMod(voiceId.hashCode(), ESPEAK.length)];
    byte[][] out = new byte[SENTENCES.size()][];
    for (int i = 0; i < out.length; i++) {
      // our limiter, at this voice's level and a ceiling CREST_DB above it, makes the dense speech
      double at = lufs + SPREAD[i];
      LoudnessNormalizer dense = new LoudnessNormalizer(new LoudnessTarget(at, at + CREST_DB));
      short[] pcm = EspeakEngine.instance().synthesize(new SpeechRequest(SENTENCES.get(i), espeak, null, 1.0, 0)).pcm();
      LoudnessNormalizer.Leveled l = dense.level(pcm, 22050);
      out[i] = encoder.encode(l.samples(), 22050, l.gain());
    }
    return out;
  }
}
