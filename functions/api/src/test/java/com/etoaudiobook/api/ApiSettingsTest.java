package com.etoaudiobook.api;

import com.etoaudiobook.api.ratelimit.RateLimitSettings;
import com.etoaudiobook.aws.wiring.SettingsError;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API's own settings records check themselves when bound: a bad value stops start-up naming it. */
class ApiSettingsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "parse.async-bytes|0|PARSE_ASYNC_BYTES (asyncBytes) must be a whole number from 1 to 1073741824, not '0'|"
          + "com.etoaudiobook.api.ParseSettings",
      "parse.async-bytes|4MB|PARSE_ASYNC_BYTES (asyncBytes)|com.etoaudiobook.api.ParseSettings",
      "parse.async-bytes|1073741825|PARSE_ASYNC_BYTES (asyncBytes)|com.etoaudiobook.api.ParseSettings",
      "etoaudiobook.rate-limit.redis-timeout-ms|0|ETOAUDIOBOOK_RATE_LIMIT_REDIS_TIMEOUT_MS (redisTimeoutMs) must be from 1 "
          + "to 60000, not '0'|com.etoaudiobook.api.ratelimit.RateLimitSettings",
      "etoaudiobook.rate-limit.circuit-open-ms|3600001|ETOAUDIOBOOK_RATE_LIMIT_CIRCUIT_OPEN_MS (circuitOpenMs)|"
          + "com.etoaudiobook.api.ratelimit.RateLimitSettings"})
  void anInvalidSettingStopsStartUpNamingIt(String property, String value, String named, Class<?> record) {
    try (ApplicationContext beans = ApplicationContext.builder().properties(Map.of(property, value)).start()) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> beans.getBean(record));
      String message = SettingsError.describe(e);
      assertTrue(message.contains(named), message);
    }
  }

  @ParameterizedTest
  @CsvSource({"parse.async-bytes, 1", "parse.async-bytes, 1073741824"})
  void theBoundsAreAllowed(String property, String value) {
    try (ApplicationContext beans = ApplicationContext.builder().properties(Map.of(property, value)).start()) {
      assertEquals(Long.parseLong(value), beans.getBean(ParseSettings.class).asyncByteCount());
      assertEquals(200, beans.getBean(RateLimitSettings.class).redisTimeoutMs(), "the default");
    }
  }
}
