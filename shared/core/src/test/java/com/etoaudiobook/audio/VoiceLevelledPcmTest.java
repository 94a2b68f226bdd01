package com.etoaudiobook.audio;

import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** eSpeak NG's PCM levelled by its voice's learned level: only the peaks looked at, the targets still met. */
class VoiceLevelledPcmTest {
  private static final LoudnessTarget TARGET = LoudnessTarget.DEFAULT;
  private static final List<String> TEXTS = List.of(
      "The storm had raged for three days when the stranger knocked at the door of the inn.",
      "Who goes there? she asked, holding the lamp high above her head, and the wind took her words away.",
      "Nobody answered, and for a long while the only sound was the rain against the shutters.",
      "At last a voice, low and tired, said that it had walked from the harbour since noon.",
      "She drew the bolt. The man who stood there was older than she had thought, and very wet.");

  @TempDir
  Path dir;

  private static short[] speech(String text, String voice) {
    return EspeakEngine.instance().synthesize(new SpeechRequest(text, voice, null, 1.0, 0)).pcm();
  }

  private double[] heard(LoudnessNormalizer.Leveled leveled, String name) throws Exception {
    Path file = dir.resolve(name + ".mp3");
    Files.write(file, new Mp3Encoder().encode(leveled.samples(), 22050, leveled.gain()));
    return Ffmpeg.loudness(file);
  }

  @Test
  void thePeaksPassAgreesWithTheFullAnalysis() {
    Random random = new Random(3);
    short[] pcm = new short[70560 * 2]; // whole sub-blocks (2205) and chunks (32)
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (short) Math.max(-32768, Math.min(32767, random.nextGaussian() * 4000 * (1 + Math.sin(i / 5000.0))));
    }
    LoudnessMeter.Analysis full = LoudnessMeter.analyze(pcm, 22050);
    int[] peaks = LoudnessMeter.chunkPeaks(pcm);
    assertArrayEquals(full.chunkPeak(), peaks);
    LoudnessMeter.Analysis plain = LoudnessMeter.plain(pcm, 22050, peaks);
    assertArrayEquals(full.plain(), plain.plain(), 0.5);
    assertArrayEquals(full.chunkEnergy(), plain.chunkEnergy(), 0.5f);
    assertEquals(LoudnessMeter.samplePeak(pcm), LoudnessMeter.samplePeak(peaks), 1e-9);
  }

  @Test
  void laterPartsOfAVoiceAreNotMeasuredAndStillLeaveAtTheTarget() throws Exception {
    LoudnessNormalizer normalizer = new LoudnessNormalizer(TARGET);
    for (String voice : List.of("en-gb-x-rp", "en-us+f3")) {
      String key = VoiceLevels.key("espeak", voice, null, 1.0, 0, null);
      long calibrated = normalizer.calibratedPcmParts();
      for (String text : TEXTS) {
        short[] pcm = speech(text, voice);
        long before = normalizer.calibratedPcmParts();
        LoudnessNormalizer.Leveled leveled = normalizer.level(pcm, 22050, 0, key);
        assertEquals(pcm.length, leveled.samples().length, "every sample stays where it was");
        double[] heard = heard(leveled, voice + TEXTS.indexOf(text));
        String what = voice + " part " + TEXTS.indexOf(text) + (normalizer.calibratedPcmParts() > before
            ? " by the voice's level" : " measured") + ": " + heard[0] + " LUFS, " + heard[1] + " dBTP";
        // a part of a voice strays a few tenths from the voice's level: inside the 1 LU a listener notices
        assertEquals(TARGET.lufs(), heard[0], 1.0, what);
        assertTrue(heard[1] <= TARGET.peakDb(), what);
      }
      // the first parts teach the level (the 2nd and 3rd by the plain pass and the 1st's K-weighting): the others only use it
      assertEquals(2 * (1 + List.of("en-gb-x-rp", "en-us+f3").indexOf(voice)), normalizer.plainMeasuredPcmParts());
      assertTrue(normalizer.calibratedPcmParts() - calibrated >= 2,
          voice + ": " + (normalizer.calibratedPcmParts() - calibrated) + " of " + TEXTS.size() + " parts by the level");
    }
  }

  /**
   * A voice's first part K-weighted over its loudest third of sub-blocks, and a later part measured by its plain
   * pass plus the K-weighting the first gave, against the K-weighted meter (the reference meter's,
   * LoudnessMeterTest): parts of 2 s or more (shorter ones still run the filters), 8 voices.
   */
  @Test
  void theVoicesWeightingKeepsAPlainMeasurementAtTheMeters() {
    List<String> more = List.of("Seventeen thousand, four hundred and six, said the clerk, and shut the book.",
        "Sssh! Hush now, the children are sleeping, she whispered through the crack of the door.");
    double worst = 0;
    String where = "";
    for (String voice : List.of("en-gb-x-rp", "en+m1", "en+f2", "en+m3", "en-us", "en-us+f3", "en+f4", "en+m7")) {
      // the first part as the normaliser measures it: the K-filters over its loudest sub-blocks
      short[] firstPart = speech(TEXTS.get(0), voice);
      LoudnessMeter.Analysis first = LoudestSubBlocks.analyze(firstPart, 22050, LoudnessNormalizer.FIRST_PART_SHARE);
      double weighting = LoudnessMeter.integrated(first.weighted()) - LoudnessMeter.plainLoudness(first);
      for (String text : java.util.stream.Stream.concat(TEXTS.stream(), more.stream()).toList()) {
        short[] pcm = speech(text, voice);
        assertTrue(pcm.length >= VoiceLevels.MIN_SECONDS * 22050, text);
        double meter = LoudnessMeter.integrated(pcm, 22050);
        double plain = LoudnessMeter.integrated(LoudnessMeter.plain(pcm, 22050, null).weighted()) + weighting;
        double sampled = LoudnessMeter.integrated(LoudestSubBlocks.analyze(pcm, 22050,
            LoudnessNormalizer.FIRST_PART_SHARE).weighted());
        for (double error : new double[] {Math.abs(plain - meter), Math.abs(sampled - meter)}) {
          if (error > worst) {
            worst = error;
            where = voice + ", \"" + text + "\"" + (error == Math.abs(sampled - meter) ? " (sampled)" : " (plain)");
          }
        }
      }
    }
    // 0.35 at worst: a sentence of hushes ("Sssh!") by its plain pass, the voice's first part read low
    assertTrue(worst <= 0.4, "worst " + worst + " LU: " + where);
  }

  @Test
  void aPartLouderThanItsVoiceIsMeasuredAndStillLeavesAtTheTarget() throws Exception {
    LoudnessNormalizer normalizer = new LoudnessNormalizer(TARGET);
    String key = VoiceLevels.key("espeak", "en+m3", null, 1.0, 0, null);
    // the voice's level learned 8 dB under eSpeak NG's own (whose peaks are near full scale)
    for (int i = 0; i < LoudnessNormalizer.PCM_CALIBRATION_PARTS; i++) {
      normalizer.level(LoudnessTest.scaled(speech(TEXTS.get(3 + i % 2), "en+m3"), 0.4), 22050, 0, key);
    }
    // slightly louder than the voice: levelled by its level, peaks limited where they need to be
    short[] louder = LoudnessTest.scaled(speech(TEXTS.get(1), "en+m3"), 0.46);
    LoudnessNormalizer.Leveled leveled = normalizer.level(louder, 22050, 0, key);
    assertEquals(1, normalizer.calibratedPcmParts(), "levelled by the voice's level, not measured");
    double[] heard = heard(leveled, "louder");
    assertTrue(heard[1] <= TARGET.peakDb(), heard[1] + " dBTP");
    // 8 dB louder: its peaks stand far above the voice's level, so it is measured
    short[] loud = speech(TEXTS.get(2), "en+m3");
    leveled = normalizer.level(loud, 22050, 0, key);
    assertEquals(1, normalizer.calibratedPcmParts(), "measured, as its peaks are not the voice's");
    heard = heard(leveled, "loud");
    assertTrue(heard[1] <= TARGET.peakDb(), heard[1] + " dBTP");
    assertEquals(TARGET.lufs(), heard[0], 1.0, heard[0] + " LUFS");
  }

  @Test
  void shortPartsAndPartsOfNoVoiceAreMeasured() {
    LoudnessNormalizer normalizer = new LoudnessNormalizer(TARGET);
    String key = VoiceLevels.key("espeak", "en", null, 1.0, 0, null);
    short[] pcm = speech(TEXTS.get(2), "en");
    for (int i = 0; i < LoudnessNormalizer.PCM_CALIBRATION_PARTS; i++) {
      normalizer.level(pcm, 22050, 0, key); // the voice's first parts teach its level
    }
    normalizer.level(java.util.Arrays.copyOf(pcm, 22050), 22050, 0, key); // one second
    normalizer.level(pcm, 22050, 0, null);
    assertEquals(0, normalizer.calibratedPcmParts());
    assertEquals(LoudnessNormalizer.PCM_CALIBRATION_PARTS + 2, normalizer.measuredPcmParts());
    normalizer.level(pcm, 22050, 0, key);
    assertEquals(1, normalizer.calibratedPcmParts());
  }
}
