package com.etoaudiobook.job;

import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.job.synthesis.PartSynthesizer;

/**
 * What the core tells an observer about its work, so the functions can turn it into metrics
 * without the core knowing how they are emitted. Every method has a no-op default.
 */
public interface Telemetry {
  /** Reports nothing. */
  Telemetry NONE = new Telemetry() {
  };

  /**
   * A part was handled.
   *
   * @param part             the part
   * @param outcome          what happened to it
   * @param millis           wall time of the whole part (engine, encoding, storage)
   * @param billedCharacters characters the engine billed (0 unless synthesized)
   */
  default void part(PartSpec part, PartSynthesizer.Outcome outcome, long millis, long billedCharacters) {
  }

  /** A delivery of a part failed; {@code dead} when no further delivery will come. */
  default void partFailed(PartSpec part, Throwable error, boolean dead) {
  }

  /** A part was handed back untried: the engine had no capacity in the invocation's time. */
  default void partHandedBack(PartSpec part) {
  }

  /** A lookup in a named cache ("tts", ...). */
  default void cache(String cache, boolean hit) {
  }
}
