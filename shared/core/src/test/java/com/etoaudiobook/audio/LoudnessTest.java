package com.etoaudiobook.audio;

import com.etoaudiobook.audio.internal.Mp3Decoder;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meter against ffmpeg's ebur128 (the reference), and parts brought to the target as heard after encoding. */
class LoudnessTest {
  private static final String TEXT = "The storm had raged for three days when the stranger knocked. "
      + "Who goes there? she asked, holding the lamp high above her head, and the wind took her words away.";
  private static final List<String> VOICES = List.of("en-gb-x-rp", "en-us+f3", "en+m3", "en+f5");
  private static final LoudnessTarget TARGET = LoudnessTarget.DEFAULT;

  @TempDir
  Path dir;

  static short[] speech(String voice) {
    return EspeakEngine.instance().synthesize(new SpeechRequest(TEXT, voice, null, 1.0, 0)).pcm();
  }

  static short[] scaled(short[] pcm, double gain) {
    short[] out = new short[pcm.length];
    for (int i = 0; i < pcm.length; i++) {
      out[i] = (short) Math.max(-32768, Math.min(32767, Math.round(pcm[i] * gain)));
    }
    return out;
  }

  private Path raw(short[] pcm, String name) throws Exception {
    ByteBuffer b = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.asShortBuffer().put(pcm);
    Path file = dir.resolve(name + ".raw");
    Files.write(file, b.array());
    return file;
  }

  private Path mp3(byte[] frames, String name) throws Exception {
    Path file = dir.resolve(name + ".mp3");
    Files.write(file, frames);
    return file;
  }

  @Test
  void meterAgreesWithFfmpegOnSpeechTonesAndNoise() throws Exception {
    Random random = new Random(7);
    short[] noise = new short[22050 * 3];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (short) (random.nextGaussian() * 3000);
    }
    short[] tone = new short[22050 * 2];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (short) (Math.sin(i * 2 * Math.PI * 3000 / 22050) * 10000); // the shelf region
    }
    short[] low = new short[22050 * 2];
    for (int i = 0; i < low.length; i++) {
      low[i] = (short) (Math.sin(i * 2 * Math.PI * 60 / 22050) * 20000); // the high-pass region
    }
    // speech with a quiet stretch, so the relative gate has blocks to drop
    short[] quiet = scaled(speech("en-us+f3"), 0.05);
    short[] loud = speech("en+m3");
    short[] gated = new short[quiet.length + loud.length];
    System.arraycopy(loud, 0, gated, 0, loud.length);
    System.arraycopy(quiet, 0, gated, loud.length, quiet.length);
    List<short[]> signals = List.of(speech("en-gb-x-rp"), scaled(speech("en+m3"), 0.3), noise, tone, low, gated);
    for (int i = 0; i < signals.size(); i++) {
      short[] pcm = signals.get(i);
      double[] reference = Ffmpeg.loudness(raw(pcm, "s" + i), 22050);
      assertEquals(reference[0], LoudnessMeter.integrated(pcm, 22050), 0.3, "integrated loudness of signal " + i);
      assertEquals(reference[1], LoudnessMeter.truePeak(pcm), 0.5, "true peak of signal " + i);
    }
  }

  @Test
  void everyVoiceAtAnyLevelLeavesAtTheTargetWithPeaksUnderTheCeiling() throws Exception {
    LoudnessNormalizer normalizer = new LoudnessNormalizer(TARGET);
    for (String voice : VOICES) {
      // both encoders apply the gain: libmp3lame on its float input, jump3r while converting
      Mp3Encoder encoder = new Mp3Encoder(VOICES.indexOf(voice) % 2 == 0 ? Mp3Encoder.Backend.LIBMP3LAME
          : Mp3Encoder.Backend.JUMP3R);
      for (double gain : new double[] {0.2, 1.0, 1.6}) {
        short[] before = scaled(speech(voice), gain);
        LoudnessNormalizer.Leveled after = normalizer.level(before, 22050);
        assertEquals(before.length, after.samples().length, "normalizing keeps every sample where it was");
        double[] heard = Ffmpeg.loudness(mp3(encoder.encode(after.samples(), 22050, after.gain()), voice + gain));
        String what = encoder.backend() + " " + voice + " x" + gain + ": " + heard[0] + " LUFS, " + heard[1] + " dBTP";
        assertEquals(TARGET.lufs(), heard[0], 0.5, what);
        assertTrue(heard[1] <= TARGET.peakDb(), what);
      }
    }
  }

  @Test
  void silenceStaysSilent() {
    short[] silence = new short[22050];
    LoudnessNormalizer.Leveled leveled = new LoudnessNormalizer(TARGET).level(silence, 22050);
    assertTrue(leveled.samples() == silence && leveled.gain() == 1.0);
    assertEquals(LoudnessMeter.SILENCE, LoudnessMeter.integrated(silence, 22050));
  }

  @Test
  void globalGainStepsScaleTheDecodedAudioExactly() throws Exception {
    byte[] frames = new Mp3Encoder().encode(scaled(speech("en+m3"), 0.3), 22050); // room to double
    byte[] louder = Mp3Gain.apply(frames, 4); // 4 steps = 2^(4/4) = twice the amplitude
    assertEquals(frames.length, louder.length);
    assertEquals(Mp3Frames.count(frames).frames(), Mp3Frames.count(louder).frames());
    short[] a = Ffmpeg.decode(mp3(frames, "a"));
    short[] b = Ffmpeg.decode(mp3(louder, "b"));
    assertEquals(a.length, b.length);
    double sumA = 0, sumB = 0;
    for (int i = 0; i < a.length; i++) {
      sumA += Math.abs(a[i]);
      sumB += Math.abs(b[i]);
    }
    assertEquals(2.0, sumB / sumA, 0.01, "amplitude ratio after +4 steps");
  }

  @Test
  void ourDecoderDecodesWhatFfmpegDecodes() throws Exception {
    byte[] frames = new Mp3Encoder().encode(speech("en-gb-x-rp"), 22050);
    short[] ours = Mp3Decoder.decode(frames);
    short[] reference = Ffmpeg.decode(mp3(frames, "ref"));
    assertEquals(reference.length, ours.length);
    double diff = 0, energy = 0;
    for (int i = 0; i < ours.length; i++) {
      diff += Math.pow(ours[i] - reference[i], 2);
      energy += Math.pow(reference[i], 2);
    }
    assertTrue(diff / energy < 1e-4, "relative error " + diff / energy);
  }

  @Test
  void encodedPartsOfAnyLevelAreBroughtToTheTarget() throws Exception {
    LoudnessNormalizer normalizer = new LoudnessNormalizer(TARGET);
    Mp3Encoder encoder = new Mp3Encoder();
    for (String voice : VOICES) {
      short[] pcm = speech(voice);
      // eSpeak's peaks stand ~20 dB above its loudness: gain alone would pass the ceiling
      byte[] peaky = encoder.encode(scaled(pcm, 0.15), 22050);
      // hard-clipped and turned down: peaks close to the loudness, so global gain alone gets there
      byte[] dense = encoder.encode(scaled(scaled(pcm, 4.0), 0.08), 22050);
      for (byte[] polly : List.of(peaky, dense)) {
        byte[] normalized = normalizer.normalizeMp3(polly, encoder);
        // re-encoded, the encoder's end padding may round up to one more frame (26 ms)
        assertEquals(Mp3Frames.count(polly).frames(), Mp3Frames.count(normalized).frames(), 1, "same duration");
        double[] heard = Ffmpeg.loudness(mp3(normalized, "p" + voice + polly.length));
        String what = voice + (polly == dense ? " dense" : " peaky") + ": " + heard[0] + " LUFS, " + heard[1] + " dBTP";
        assertTrue(heard[1] <= TARGET.peakDb(), what);
        // whole 1.5 dB steps: within 0.75 LU by our meter, plus its difference from ffmpeg on clipped
        // speech (up to 0.25 LU): inside the 1 LU a listener would notice
        assertEquals(TARGET.lufs(), heard[0], 1.0, what);
        if (polly == dense) {
          assertEquals(polly.length, normalized.length, "only the gain changed, not re-encoded: " + what);
        }
      }
    }
  }

  @Test
  void aReEncodedPartKeepsItsTiming() throws Exception {
    short[] words = speech("en+m3");
    short[] pcm = new short[6000 + words.length]; // the speech starts 6000 samples in
    System.arraycopy(words, 0, pcm, 6000, words.length);
    byte[] quiet = new Mp3Encoder().encode(scaled(pcm, 0.15), 22050); // peaky: must be re-encoded
    byte[] normalized = new LoudnessNormalizer(TARGET).normalizeMp3(quiet, new Mp3Encoder());
    assertTrue(quiet.length != normalized.length || !java.util.Arrays.equals(quiet, normalized));
    short[] before = Ffmpeg.decode(mp3(quiet, "before"));
    short[] after = Ffmpeg.decode(mp3(normalized, "after"));
    // the lag that best lines up the two envelopes (32-sample bins): 0, not a 1105-sample delay
    double[] a = envelope(before), b = envelope(after);
    int best = 0;
    double bestScore = -1;
    for (int lag = -100; lag <= 100; lag++) {
      double score = 0;
      for (int i = Math.max(0, -lag); i < a.length && i + lag < b.length; i++) {
        score += a[i] * b[i + lag];
      }
      if (score > bestScore) {
        bestScore = score;
        best = lag;
      }
    }
    assertEquals(0, best, 1, "the speech stays where it was, in 32-sample bins");
  }

  private static double[] envelope(short[] pcm) {
    double[] e = new double[pcm.length / 32];
    for (int i = 0; i < e.length * 32; i++) {
      e[i / 32] += Math.abs(pcm[i]);
    }
    return e;
  }
}
