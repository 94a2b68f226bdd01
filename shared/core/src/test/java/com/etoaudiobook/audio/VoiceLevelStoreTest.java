package com.etoaudiobook.audio;

import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.storage.FileVoiceLevelStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Voice levels shared through a {@link VoiceLevelStore}: what one normaliser (a process) learned,
 * another uses without decoding; a voice whose level drifted is still caught by a recheck.
 */
class VoiceLevelStoreTest {
  private static final LoudnessTarget TARGET = LoudnessTarget.DEFAULT;
  private static final String VOICE = VoiceLevels.key("polly", "Joanna", "neural", 1.0, 0, null);
  private static final List<String> SENTENCES = List.of(
      "The harbour lights came on one by one as the fog rolled in from the sea.",
      "Nobody answered the door, so she waited on the step and counted the gulls.",
      "He said the train would be late again, and that the tickets were in his coat.",
      "Far below, the river turned silver and then black as the evening fell.",
      "They walked on in silence until the road bent down towards the village.",
      "If you listen closely, you can still hear the bells from the old church.");
  private static List<byte[]> quiet;
  private static List<byte[]> loud;

  @TempDir
  Path dir;

  @BeforeAll
  static void voices() {
    quiet = voice(-26);
    loud = voice(-14);
  }

  /** A service's voice at {@code lufs}: a sentence per part, dense speech (peaks 12 dB over the loudness). */
  private static List<byte[]> voice(double lufs) {
    Mp3Encoder encoder = new Mp3Encoder();
    LoudnessNormalizer dense = new LoudnessNormalizer(new LoudnessTarget(lufs, lufs + 12));
    List<byte[]> parts = new ArrayList<>();
    for (String s : SENTENCES) {
      short[] pcm = EspeakEngine.instance().synthesize(new SpeechRequest(s, "en-us", null, 1.0, 0)).pcm();
      LoudnessNormalizer.Leveled l = dense.level(pcm, 22050);
      parts.add(encoder.encode(l.samples(), 22050, l.gain()));
    }
    return parts;
  }

  /** A normaliser of a new process over {@code store}, a confirmed voice's rechecks at parts n with (n + phase) % 256 == 0. */
  private static LoudnessNormalizer process(VoiceLevelStore store, int phase) {
    return new LoudnessNormalizer(TARGET, new VoiceLevels(store, () -> phase));
  }

  private static byte[] normalize(LoudnessNormalizer n, byte[] part) {
    return n.normalizeMp3(part, new Mp3Encoder(), 0, VOICE);
  }

  @Test
  void aLevelConfirmedInOneProcessIsUsedByTheNextWithoutDecoding() throws Exception {
    VoiceLevelStore store = VoiceLevelStore.inMemory();
    LoudnessNormalizer first = process(store, 0);
    for (int i = 0; i < 5; i++) {
      normalize(first, quiet.get(i));
    }
    assertEquals(2, first.measuredParts(), "the first process measures the voice's first part and its recheck");
    assertEquals(2, store.get(VOICE).confirmations(), "two agreeing parts stored");
    // a new process: no part decoded, the 4th not rechecked (its rechecks come one in 256, here at the 246th)
    LoudnessNormalizer next = process(store, 10);
    byte[] out = null;
    for (int i = 0; i < 12; i++) {
      out = normalize(next, quiet.get(i % quiet.size()));
    }
    assertEquals(0, next.measuredParts(), "decoded parts in the new process");
    assertEquals(12, next.calibratedParts());
    Path f = dir.resolve("next.mp3");
    Files.write(f, out);
    // a part levelled by its voice's level strays from the target by as much as the sentence strays
    // from the voice (up to about 1 LU; 0.6 seen once on a loaded machine); unlevelled it is 8 LU off
    assertEquals(TARGET.lufs(), Ffmpeg.loudness(f)[0], 1.0, "levelled by the stored level");
  }

  @Test
  void aLevelFromOnePartIsUsedButStillRecheckedAtItsFourthPart() {
    VoiceLevelStore store = VoiceLevelStore.inMemory();
    normalize(process(store, 0), quiet.get(0)); // a process that ended after one part of the voice
    assertEquals(1, store.get(VOICE).confirmations());
    LoudnessNormalizer next = process(store, 10);
    for (int i = 0; i < 6; i++) {
      normalize(next, quiet.get(i));
    }
    assertEquals(1, next.measuredParts(), "not its first part, but its 4th: one part is not a confirmed level");
    assertEquals(2, store.get(VOICE).confirmations(), "the recheck confirmed it for the processes after");
  }

  @Test
  void aStoredLevelThatNoLongerHoldsIsCaughtByARecheckAndLearnedAgainForEveryone() throws Exception {
    VoiceLevelStore store = VoiceLevelStore.inMemory();
    LoudnessNormalizer before = process(store, 0);
    for (int i = 0; i < 5; i++) {
      normalize(before, quiet.get(i));
    }
    double old = store.get(VOICE).latest()[0];
    // the voice is now 12 dB louder; this process's rechecks fall at parts 3, 259, ...
    LoudnessNormalizer drifted = process(store, 253);
    long[] measuredAfter = new long[6];
    for (int i = 0; i < 6; i++) {
      normalize(drifted, loud.get(i));
      measuredAfter[i] = drifted.measuredParts();
    }
    // parts 1 and 2 levelled by the old level; the recheck (3) disagrees and starts the voice over,
    // part 4 confirms the new level, part 5 is levelled by it
    assertArrayEquals(new long[] {0, 0, 1, 2, 2, 2}, measuredAfter);
    VoiceLevelStore.Stored now = store.get(VOICE);
    assertEquals(2, now.confirmations());
    assertEquals(old + 12, now.latest()[0], 1.0, "the store holds the new level");
    // a third process levels the louder voice right away, without decoding
    LoudnessNormalizer after = process(store, 10);
    Path f = dir.resolve("after.mp3");
    Files.write(f, normalize(after, loud.get(5)));
    assertEquals(0, after.measuredParts());
    assertEquals(TARGET.lufs(), Ffmpeg.loudness(f)[0], 1.0, "levelled by the new level (unlevelled: 4 LU off)");
  }

  @Test
  void aConfirmedVoicesRechecksComeOneIn256AtItsPhase() {
    // known from the store: where this process's phase puts them
    assertEquals(List.of(246L, 502L), rechecks(new VoiceLevels.Level(new double[] {-20, -20.2}, 12, 0, true, 10)));
    // learned and confirmed here
    assertEquals(List.of(256L, 512L), rechecks(new VoiceLevels.Level(new double[] {-20, -20.2}, 12, 0, true)));
    // one part so far: its 4th part, then one in 64 (until a second part agrees)
    assertEquals(List.of(4L, 64L, 128L, 192L, 256L, 320L, 384L, 448L, 512L, 576L),
        rechecks(new VoiceLevels.Level(new double[] {-20}, 12, 0, true, 10)));
  }

  @Test
  void processesRecheckAConfirmedVoiceAtPhasesSpreadOverAllOf256Parts() {
    VoiceLevelStore store = VoiceLevelStore.inMemory();
    store.put(VOICE, new VoiceLevelStore.Stored(new double[] {-20, -20.2}, 12, true));
    int first = Integer.MAX_VALUE, last = 0;
    for (int process = 0; process < 200; process++) {
      VoiceLevels levels = new VoiceLevels(store); // the product's random phase
      int n = 1;
      while (levels.trusted(VOICE) != null) {
        n++;
      }
      first = Math.min(first, n);
      last = Math.max(last, n);
    }
    // 200 processes: all of them past part 64, or none past part 192, would be a one in 10^24 chance
    assertTrue(first <= 64 && last > 192, "first rechecks between parts " + first + " and " + last);
  }

  private static List<Long> rechecks(VoiceLevels.Level level) {
    List<Long> out = new ArrayList<>();
    for (long n = 1; n <= 600; n++) {
      if (level.recheck(n)) {
        out.add(n);
      }
    }
    return out;
  }

  @Test
  void aLevelConfirmedByAFullWindowIsStillRecheckedAndADriftCaughtForTheNextProcess() {
    VoiceLevelStore store = VoiceLevelStore.inMemory();
    store.put(VOICE, new VoiceLevelStore.Stored(new double[] {-26, -26.1, -25.9, -26}, 12, true));
    LoudnessNormalizer drifted = process(store, 250); // its recheck at part 6
    for (int i = 0; i < 6; i++) {
      normalize(drifted, loud.get(i));
    }
    assertEquals(1, drifted.measuredParts(), "the recheck");
    assertEquals(1, store.get(VOICE).latest().length, "started over from the louder part");
    assertEquals(0, store.get(VOICE).confirmations(), "to be measured by the next process");
  }

  @Test
  void aFileStoreKeepsLevelsForTheNextRunAndShrugsOffDamage() throws Exception {
    Path file = dir.resolve("cache/voice-levels.properties");
    VoiceLevelStore.Stored level = new VoiceLevelStore.Stored(new double[] {-21.25, -21.5}, 11.75, true);
    new FileVoiceLevelStore(file).put(VOICE, level);
    new FileVoiceLevelStore(file).put("other", new VoiceLevelStore.Stored(new double[] {-30}, 9, false));
    VoiceLevelStore.Stored read = new FileVoiceLevelStore(file).get(VOICE);
    assertNotNull(read, "a later run reads what an earlier one wrote, both voices kept");
    assertArrayEquals(level.latest(), read.latest(), 1e-9);
    assertEquals(level.maxCrest(), read.maxCrest(), 1e-9);
    assertTrue(read.settled());
    assertNotNull(new FileVoiceLevelStore(file).get("other"));
    Files.writeString(file, "\u0000garbage\n\\u");
    assertNull(new FileVoiceLevelStore(file).get(VOICE), "a damaged file is a store that knows nothing");
    assertNull(VoiceLevelStore.Stored.decode("v2 1 12 -20,x"));
    assertNull(VoiceLevelStore.Stored.decode("v1 1 12 -20,-20"), "a level of the racy decoder's days");
    assertNull(VoiceLevelStore.Stored.decode("v3 1 12 -20"), "a later version");
  }
}
