package com.etoaudiobook.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal multipart/form-data reader over the raw body. The API reads multipart itself so the
 * same code works behind API Gateway (base64 body) and on Netty.
 */
final class MultipartForm {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  /** One field: its file name (or null) and bytes. */
  record Part(String name, String fileName, String contentType, byte[] data) {
  }

  private MultipartForm() {
  }

  /** @throws ApiException 400 when the body is not well-formed multipart */
  static Map<String, Part> parse(String contentType, byte[] body) {
    Matcher m = contentType == null ? null : BOUNDARY.matcher(contentType);
    if (m == null || !m.find()) {
      throw ApiException.badRequest("Expected multipart/form-data with a boundary");
    }
    byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    Map<String, Part> parts = new LinkedHashMap<>();
    int pos = indexOf(body, delimiter, 0);
    if (pos < 0) {
      throw ApiException.badRequest("Malformed multipart body: no boundary found");
    }
    while (true) {
      int start = pos + delimiter.length;
      if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') {
        break; // closing delimiter
      }
      start = skipLineBreak(body, start);
      int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
      if (headerEnd < 0) {
        throw ApiException.badRequest("Malformed multipart body: part without headers");
      }
      String headers = new String(body, start, headerEnd - start, StandardCharsets.UTF_8);
      int dataStart = headerEnd + 4;
      int next = indexOf(body, delimiter, dataStart);
      if (next < 0) {
        throw ApiException.badRequest("Malformed multipart body: unterminated part");
      }
      int dataEnd = next;
      if (dataEnd >= 2 && body[dataEnd - 2] == '\r' && body[dataEnd - 1] == '\n') {
        dataEnd -= 2;
      }
      String name = find(NAME, headers);
      if (name != null) {
        String type = null;
        for (String line : headers.split("\r\n")) {
          if (line.toLowerCase().startsWith("content-type:")) {
            type = line.substring(13).strip();
          }
        }
        byte[] data = java.util.Arrays.copyOfRange(body, dataStart, Math.max(dataStart, dataEnd));
        parts.putIfAbsent(name, new Part(name, find(FILENAME, headers), type, data));
      }
      pos = next;
    }
    return parts;
  }

  private static String find(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group(1) : null;
  }

  private static int skipLineBreak(byte[] b, int i) {
    if (i + 1 < b.length && b[i] == '\r' && b[i + 1] == '\n') {
      return i + 2;
    }
    return i < b.length && b[i] == '\n' ? i + 1 : i;
  }

  static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
