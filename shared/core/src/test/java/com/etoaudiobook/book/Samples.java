package com.etoaudiobook.book;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real sample files in shared/samples, found the way the build tells us. */
final class Samples {
  private Samples() {
  }

  static Path dir() {
    String configured = System.getProperty("etoaudiobook.samples");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured);
    }
    return Path.of("../../../shared/samples");
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(dir().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Book parse(String name) {
    return new ScriptParser().parse(name, bytes(name));
  }

  /** Source text with offsets as the parser reports them (BOM removed, CRLF kept). */
  static String source(String name) {
    return TextDecoder.decode(bytes(name)).text();
  }
}
