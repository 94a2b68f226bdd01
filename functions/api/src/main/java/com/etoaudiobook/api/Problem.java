package com.etoaudiobook.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 problem details: every error the API gives has this body. */
public final class Problem {
  public static final String CONTENT_TYPE = "application/problem+json";
  public static final MediaType MEDIA_TYPE = MediaType.of(CONTENT_TYPE);

  private Problem() {
  }

  public static Map<String, Object> body(HttpStatus status, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReason());
    body.put("status", status.getCode());
    if (detail != null) {
      body.put("detail", detail);
    }
    return body;
  }

  public static MutableHttpResponse<Map<String, Object>> response(HttpStatus status, String detail) {
    return HttpResponse.<Map<String, Object>>status(status).body(body(status, detail)).contentType(MEDIA_TYPE);
  }
}
