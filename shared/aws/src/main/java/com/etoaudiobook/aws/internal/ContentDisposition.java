package com.etoaudiobook.aws.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** Builds a Content-Disposition that every browser reads: an ASCII name plus the RFC 5987 UTF-8 one. */
public final class ContentDisposition {
  private ContentDisposition() {
  }

  public static String attachment(String fileName) {
    return "attachment; filename=\"" + asciiName(fileName) + "\"; filename*=UTF-8''" + rfc5987(fileName);
  }

  /** A quoted-string-safe ASCII fallback: accents stripped, everything else unsafe replaced by '_'. */
  public static String asciiName(String fileName) {
    String decomposed = Normalizer.normalize(fileName, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    StringBuilder b = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      // quotes and backslashes would end or escape the quoted-string; slashes name folders
      boolean safe = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/' && c != ';' && c != '%';
      b.append(safe ? c : '_');
    }
    String name = b.toString().replaceAll("_+", "_").strip();
    return name.isEmpty() || name.chars().allMatch(ch -> ch == '_' || ch == '.') ? "download" : name;
  }

  /** Percent-encodes everything outside RFC 5987's attr-char set. */
  public static String rfc5987(String value) {
    StringBuilder b = new StringBuilder();
    for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }
}
