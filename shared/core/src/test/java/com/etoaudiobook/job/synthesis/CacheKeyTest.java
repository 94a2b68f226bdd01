package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.audio.LoudnessTarget;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cache keys are addresses of audio already made: the same request must give the same key in every
 * build, or a user's cache and the deployment's S3 entries stop hitting. The expected keys were made
 * by the build before the rate and the target's tag were formatted once instead of per key.
 */
class CacheKeyTest {
  @Test
  void keysAreTheOnesEarlierBuildsMade() {
    assertEquals("1c08ce69eac8218757442cbfa547f7b2d65288a5ba00e3a8359cc35c2ce07526",
        CacheKey.of("espeak", "en-gb-x-rp+m3", "standard", 1.0, 0, null, "Hello there."));
    // another target, rate, pitch and delivery in between: the remembered formats must follow
    assertEquals("52caff7fa501440537dc801bed9f00b427b3f60daf97ed3f06c6c23de561b9f4",
        CacheKey.of(new LoudnessTarget(-16, -1), "espeak", "en-gb-x-rp+m3", "standard", 1.25, -10, "whispered",
            "Hello there."));
    assertEquals("138bff01070c9052f1ec47d8d4172ccc8c39725ae5a32a62d76f11d44419f5cf",
        CacheKey.of("polly", "Joanna", "neural", 0.9, 0, null, "Hello there."));
    assertEquals("1c08ce69eac8218757442cbfa547f7b2d65288a5ba00e3a8359cc35c2ce07526",
        CacheKey.of("espeak", "en-gb-x-rp+m3", "standard", 1.0, 0, null, "Hello there."));
  }

  @Test
  void ratesAreWrittenToThreeDecimalsWhateverCameBefore() {
    assertEquals("1.250", CacheKey.rate(1.25));
    assertEquals("0.900", CacheKey.rate(0.9));
    assertEquals("0.000", CacheKey.rate(0.0));
    assertEquals("-0.000", CacheKey.rate(-0.0)); // as String.format writes it: another key than 0.0's
    assertEquals("1.000", CacheKey.rate(1.0));
  }
}
