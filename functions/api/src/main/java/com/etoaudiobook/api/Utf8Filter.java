package com.etoaudiobook.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * JSON bodies must be well-formed UTF-8 (RFC 8259). Jackson decodes some malformed sequences
 * instead of refusing them: the overlong {@code C0 AF} became '/', so a check on the decoded text
 * could be passed by bytes that mean something else to the next reader.
 */
@ServerFilter(value = "/**", methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
final class Utf8Filter {
  @RequestFilter
  @Nullable
  HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body byte[] body) {
    String type = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
    if (body == null || body.length == 0 || type == null || !json(type)) {
      return null;
    }
    String problem = malformed(body);
    return problem == null ? null : Problem.response(HttpStatus.BAD_REQUEST, problem);
  }

  private static boolean json(String contentType) {
    String t = contentType.toLowerCase(Locale.ROOT);
    return t.startsWith("application/json") || t.contains("+json");
  }

  /** Why the bytes are not UTF-8, or null when they are. */
  static String malformed(byte[] body) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    try {
      decoder.decode(in);
      return null;
    } catch (MalformedInputException e) {
      return "The body is not valid UTF-8: a malformed or overlong byte sequence at byte " + in.position();
    } catch (CharacterCodingException e) {
      return "The body is not valid UTF-8";
    }
  }
}
