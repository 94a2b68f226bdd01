package com.etoaudiobook.job.pricing;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.voice.Casting;
import com.etoaudiobook.voice.Voice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a book will cost to speak: characters × the list price of the engine each role uses.
 *
 * @param usdPerMillion list price per million characters, by engine
 */
public record Pricing(Map<String, Double> usdPerMillion) {
  /** Amazon Polly list prices (USD per million characters); local engines are free. */
  public static final Pricing DEFAULT = new Pricing(Map.of(
      "standard", 4.0, "neural", 16.0, "long-form", 100.0, "generative", 30.0, "espeak", 0.0));

  /**
   * @param characters characters to synthesize
   * @param usd        estimated price
   * @param byEngine   characters per engine
   */
  public record Estimate(long characters, double usd, Map<String, Long> byEngine) {
  }

  public Estimate estimate(Book book, Casting casting, List<Voice> voices) {
    return estimate(book, casting, voices, null);
  }

  /**
   * @param defaultEngine the engine a role without one gets when its voice supports it (Polly's
   *                      POLLY_ENGINE), else the voice's first engine, as the engine itself chooses
   */
  public Estimate estimate(Book book, Casting casting, List<Voice> voices, String defaultEngine) {
    Map<String, Long> byEngine = new LinkedHashMap<>();
    book.segments().forEach(s -> {
      Casting.Assignment a = casting.forRole(s.role());
      String engine = engineOf(a, voices, defaultEngine);
      byEngine.merge(engine, (long) s.text().length(), Long::sum);
    });
    double usd = 0;
    long total = 0;
    for (var e : byEngine.entrySet()) {
      usd += e.getValue() * usdPerMillion.getOrDefault(e.getKey(), 0.0) / 1_000_000.0;
      total += e.getValue();
    }
    return new Estimate(total, Math.round(usd * 10000) / 10000.0, byEngine);
  }

  private static String engineOf(Casting.Assignment a, List<Voice> voices, String defaultEngine) {
    if (a == null) {
      return "unknown";
    }
    if (a.engine() != null) {
      return a.engine();
    }
    return voices.stream().filter(v -> v.id().equals(a.voiceId())).findFirst()
        .map(v -> v.engines().isEmpty() ? "unknown"
            : defaultEngine != null && v.engines().contains(defaultEngine) ? defaultEngine : v.engines().get(0))
        .orElse("unknown");
  }
}
