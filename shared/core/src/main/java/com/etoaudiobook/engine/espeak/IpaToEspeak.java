package com.etoaudiobook.engine.espeak;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IPA → eSpeak NG's phoneme mnemonics (its English phoneme set, Kirshenbaum-like), for
 * {@code [[...]]} phoneme input. Symbols are matched longest first (diphthongs and affricates
 * before their parts). An IPA string with a symbol outside the table gives null: the caller
 * reads the word as written rather than guessing.
 */
final class IpaToEspeak {
  private static final Map<String, String> TABLE = new LinkedHashMap<>();

  static {
    String[][] pairs = {
        // diphthongs, long vowels and affricates first
        {"eɪ", "eI"}, {"aɪ", "aI"}, {"ɔɪ", "OI"}, {"aʊ", "aU"}, {"oʊ", "oU"}, {"əʊ", "oU"},
        {"ɪə", "i@"}, {"eə", "e@"}, {"ɛə", "e@"}, {"ʊə", "U@"}, {"tʃ", "tS"}, {"dʒ", "dZ"},
        {"ʧ", "tS"}, {"ʤ", "dZ"},
        {"iː", "i:"}, {"uː", "u:"}, {"ɑː", "A:"}, {"ɔː", "O:"}, {"ɜː", "3:"}, {"ɝː", "3:"},
        // vowels
        {"i", "i"}, {"ɪ", "I"}, {"e", "E"}, {"ɛ", "E"}, {"æ", "a"}, {"a", "a"}, {"ɑ", "A:"}, {"ɒ", "0"},
        {"ɔ", "O:"}, {"o", "oU"}, {"ʊ", "U"}, {"u", "u:"}, {"ʌ", "V"}, {"ə", "@"}, {"ɐ", "@"},
        {"ɜ", "3:"}, {"ɝ", "3:"}, {"ɚ", "3"}, {"ᵻ", "I2"}, {"y", "y"},
        // consonants
        {"p", "p"}, {"b", "b"}, {"t", "t"}, {"d", "d"}, {"k", "k"}, {"g", "g"}, {"ɡ", "g"},
        {"f", "f"}, {"v", "v"}, {"θ", "T"}, {"ð", "D"}, {"s", "s"}, {"z", "z"}, {"ʃ", "S"},
        {"ʒ", "Z"}, {"h", "h"}, {"x", "x"}, {"m", "m"}, {"n", "n"}, {"ŋ", "N"}, {"l", "l"},
        {"ɫ", "l"}, {"r", "r"}, {"ɹ", "r"}, {"ɾ", "t"}, {"w", "w"}, {"j", "j"}, {"ʔ", "?"},
        // stress, length and syllable marks
        {"ˈ", "'"}, {"'", "'"}, {"ˌ", ","}, {"ː", ":"}, {".", ""}, {" ", " "}, {"\u0329", ""},
    };
    for (String[] p : pairs) {
      TABLE.put(p[0], p[1]);
    }
  }

  private IpaToEspeak() {
  }

  /** The mnemonics for {@code ipa}, or null when a symbol has no counterpart here. */
  static String convert(String ipa) {
    StringBuilder out = new StringBuilder();
    String s = java.text.Normalizer.normalize(ipa.strip(), java.text.Normalizer.Form.NFD);
    int i = 0;
    outer:
    while (i < s.length()) {
      for (int len = 2; len >= 1; len--) {
        if (i + len <= s.length()) {
          String mapped = TABLE.get(s.substring(i, i + len));
          if (mapped != null) {
            out.append(mapped);
            i += len;
            continue outer;
          }
        }
      }
      return null;
    }
    return out.isEmpty() ? null : out.toString();
  }
}
