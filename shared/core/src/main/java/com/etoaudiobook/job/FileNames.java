package com.etoaudiobook.job;

import java.text.Normalizer;

/** Safe file and key names from user text: no path separators, no control characters, bounded length. */
public final class FileNames {
  private FileNames() {
  }

  public static String safe(String name) {
    if (name == null) {
      return "audiobook";
    }
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String s = ascii.replaceAll("[^A-Za-z0-9._ -]+", "").strip().replaceAll("[ ]+", "-")
        .replaceAll("^[.-]+", "");
    if (s.length() > 80) {
      s = s.substring(0, 80);
    }
    return s.isEmpty() ? "audiobook" : s;
  }
}
