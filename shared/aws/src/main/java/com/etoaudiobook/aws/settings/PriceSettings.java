package com.etoaudiobook.aws.settings;

import com.etoaudiobook.aws.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * @param prices PRICES: USD per million characters by engine over the list prices
 *               ("neural=16,standard=4"); a malformed entry stops start-up rather than mis-pricing
 *               books. The variable has no prefix to group it by, so its one component names the
 *               whole property.
 */
@ConfigurationProperties("prices")
public record PriceSettings(@Nullable @Property(name = "prices") String prices) {
  public PriceSettings {
    Settings.prices(prices);
  }

  /** Engine → USD per million characters, as given (empty when unset). */
  public Map<String, Double> table() {
    return Settings.prices(prices);
  }
}
