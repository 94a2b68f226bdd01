package com.etoaudiobook.api.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests allowed per client and route class, as token buckets: {@code limit} requests at once,
 * refilled evenly over {@code window}. Written like {@code voices=30/1m,synthesize=5/1m,default=100/1h}
 * (units s, m, h); classes not named keep their defaults.
 */
public final class RateLimits {
  /** One class's bucket: capacity {@code limit}, refilled at limit per window. */
  public record Limit(int limit, Duration window) {
    public Limit {
      if (limit <= 0 || window.isZero() || window.isNegative()) {
        throw new IllegalArgumentException("a limit needs a positive count and window");
      }
    }

    /** Tokens added per millisecond. */
    public double perMilli() {
      return (double) limit / window.toMillis();
    }

    @Override
    public String toString() {
      return limit + "/" + window.toSeconds() + "s";
    }
  }

  public static final String DEFAULT = "default";
  /** Job status polling: the web page polls once a second, so it cannot share "default" (100/h). */
  public static final String JOB_STATUS = "job-status";

  /** The original's limits; job-status is new (the original had no asynchronous jobs to poll). */
  public static final Map<String, Limit> DEFAULTS = Map.of(
      "detect-roles", new Limit(10, Duration.ofMinutes(1)),
      "synthesize", new Limit(5, Duration.ofMinutes(1)),
      "preview-voice", new Limit(20, Duration.ofMinutes(1)),
      "voices", new Limit(30, Duration.ofMinutes(1)),
      JOB_STATUS, new Limit(120, Duration.ofMinutes(1)),
      DEFAULT, new Limit(100, Duration.ofHours(1)));

  private static final Pattern ENTRY = Pattern.compile("\\s*([a-z0-9-]+)\\s*=\\s*(\\d+)\\s*/\\s*(\\d*)\\s*([smh])\\s*");

  private final Map<String, Limit> limits;

  private RateLimits(Map<String, Limit> limits) {
    this.limits = Map.copyOf(limits);
  }

  public static RateLimits defaults() {
    return new RateLimits(DEFAULTS);
  }

  /** @throws IllegalArgumentException on a malformed entry (a typo must not silently disable a limit) */
  public static RateLimits parse(String spec) {
    Map<String, Limit> out = new LinkedHashMap<>(DEFAULTS);
    if (spec == null || spec.isBlank()) {
      return new RateLimits(out);
    }
    for (String part : spec.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      Matcher m = ENTRY.matcher(part.toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new IllegalArgumentException("RATE_LIMITS entry '" + part.strip()
            + "' is not like name=COUNT/WINDOW (e.g. voices=30/1m)");
      }
      long n = m.group(3).isEmpty() ? 1 : Long.parseLong(m.group(3));
      Duration window = switch (m.group(4)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
      out.put(m.group(1), new Limit(Integer.parseInt(m.group(2)), window));
    }
    return new RateLimits(out);
  }

  public Limit limit(String routeClass) {
    return limits.getOrDefault(routeClass, limits.get(DEFAULT));
  }

  public Map<String, Limit> all() {
    return limits;
  }

  /**
   * The class a request counts against, or null for requests never limited (health checks,
   * metrics, CORS preflights).
   */
  public static String routeClass(String method, String path) {
    if (path == null) {
      return DEFAULT;
    }
    if ("OPTIONS".equals(method) || path.equals("/health") || path.equals("/metrics")) {
      return null;
    }
    String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    return switch (p) {
      case "/api/detect-roles" -> "detect-roles";
      case "/api/synthesize" -> "synthesize";
      case "/api/preview-voice" -> "preview-voice";
      case "/api/voices" -> "voices";
      default -> "GET".equals(method) && p.startsWith("/api/jobs/") ? JOB_STATUS : DEFAULT;
    };
  }
}
