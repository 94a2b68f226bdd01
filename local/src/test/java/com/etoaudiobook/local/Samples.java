package com.etoaudiobook.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds ../shared/samples from the build (system property) or by walking up from here. */
final class Samples {
  private Samples() {
  }

  static Path dir() {
    String prop = System.getProperty("etoaudiobook.samples");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared").resolve("samples");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("../shared/samples not found");
  }

  static Path file(String name) {
    return dir().resolve(name);
  }
}
