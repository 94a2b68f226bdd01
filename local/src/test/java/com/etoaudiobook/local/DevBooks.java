package com.etoaudiobook.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the development set of real books, ../shared/data/books, by walking up from here. */
final class DevBooks {
  private DevBooks() {
  }

  static Path file(String name) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared").resolve("data").resolve("books");
      if (Files.isDirectory(candidate)) {
        return candidate.resolve(name);
      }
    }
    throw new IllegalStateException("../shared/data/books not found");
  }
}
