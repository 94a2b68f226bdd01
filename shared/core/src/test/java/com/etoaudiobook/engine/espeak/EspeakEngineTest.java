package com.etoaudiobook.engine.espeak;

import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechException;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.voice.Voice;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EspeakEngineTest {
  private static final String HELLO = "Hello world. This is a test.";

  private final EspeakEngine engine = EspeakEngine.instance();

  private Speech say(String text, String voice, double rate, int pitch) {
    return engine.synthesize(new SpeechRequest(text, voice, null, rate, pitch));
  }

  private static double seconds(Speech s) {
    return s.pcm().length / (double) s.sampleRate();
  }

  private static List<String> words(String text, Speech s) {
    return s.marks().stream().filter(m -> m.type().equals("word"))
        .map(m -> text.substring(m.start(), m.end())).toList();
  }

  @Test
  void isASingleton() {
    assertSame(engine, EspeakEngine.instance());
    assertEquals("espeak", engine.provider());
    assertEquals(22050, engine.sampleRate());
  }

  @Test
  void voicesIncludeEnglishVariantsOfBothGenders() {
    List<Voice> voices = engine.voices();
    Voice us = voices.stream().filter(v -> v.id().equals("en-us")).findFirst().orElseThrow();
    assertEquals("en-US", us.language());
    assertEquals("English (America)", us.languageName());
    assertEquals(List.of("espeak"), us.engines());
    assertEquals(22050, us.sampleRate());
    assertEquals("espeak", us.provider());

    Voice f3 = voices.stream().filter(v -> v.id().equals("en-us+f3")).findFirst().orElseThrow();
    assertEquals("female", f3.gender());
    assertEquals("English (America) · female 3", f3.name());
    assertEquals("en-US", f3.language());
    assertTrue(voices.stream().anyMatch(v -> v.id().equals("en+m3") && v.gender().equals("male")));
    assertTrue(voices.stream().anyMatch(v -> v.gender().equals("male")));
    assertTrue(voices.stream().anyMatch(v -> v.gender().equals("female")));

    List<Voice> sorted = new ArrayList<>(voices);
    sorted.sort((a, b) -> a.language().equals(b.language())
        ? a.id().compareTo(b.id()) : a.language().compareTo(b.language()));
    assertEquals(sorted, voices);
    assertSame(voices, engine.voices());
    assertEquals(voices.size(), voices.stream().map(Voice::id).distinct().count());
  }

  @Test
  void speaksWithWordMarks() {
    Speech s = say(HELLO, "en-us", 1.0, 0);
    assertEquals(22050, s.sampleRate());
    assertNotNull(s.pcm());
    assertEquals(null, s.mp3());
    assertEquals(0, s.billedCharacters());
    double sec = seconds(s);
    assertTrue(sec > 0.5 && sec < 5, "duration " + sec);
    assertTrue(Arrays.stream(toInts(s.pcm())).anyMatch(v -> Math.abs(v) > 1000), "audible");

    assertEquals(List.of("Hello", "world", "This", "is", "a", "test"), words(HELLO, s));
    List<Speech.Mark> words = s.marks().stream().filter(m -> m.type().equals("word")).toList();
    assertEquals(0, words.get(0).timeMs());
    for (int i = 1; i < words.size(); i++) {
      assertTrue(words.get(i).timeMs() > words.get(i - 1).timeMs(), "times increase");
      assertTrue(words.get(i).start() >= words.get(i - 1).end(), "offsets increase");
    }
    assertTrue(words.get(words.size() - 1).timeMs() < sec * 1000);

    List<String> sentences = s.marks().stream().filter(m -> m.type().equals("sentence"))
        .map(m -> HELLO.substring(m.start(), m.end())).toList();
    assertEquals(List.of("Hello world.", "This is a test."), sentences);
  }

  @Test
  void offsetsAreUtf16EvenForNonAsciiText() {
    // espeak counts code points: ë and ï are 2 UTF-8 bytes, 𝄞 is 2 UTF-16 chars.
    String text = "Zoë said naïve things. I hum 𝄞 tunes, señor.";
    Speech s = say(text, "en-us", 1.0, 0);
    assertEquals(List.of("Zoë", "said", "naïve", "things", "I", "hum", "tunes", "señor"),
        words(text, s).stream().filter(w -> !w.equals("𝄞")).toList());
    List<String> sentences = s.marks().stream().filter(m -> m.type().equals("sentence"))
        .map(m -> text.substring(m.start(), m.end())).toList();
    assertEquals(List.of("Zoë said naïve things.", "I hum 𝄞 tunes, señor."), sentences);
  }

  @Test
  void marksMapCodePointsToUtf16() {
    String text = "a 𝄞 b";
    List<EspeakMarks.RawEvent> events = List.of(
        new EspeakMarks.RawEvent(2, 1, 0, 0),
        new EspeakMarks.RawEvent(1, 1, 1, 0),
        new EspeakMarks.RawEvent(1, 3, 1, 10),
        new EspeakMarks.RawEvent(1, 4, 1, 15), // points at a space: dropped
        new EspeakMarks.RawEvent(1, 5, 1, 20),
        new EspeakMarks.RawEvent(1, 4, 0, 30)); // zero length: dropped
    assertEquals(List.of(
        new Speech.Mark("sentence", 0, 0, 6),
        new Speech.Mark("word", 0, 0, 1),
        new Speech.Mark("word", 10, 2, 4),
        new Speech.Mark("word", 20, 5, 6)), EspeakMarks.of(text, events));
  }

  @Test
  void fasterRateGivesShorterAudio() {
    double normal = seconds(say(HELLO, "en-us", 1.0, 0));
    double fast = seconds(say(HELLO, "en-us", 2.0, 0));
    assertTrue(fast < normal * 0.75, fast + " vs " + normal);
  }

  @Test
  void pitchChangesTheOutput() {
    Speech low = say(HELLO, "en-us", 1.0, -40);
    Speech high = say(HELLO, "en-us", 1.0, 40);
    // espeak's output varies slightly from run to run, so compare the voice's fundamental.
    double lowF0 = medianF0(low);
    double highF0 = medianF0(high);
    assertTrue(highF0 > lowF0 * 1.2, highF0 + " Hz vs " + lowF0 + " Hz");
  }

  /** Median pitch of the loud 40 ms frames, by autocorrelation over 60..400 Hz. */
  private static double medianF0(Speech s) {
    short[] pcm = s.pcm();
    int rate = s.sampleRate();
    int frame = rate / 25;
    int minLag = rate / 400;
    int maxLag = rate / 60;
    List<Double> f0 = new ArrayList<>();
    for (int at = 0; at + frame + maxLag < pcm.length; at += frame) {
      double energy = 0;
      for (int i = 0; i < frame; i++) {
        energy += (double) pcm[at + i] * pcm[at + i];
      }
      if (energy / frame < 1e6) {
        continue;
      }
      int best = 0;
      double bestCorr = 0;
      for (int lag = minLag; lag <= maxLag; lag++) {
        double c = 0;
        for (int i = 0; i < frame; i++) {
          c += (double) pcm[at + i] * pcm[at + i + lag];
        }
        if (c > bestCorr) {
          bestCorr = c;
          best = lag;
        }
      }
      if (best > 0) {
        f0.add(rate / (double) best);
      }
    }
    assertFalse(f0.isEmpty());
    f0.sort(null);
    return f0.get(f0.size() / 2);
  }

  @Test
  void variantsAndLanguageAliasesSpeak() {
    Speech male = say(HELLO, "en-us", 1.0, 0);
    Speech female = say(HELLO, "en-us+f3", 1.0, 0);
    assertFalse(Arrays.equals(male.pcm(), female.pcm()));
    assertTrue(say(HELLO, "en+m3", 1.0, 0).pcm().length > 0);
    assertTrue(say(HELLO, "en-gb", 1.0, 0).pcm().length > 0);
  }

  @Test
  void concurrentCallersAllSucceed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Speech>> futures = new ArrayList<>();
      String[] voices = {"en-us", "en-us+f3", "en+m3", "en-gb-x-rp"};
      for (int t = 0; t < 4; t++) {
        String voice = voices[t];
        futures.add(pool.submit(() -> {
          Speech last = null;
          for (int i = 0; i < 3; i++) {
            last = say(HELLO, voice, 1.0, 0);
          }
          return last;
        }));
      }
      for (Future<Speech> f : futures) {
        Speech s = f.get(60, TimeUnit.SECONDS);
        assertTrue(s.pcm().length > 0);
        assertEquals(List.of("Hello", "world", "This", "is", "a", "test"), words(HELLO, s));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void unknownVoiceIsASpeechException() {
    for (String id : new String[] {"xx-nope", "en-us+nope", "", null}) {
      SpeechException e = assertThrows(SpeechException.class, () -> say(HELLO, id, 1.0, 0));
      assertEquals("Unknown eSpeak voice: " + id, e.getMessage());
      assertFalse(e.retryable());
    }
  }

  @Test
  void emptyAndLongTextWork() {
    assertEquals(0, say("", "en-us", 1.0, 0).marks().size());
    String longText = "This sentence is repeated to go past the part limit. ".repeat(70);
    assertTrue(longText.length() > engine.maxCharacters());
    Speech s = say(longText, "en-us", 2.0, 0);
    assertEquals(70 * 10, words(longText, s).size());
  }

  @Test
  void bcp47Casing() {
    assertEquals("en-US", EspeakEngine.bcp47("en-us"));
    assertEquals("en-GB-x-rp", EspeakEngine.bcp47("en-gb-x-rp"));
    assertEquals("en-029", EspeakEngine.bcp47("en-029"));
    assertEquals("yue-Latn-jyutping", EspeakEngine.bcp47("yue-latn-jyutping"));
  }

  private static int[] toInts(short[] pcm) {
    int[] out = new int[pcm.length];
    for (int i = 0; i < pcm.length; i++) {
      out[i] = pcm[i];
    }
    return out;
  }

  @Test
  void deliveriesReachTheEngine() {
    String text = "I will not go back to the lighthouse tonight.";
    Speech plain = engine.synthesize(new SpeechRequest(text, "en+f3", null, 1.0, 0, null));
    Speech sad = engine.synthesize(new SpeechRequest(text, "en+f3", null, 1.0, 0, "sadly"));
    assertTrue(seconds(sad) > seconds(plain) * 1.1, "sadly is slower: " + seconds(sad) + " vs " + seconds(plain));
    Speech whisper = engine.synthesize(new SpeechRequest(text, "en+f3", null, 1.0, 0, "whispering"));
    // a whisper has no voicing: far more zero crossings than the voiced reading
    assertTrue(crossings(whisper) > crossings(plain) * 1.5, crossings(whisper) + " vs " + crossings(plain));
    Speech again = engine.synthesize(new SpeechRequest(text, "en+f3", null, 1.0, 0, null));
    // eSpeak NG varies by a few ms between identical calls; a leftover rate would be 15 % off
    assertEquals(plain.pcm().length, again.pcm().length, plain.pcm().length / 50.0, "a delivery leaves nothing behind");
  }

  private static double crossings(Speech s) {
    int n = 0;
    for (int i = 1; i < s.pcm().length; i++) {
      if ((s.pcm()[i - 1] < 0) != (s.pcm()[i] < 0)) {
        n++;
      }
    }
    return n / seconds(s);
  }
}
