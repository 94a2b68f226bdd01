package com.etoaudiobook.engine.espeak;

import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.lexicon.Lexicon;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** eSpeak NG honours the lexicon: the audio changes, the marks still name the words as written. */
class EspeakLexiconTest {
  private static final String TEXT = "Captain Ahab looked at Giovanelli.";
  private final EspeakEngine engine = EspeakEngine.instance();

  private Speech say(Lexicon lexicon) {
    return engine.synthesize(new SpeechRequest(TEXT, "en-us", null, 1.0, 0).withLexicon(lexicon));
  }

  private static List<String> words(Speech s) {
    return s.marks().stream().filter(m -> m.type().equals("word")).map(m -> TEXT.substring(m.start(), m.end())).toList();
  }

  @Test
  void aRespellingChangesTheAudioAndTheMarksKeepTheWrittenWords() {
    Speech plain = say(Lexicon.EMPTY);
    Speech respelled = say(new Lexicon(List.of(Lexicon.Entry.respelled("Giovanelli", "zoo-BOO-ka-LOO-ka-MAR-ee-oh"))));
    assertFalse(Arrays.equals(plain.pcm(), respelled.pcm()), "the respelling is heard");
    // six syllables are longer to say than four
    assertEquals(true, respelled.pcm().length > plain.pcm().length + 22050 / 10,
        plain.pcm().length + " vs " + respelled.pcm().length);
    List<String> expected = List.of("Captain", "Ahab", "looked", "at", "Giovanelli");
    assertEquals(expected, words(plain));
    assertEquals(expected, words(respelled));
    assertEquals(plain.marks().get(0), respelled.marks().get(0), "a sentence mark still spans the sentence");
  }

  @Test
  void ipaBecomesPhonemeInput() {
    Speech plain = say(Lexicon.EMPTY);
    Speech ipa = say(new Lexicon(List.of(Lexicon.Entry.ipa("Ahab", "ˈɑːhɑːbəˌlɒŋɡə"))));
    assertFalse(Arrays.equals(plain.pcm(), ipa.pcm()), "the phonemes are heard");
    assertEquals(true, ipa.pcm().length > plain.pcm().length, "two more syllables");
    assertEquals(List.of("Captain", "Ahab", "looked", "at", "Giovanelli"), words(ipa));
  }

  @Test
  void ipaMapsToEspeakMnemonics() {
    assertEquals("'eIhab", IpaToEspeak.convert("ˈeɪhæb"));
    assertEquals("dZoUv@'nElI", IpaToEspeak.convert("dʒoʊvəˈnɛlɪ"));
    assertNotNull(IpaToEspeak.convert("hɝˈmaɪəni"));
    assertNull(IpaToEspeak.convert("ʘʘ"), "a click has no English phoneme: read the word as written");
  }
}
