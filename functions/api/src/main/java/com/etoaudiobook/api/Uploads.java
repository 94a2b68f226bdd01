package com.etoaudiobook.api;

import com.etoaudiobook.formats.DocumentParser;
import com.etoaudiobook.job.FileNames;
import io.micronaut.http.HttpStatus;

import java.util.Locale;
import java.util.Map;

/** Which files the API accepts, and their content types. */
final class Uploads {
  /** Extension → the content type the browser must PUT with. */
  static final Map<String, String> TYPES = DocumentParser.CONTENT_TYPES;

  /** Stored names, extension included, are at most this long. */
  static final int MAX_NAME = 80;

  private Uploads() {
  }

  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * The one rule for a file's name, wherever one arrives (an upload, a form): a type the parser reads
   * (415 otherwise) and a name before the extension (400 otherwise). Returns the name to store and
   * parse by: safe characters, at most MAX_NAME in all, the extension kept.
   */
  static String storedName(String fileName) {
    requireType(fileName);
    String ext = extension(fileName);
    String base = fileName.substring(0, fileName.length() - ext.length() - 1);
    if (base.isBlank()) {
      throw ApiException.badRequest("fileName needs a name before '." + ext + "'");
    }
    String safe = FileNames.safe(base);
    int room = MAX_NAME - ext.length() - 1;
    return (safe.length() > room ? safe.substring(0, room) : safe) + "." + ext;
  }

  /** @throws ApiException 415 for a file type the parser does not read */
  static String requireType(String fileName) {
    String type = TYPES.get(extension(fileName));
    if (type == null) {
      throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Files of type '." + extension(fileName)
          + "' are not supported; use one of: " + String.join(", ", TYPES.keySet().stream().sorted()
          .map(e -> "." + e).toList()));
    }
    return type;
  }
}
