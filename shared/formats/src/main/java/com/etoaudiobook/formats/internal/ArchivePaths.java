package com.etoaudiobook.formats.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Names of the files inside a ZIP package (EPUB, Word) and the hrefs between them. */
final class ArchivePaths {
  private ArchivePaths() {
  }

  /** The directory of a path, with its slash ("OEBPS/"), or "" at the root. */
  static String dir(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }

  /**
   * Resolves a (percent-encoded) href against a directory inside the archive ("OEBPS/", "../Text/ch1.xhtml");
   * one starting with a slash is from the archive's root.
   */
  static String resolve(String dir, String href) {
    Deque<String> parts = new ArrayDeque<>();
    String path = href.startsWith("/") ? decode(href) : dir + decode(href);
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }

  static String decode(String href) {
    try {
      return URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return href;
    }
  }
}
