package com.etoaudiobook.api;

import java.util.Map;

/** The headers every answer carries, whoever writes it: a route, a filter, or the server itself. */
public final class SecurityHeaders {
  /** What the web app needs: its own scripts and styles, audio from presigned URLs, no framing. */
  public static final String CSP = "default-src 'self'; img-src 'self' data: blob:; "
      + "media-src 'self' blob: http://127.0.0.1:* http://localhost:* https:; "
      + "connect-src 'self' http://127.0.0.1:* http://localhost:* https:; style-src 'self'; script-src 'self'; "
      + "frame-ancestors 'none'";

  public static final Map<String, String> ALL = Map.of(
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Referrer-Policy", "strict-origin-when-cross-origin",
      "Content-Security-Policy", CSP,
      "Permissions-Policy", "camera=(), microphone=(), geolocation=()",
      "Cross-Origin-Opener-Policy", "same-origin");

  private SecurityHeaders() {
  }
}
