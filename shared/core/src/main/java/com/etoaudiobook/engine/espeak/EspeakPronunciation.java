package com.etoaudiobook.engine.espeak;

import com.etoaudiobook.lexicon.Lexicon;
import com.etoaudiobook.lexicon.SpokenText;

import java.util.Locale;

/**
 * How eSpeak NG honours a lexicon: a respelling is read in its place (lower-cased, so a stressed
 * syllable written in capitals, "NEL", is not spelt out as letters), and IPA becomes phoneme input
 * {@code [[...]]} (see {@link IpaToEspeak}; IPA with a symbol it cannot map is read as written).
 */
final class EspeakPronunciation {
  private EspeakPronunciation() {
  }

  /** The text to synthesize and whether it carries phoneme input (espeakPHONEMES must be set). */
  record Applied(SpokenText text, boolean phonemes) {
  }

  static Applied apply(String text, Lexicon lexicon) {
    boolean ipa = lexicon != null && lexicon.entries().stream().anyMatch(e -> e.ipa() != null);
    // with phoneme input on, a "[[" of the book's own would be read as phonemes: break it up,
    // keeping every offset (one char for one)
    String safe = ipa ? text.replace("[[", "[ ") : text;
    boolean[] phonemes = {false};
    SpokenText spoken = SpokenText.of(safe, lexicon, e -> {
      if (e.respelling() != null) {
        return e.respelling().toLowerCase(Locale.ROOT);
      }
      String mnemonics = IpaToEspeak.convert(e.ipa());
      if (mnemonics == null) {
        return null;
      }
      phonemes[0] = true;
      return "[[" + mnemonics + "]]";
    });
    return new Applied(spoken, phonemes[0]);
  }
}
