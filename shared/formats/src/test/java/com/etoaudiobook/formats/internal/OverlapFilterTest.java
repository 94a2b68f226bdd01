package com.etoaudiobook.formats.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OverlapFilterTest {
  /** Far off the page the cell numbers saturate at Integer.MAX_VALUE; the loop over them wrapped round forever. */
  @Test
  void aGlyphFarOffThePageIsKeptAtOnce() {
    OverlapFilter f = new OverlapFilter();
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      assertFalse(f.repeated("A", 1e15f, 100f, 1f));
      assertFalse(f.repeated("A", 1e15f, 100f, 1f));
      assertFalse(f.repeated("A", 100f, -1e15f, 1f));
      assertFalse(f.repeated("A", Float.POSITIVE_INFINITY, 100f, 1f));
      assertFalse(f.repeated("A", Float.NaN, 100f, 1f));
    });
    // on the page the rule holds as before
    assertFalse(f.repeated("A", 100f, 100f, 1f));
    assertTrue(f.repeated("A", 100.5f, 100f, 1f));
  }
}
