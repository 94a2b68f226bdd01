package com.etoaudiobook.api;

import com.etoaudiobook.api.ratelimit.RateLimiter;
import com.etoaudiobook.api.ratelimit.RateLimiting;
import com.etoaudiobook.api.ratelimit.RateLimits;
import com.etoaudiobook.aws.Metrics;
import com.etoaudiobook.aws.Settings;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request and response passes here: request id, CORS, rate limiting, security headers,
 * metrics (EMF and the /metrics aggregates), and the "Slow request" log line.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ApiFilter implements Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(ApiFilter.class);
  static final long SLOW_REQUEST_MS = 2000;
  static final String CSP = SecurityHeaders.CSP;
  static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
  static final Set<String> ALLOW_HEADERS = Set.of("content-type", "authorization", "if-none-match",
      "x-requested-with", "x-request-id", "idempotency-key");
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final String START = "etoaudiobook.start";
  private static final String ID = "etoaudiobook.requestId";
  private static final String DECORATED = "etoaudiobook.decorated";

  private final RateLimiting rateLimiting;
  private final List<String> allowedOrigins;

  /** @param origins etoaudiobook.cors.allowed-origins (comma-separated), else ALLOWED_ORIGINS */
  ApiFilter(RateLimiting rateLimiting, Settings settings,
            @Value("${etoaudiobook.cors.allowed-origins:}") @Nullable String origins) {
    this.rateLimiting = rateLimiting;
    this.allowedOrigins = origins == null || origins.isBlank() ? settings.allowedOrigins()
        : java.util.Arrays.stream(origins.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
  }

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE + 100; // outermost: times and decorates everything else
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> onRequest(HttpRequest<?> request) {
    request.setAttribute(START, System.nanoTime());
    String incoming = request.getHeaders().get("X-Request-Id");
    String id = incoming != null && REQUEST_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    request.setAttribute(ID, id);
    MDC.put("requestId", id);

    String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
    if (request.getMethod() == HttpMethod.OPTIONS && origin != null
        && request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
      return finish(request, preflight(request, origin));
    }
    String routeClass = RateLimits.routeClass(request.getMethodName(), request.getPath());
    if (rateLimiting.enabled() && routeClass != null) {
      RateLimits.Limit limit = rateLimiting.limits().limit(routeClass);
      RateLimiter.Decision d = rateLimiting.limiter().acquire(routeClass, client(request), limit);
      if (!d.allowed()) {
        MutableHttpResponse<?> r = Problem.response(HttpStatus.TOO_MANY_REQUESTS, "Too many requests: "
                + routeClass + " allows " + limit.limit() + " per " + limit.window().toSeconds()
                + " s per client; retry in " + d.retryAfterSeconds() + " s")
            .header(HttpHeaders.RETRY_AFTER, Long.toString(d.retryAfterSeconds()))
            .header("RateLimit-Limit", Integer.toString(limit.limit()))
            .header("RateLimit-Remaining", "0")
            .header(HttpHeaders.CACHE_CONTROL, "no-store");
        return finish(request, r);
      }
    }
    return null;
  }

  @ResponseFilter
  void onResponse(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (request.getAttribute(DECORATED).isEmpty()) {
      finish(request, response);
    }
  }

  /** Headers, metrics and logs of a response, whether a route or this filter produced it. */
  private MutableHttpResponse<?> finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
    request.setAttribute(DECORATED, true);
    try {
      securityHeaders(response);
      cors(request, response);
      request.getAttribute(ID, String.class).ifPresent(id -> response.header("X-Request-Id", id));
      record(request, response);
    } catch (RuntimeException e) {
      LOG.warn("response decoration failed: {}", e.toString());
    } finally {
      MDC.remove("requestId");
    }
    return response;
  }

  static void securityHeaders(MutableHttpResponse<?> r) {
    SecurityHeaders.ALL.forEach(r::header);
  }

  private boolean originAllowed(String origin) {
    return allowedOrigins.contains("*") || allowedOrigins.contains(origin);
  }

  /**
   * Allowed origins from ALLOWED_ORIGINS. The API uses no cookies, so credentials are never
   * allowed: with "*" the answer is a literal "*", which browsers refuse to combine with
   * credentials; with a list, the matching origin is echoed (and caches vary on Origin).
   */
  private void cors(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
    if (origin == null || !originAllowed(origin)) {
      return;
    }
    if (allowedOrigins.contains("*")) {
      response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    } else {
      response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      response.header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }
    response.header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
        "Location, ETag, Content-Disposition, Retry-After, X-Request-Id");
  }

  private MutableHttpResponse<?> preflight(HttpRequest<?> request, String origin) {
    if (!originAllowed(origin)) {
      return Problem.response(HttpStatus.FORBIDDEN, "Origin " + clip(origin) + " is not allowed");
    }
    String requested = request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
    StringBuilder headers = new StringBuilder();
    if (requested != null) {
      for (String h : requested.split(",")) {
        String name = h.strip().toLowerCase(Locale.ROOT);
        if (ALLOW_HEADERS.contains(name)) {
          headers.append(headers.length() == 0 ? "" : ", ").append(name);
        }
      }
    }
    MutableHttpResponse<?> r = HttpResponse.noContent()
        .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS)
        .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
    if (headers.length() > 0) {
      r.header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers.toString());
    }
    return r;
  }

  String client(HttpRequest<?> request) {
    return rateLimiting.clientAddress().of(request);
  }

  /** The route template ("GET /api/jobs/{id}"), never the raw path: ids must not become dimensions. */
  static String route(HttpRequest<?> request) {
    String template = BasicHttpAttributes.getUriTemplate(request).orElse(null);
    if (template == null) {
      template = RouteAttributes.getRouteInfo(request)
          .filter(UriRouteInfo.class::isInstance)
          .map(i -> ((UriRouteInfo<?, ?>) i).getUriMatchTemplate().toString())
          .orElse(null);
    }
    return request.getMethodName() + " " + (template == null ? "unmatched" : template);
  }

  private void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
    long start = request.getAttribute(START, Long.class).orElse(System.nanoTime());
    double ms = (System.nanoTime() - start) / 1_000_000.0;
    int status = response.code();
    String route = route(request);
    String statusClass = status / 100 + "xx";
    Metrics m = Metrics.start("api");
    request.getAttribute(ID, String.class).ifPresent(id -> m.property("requestId", id));
    m.property("status", status);
    m.millis("RequestLatency", ms, "Route", route, "StatusClass", statusClass);
    m.count("Requests", 1, "Route", route, "StatusClass", statusClass);
    if (status == 429) {
      m.count("Throttled", 1, "Route", route);
    }
    if (status >= 500) {
      m.count("Failures", 1, "Reason", "http-" + status);
    }
    String cache = response.getHeaders().get("X-Cache");
    if (cache != null) {
      m.cache("tts", cache.equalsIgnoreCase("hit"));
    } else if (request.getHeaders().contains(HttpHeaders.IF_NONE_MATCH) && route.endsWith("/api/voices")) {
      m.cache("voices-etag", status == 304);
    }
    m.flush();
    if (ms > SLOW_REQUEST_MS) {
      LOG.warn("Slow request: {} took {} ms (status {})", route, Math.round(ms), status);
    } else {
      LOG.debug("{} {} {} ms", route, status, Math.round(ms));
    }
  }

  private static String clip(String s) {
    String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
    return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
  }
}
