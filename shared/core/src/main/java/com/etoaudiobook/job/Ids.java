package com.etoaudiobook.job;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Random, unguessable ids (128 bits from a SecureRandom), safe in keys and URLs. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern VALID = Pattern.compile("[0-9a-f]{32}");

  private Ids() {
  }

  public static String newId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** True for a string that could be an id; anything else is refused before touching storage. */
  public static boolean valid(String id) {
    return id != null && VALID.matcher(id).matches();
  }
}
