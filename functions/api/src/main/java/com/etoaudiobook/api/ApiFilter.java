package com.etoaudiobook.api;

import com.etoaudiobook.api.ratelimit.RateLimiter;
import com.etoaudiobook.api.ratelimit.RateLimiting;
import com.etoaudiobook.api.ratelimit.RateLimits;
import com.etoaudiobook.aws.Metrics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpHeaders;
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

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request and response passes here: request id, rate limiting, security headers,
 * metrics (EMF and the /metrics aggregates), and the "Slow request" log line.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ApiFilter implements Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(ApiFilter.class);
  static final long SLOW_REQUEST_MS = 2000;
  static final String CSP = SecurityHeaders.CSP;
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final String START = "etoaudiobook.start";
  private static final String ID = "etoaudiobook.requestId";
  private static final String DECORATED = "etoaudiobook.decorated";

  private final RateLimiting rateLimiting;

  ApiFilter(RateLimiting rateLimiting) {
    this.rateLimiting = rateLimiting;
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
      corsRefusal(request, response);
      finish(request, response);
    }
  }

  /** Micronaut's CORS filter refuses a preflight with an empty 403; say why, as every error does. */
  @SuppressWarnings("unchecked")
  private static void corsRefusal(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (response.code() == 403 && response.getBody().isEmpty() && request.getMethodName().equals("OPTIONS")
        && request.getHeaders().contains(HttpHeaders.ORIGIN)) {
      ((MutableHttpResponse<Object>) response).body(Problem.body(HttpStatus.FORBIDDEN,
          "Cross-origin request refused: the origin, method or a header is not allowed"))
          .contentType(Problem.MEDIA_TYPE);
    }
  }

  /** Headers, metrics and logs of a response, whether a route or this filter produced it. */
  private MutableHttpResponse<?> finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
    request.setAttribute(DECORATED, true);
    try {
      securityHeaders(response);
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

}
