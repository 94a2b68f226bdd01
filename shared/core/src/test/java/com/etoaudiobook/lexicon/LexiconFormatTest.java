package com.etoaudiobook.lexicon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both lexicon file formats, and what they refuse. */
class LexiconFormatTest {
  @TempDir
  Path dir;

  @Test
  void readsTheTextFormat() {
    Lexicon lex = LexiconFormat.parse("""
        # names in this book
        Giovanelli = jo-va-NEL-lee
        Ahab /ˈeɪhæb/
        Hermione = /hɝˈmaɪəni/   # IPA after '='

        Mr. Rochester's = ROCH-ess-terz
        """);
    assertEquals(List.of(
        Lexicon.Entry.respelled("Giovanelli", "jo-va-NEL-lee"),
        Lexicon.Entry.ipa("Ahab", "ˈeɪhæb"),
        Lexicon.Entry.ipa("Hermione", "hɝˈmaɪəni"),
        Lexicon.Entry.respelled("Mr. Rochester's", "ROCH-ess-terz")), lex.entries());
  }

  @Test
  void readsPls() {
    Lexicon lex = LexiconFormat.parse("""
        <?xml version="1.0" encoding="UTF-8"?>
        <lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
                 alphabet="ipa" xml:lang="en-US">
          <lexeme><grapheme>Ahab</grapheme><grapheme>AHAB</grapheme><phoneme>ˈeɪhæb</phoneme></lexeme>
          <lexeme><grapheme>W3C</grapheme><alias>World Wide Web Consortium</alias></lexeme>
        </lexicon>
        """);
    // the second grapheme is the same word in other case: one entry
    assertEquals(List.of(Lexicon.Entry.ipa("AHAB", "ˈeɪhæb"),
        Lexicon.Entry.respelled("W3C", "World Wide Web Consortium")), lex.entries());
  }

  @Test
  void refusesWhatItCannotUse() {
    assertRefused("Giovanelli jo-va-NEL-lee", "line 1");
    assertRefused("ok = fine\n = nothing", "line 2: a lexicon entry has an empty word");
    assertRefused("Ahab = ", "no pronunciation");
    assertRefused("Ahab /ˈeɪhæb", "between two slashes");
    assertRefused("x".repeat(101) + " = y", "longer than 100");
    assertRefused("Ahab = a<b>", "not allowed");
    assertRefused("<lexicon xmlns=\"http://www.w3.org/2005/01/pronunciation-lexicon\" alphabet=\"x-sampa\">"
        + "<lexeme><grapheme>Ahab</grapheme><phoneme>eIh{b</phoneme></lexeme></lexicon>", "only IPA");
    assertRefused("<lexicon><lexeme><grapheme>Ahab</grapheme></lexeme></lexicon>", "neither <phoneme> nor <alias>");
    assertRefused("<lexicon><lexeme>", "well-formed");
    assertRefused("<!DOCTYPE lexicon [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><lexicon>&x;</lexicon>", "well-formed");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= Lexicon.MAX_ENTRIES; i++) {
      many.append("word").append(i).append(" = w\n");
    }
    assertRefused(many.toString(), "at most 1000");
  }

  @Test
  void aFileProblemNamesTheFile() throws Exception {
    Path bad = dir.resolve("names.txt");
    Files.writeString(bad, "fine = ok\nbroken\n");
    LexiconException e = assertThrows(LexiconException.class, () -> LexiconFormat.read(bad));
    assertTrue(e.getMessage().contains("names.txt: line 2"), e.getMessage());
    Path binary = dir.resolve("x.bin");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    assertTrue(assertThrows(LexiconException.class, () -> LexiconFormat.read(binary)).getMessage().contains("UTF-8"));
    assertThrows(LexiconException.class, () -> LexiconFormat.read(dir.resolve("missing.txt")));
  }

  private static void assertRefused(String text, String why) {
    LexiconException e = assertThrows(LexiconException.class, () -> LexiconFormat.parse(text));
    assertTrue(e.getMessage().contains(why), "'" + e.getMessage() + "' should say " + why);
  }
}
