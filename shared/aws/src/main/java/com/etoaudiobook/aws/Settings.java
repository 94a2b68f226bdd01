package com.etoaudiobook.aws;

import com.etoaudiobook.job.pricing.Pricing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings the functions share, gathered from the validated records of
 * {@code com.etoaudiobook.aws.settings} (environment variables on Lambda: template.yaml sets them;
 * the local runtime sets them for its embedded services).
 *
 * @param bucket            data bucket
 * @param synthesisQueueUrl queue of parts
 * @param assemblyQueueUrl  queue of assembly requests
 * @param speechProvider    "polly" or "espeak"
 * @param pollyEngine       default Polly engine for voices that support several
 * @param maxReceiveCount   the synthesis queue's redrive maxReceiveCount
 * @param uploadMaxBytes    largest accepted upload
 * @param redisUrl          shared cache, or null
 * @param pollyLexicons     Polly pronunciation lexicons applied to every request (POLLY_LEXICONS, comma-separated)
 * @param prices            USD per million characters by engine (PRICES "standard=4,neural=16"), over the list prices
 * @param pollyQuotas       SynthesizeSpeech calls per second by engine for the account (POLLY_QUOTAS over Polly's
 *                          defaults: 80 standard, 8 neural, long-form and generative)
 * @param workerInstances   worker instances sharing the quota (SYNTHESIS_MAX_CONCURRENCY): each paces itself at
 *                          its share when the shared limiter (Redis) is unreachable
 * @param workerTimeoutSeconds the worker's timeout when no Lambda context says what is left (the local runtime)
 */
public record Settings(String bucket, String synthesisQueueUrl, String assemblyQueueUrl, String speechProvider,
                       String pollyEngine, int maxReceiveCount, long uploadMaxBytes,
                       String redisUrl, List<String> pollyLexicons, Map<String, Double> prices,
                       Map<String, Double> pollyQuotas, int workerInstances, int workerTimeoutSeconds) {
  /** Polly's default SynthesizeSpeech quotas (requests per second, per account and region). */
  public static final Map<String, Double> POLLY_QUOTAS = Map.of("standard", 80.0, "neural", 8.0,
      "long-form", 8.0, "generative", 8.0);

  public Settings {
    pollyLexicons = clean(pollyLexicons);
    redisUrl = redisUrl == null || redisUrl.isBlank() ? null : redisUrl.strip();
    prices = prices == null ? Map.of() : Map.copyOf(prices);
    pollyQuotas = pollyQuotas == null ? POLLY_QUOTAS : Map.copyOf(pollyQuotas);
  }

  /** Polly's default quotas with POLLY_QUOTAS ("neural=8,standard=80") applied on top. */
  public static Map<String, Double> quotas(String value) {
    Map<String, Double> table = new LinkedHashMap<>(POLLY_QUOTAS);
    table.putAll(numbers("POLLY_QUOTAS", value));
    return table;
  }

  /** The list prices with PRICES applied on top. */
  public Pricing pricing() {
    if (prices.isEmpty()) {
      return Pricing.DEFAULT;
    }
    Map<String, Double> table = new LinkedHashMap<>(Pricing.DEFAULT.usdPerMillion());
    table.putAll(prices);
    return new Pricing(Map.copyOf(table));
  }

  private static List<String> list(String value) {
    return clean(Arrays.asList(or(value, "").split(",")));
  }

  /** Entries stripped, empty ones dropped ("a, b," is a and b). */
  private static List<String> clean(List<String> values) {
    return values == null ? List.of() : values.stream().filter(v -> v != null).map(String::strip)
        .filter(v -> !v.isEmpty()).toList();
  }

  /** Parses "standard=4,neural=16"; a malformed entry stops start-up rather than mis-pricing books. */
  public static Map<String, Double> prices(String value) {
    return numbers("PRICES", value);
  }

  private static Map<String, Double> numbers(String setting, String value) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String entry : list(value)) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(setting + " entry '" + entry + "' is not engine=number");
      }
      try {
        double usd = Double.parseDouble(entry.substring(eq + 1).strip());
        if (usd < 0 || Double.isNaN(usd) || Double.isInfinite(usd)) {
          throw new NumberFormatException();
        }
        out.put(entry.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), usd);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(setting + " entry '" + entry + "' has no valid number");
      }
    }
    return out;
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

}
