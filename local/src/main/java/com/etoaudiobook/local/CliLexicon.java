package com.etoaudiobook.local;

import com.etoaudiobook.lexicon.Lexicon;
import com.etoaudiobook.lexicon.LexiconFormat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CLI's pronunciations: the user-wide {@code lexicon.txt} in the CLI's home folder
 * ($ETOAUDIOBOOK_HOME), then each {@code --lexicon FILE} in order, a later entry for a word
 * replacing an earlier one. Either file may be in the text format or W3C PLS.
 */
final class CliLexicon {
  static final String USER_FILE = "lexicon.txt";

  private CliLexicon() {
  }

  /** @throws com.etoaudiobook.lexicon.LexiconException naming the file and line that cannot be used */
  static Lexicon load(List<String> files, Path home, PrintStream err) {
    Lexicon lexicon = Lexicon.EMPTY;
    Path user = home.resolve(USER_FILE);
    if (Files.isRegularFile(user)) {
      lexicon = lexicon.with(LexiconFormat.read(user));
    }
    for (String f : files) {
      lexicon = lexicon.with(LexiconFormat.read(Path.of(f)));
    }
    if (!lexicon.isEmpty()) {
      err.printf("%d pronunciations (%s%s)%n", lexicon.entries().size(),
          Files.isRegularFile(user) ? user : "", files.isEmpty() ? "" : (Files.isRegularFile(user) ? ", " : "")
              + String.join(", ", files));
    }
    return lexicon;
  }
}
