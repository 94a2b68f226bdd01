package com.etoaudiobook.local;

import com.etoaudiobook.lexicon.Lexicon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --lexicon FILE (repeatable) over the user-wide lexicon.txt; a file that cannot be used is exit 2 before any work. */
class CliLexiconTest {
  @TempDir
  Path dir;

  @Test
  void aBadLexiconFileIsAUsageErrorNamingFileAndLine() throws Exception {
    Path bad = dir.resolve("names.txt");
    Files.writeString(bad, "Ahab = AY-hab\nGiovanelli jo-va-NEL-lee\n");
    CliTest.Run r = CliTest.run("convert", Samples.file("demo-story.md").toString(), "--lexicon", bad.toString(),
        "--out", dir.resolve("out").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("names.txt: line 2: expected 'word = respelling' or 'word /ipa/'"), r.err());
    assertTrue(!Files.exists(dir.resolve("out")), "nothing was made");

    Path pls = dir.resolve("names.pls");
    Files.writeString(pls, "<lexicon alphabet=\"x-sampa\"><lexeme><grapheme>Ahab</grapheme><phoneme>eIh{b</phoneme></lexeme></lexicon>");
    CliTest.Run p = CliTest.run("convert", Samples.file("demo-story.md").toString(), "--lexicon", pls.toString());
    assertEquals(2, p.code(), p.err());
    assertTrue(p.err().contains("only IPA is supported"), p.err());

    CliTest.Run missing = CliTest.run("convert", Samples.file("demo-story.md").toString(), "--lexicon",
        dir.resolve("nope.txt").toString());
    assertEquals(2, missing.code(), missing.err());
    assertTrue(missing.err().contains("cannot read the lexicon"), missing.err());
  }

  @Test
  void laterFilesOverrideTheUserWideLexicon() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve(CliLexicon.USER_FILE), "Ahab = AY-hab\nStarbuck = STAR-buck\n");
    Path book = dir.resolve("book.pls");
    Files.writeString(book, """
        <lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa">
          <lexeme><grapheme>Ahab</grapheme><phoneme>ˈɑːhɑːb</phoneme></lexeme>
        </lexicon>""");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Lexicon lex = CliLexicon.load(List.of(book.toString()), home, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(List.of(Lexicon.Entry.respelled("Starbuck", "STAR-buck"), Lexicon.Entry.ipa("Ahab", "ˈɑːhɑːb")),
        lex.entries());
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("2 pronunciations"), err.toString(StandardCharsets.UTF_8));
    assertTrue(CliLexicon.load(List.of(), dir.resolve("nohome"), new PrintStream(err)).isEmpty());
  }
}
