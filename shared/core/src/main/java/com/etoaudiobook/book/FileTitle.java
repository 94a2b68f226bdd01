package com.etoaudiobook.book;

import com.etoaudiobook.book.internal.Markup;

import java.util.Locale;

/** The title a book gets from its file's name when its text gives none: every parser's fallback. */
public final class FileTitle {
  private FileTitle() {
  }

  /** "night-shift_draft" → "Night Shift Draft". */
  public static String fromFileName(String fileName) {
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    name = name.replaceAll("[_\\-.]+", " ").replaceAll("\\s+", " ").strip();
    if (name.isEmpty()) {
      return "Untitled";
    }
    if (name.equals(name.toLowerCase(Locale.ROOT)) || Markup.isAllCaps(name)) {
      StringBuilder out = new StringBuilder();
      for (String w : name.split(" ")) {
        if (out.length() > 0) {
          out.append(' ');
        }
        String lower = w.toLowerCase(Locale.ROOT);
        out.appendCodePoint(Character.toTitleCase(lower.codePointAt(0)))
            .append(lower.substring(Character.charCount(lower.codePointAt(0))));
      }
      return out.toString();
    }
    return name;
  }
}
