package com.etoaudiobook.api.ratelimit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;

/**
 * The client a rate-limit bucket belongs to: an address AWS vouches for, never one the client wrote.
 * On Lambda that is API Gateway's {@code requestContext.http.sourceIp} (the TCP peer it saw), or, when
 * configured, a header that CloudFront sets and overwrites ({@code CloudFront-Viewer-Address}: the
 * viewer's address and port). On the local server it is the socket's peer. X-Forwarded-For is never
 * read: CloudFront appends to whatever the client sent, so its first hop is the client's choice.
 */
public final class ClientAddress {
  private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final String header;

  /** @param header CLIENT_ADDRESS_HEADER, e.g. CloudFront-Viewer-Address; null or blank for the source address */
  public ClientAddress(@Nullable String header) {
    this.header = header == null || header.isBlank() ? null : header.strip();
  }

  public String of(HttpRequest<?> request) {
    if (header != null) {
      String viewer = viewerIp(request.getHeaders().get(header));
      if (viewer != null) {
        return viewer;
      }
    }
    if (request instanceof ServletHttpRequest<?, ?> servlet
        && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event
        && event.getRequestContext() != null && event.getRequestContext().getHttp() != null) {
      String source = event.getRequestContext().getHttp().getSourceIp();
      if (source != null && IP.matcher(source).matches()) {
        return source;
      }
    }
    InetSocketAddress peer = request.getRemoteAddress();
    return peer == null || peer.getAddress() == null ? "unknown" : peer.getAddress().getHostAddress();
  }

  /** "198.51.100.10:46532" or "2001:db8::1:46532" → the address without the port; null when malformed. */
  static String viewerIp(@Nullable String value) {
    if (value == null || value.length() > 64) {
      return null;
    }
    String v = value.strip();
    int colon = v.lastIndexOf(':');
    String ip = colon > 0 && v.indexOf(':') == colon ? v.substring(0, colon) // IPv4 with port
        : colon > 0 && v.indexOf('.') < 0 ? v.substring(0, colon) // IPv6 with port
        : v;
    return IP.matcher(ip).matches() ? ip : null;
  }
}
