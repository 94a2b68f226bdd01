package com.etoaudiobook.api;

import io.micronaut.core.annotation.Nullable;

/** The one rule for a voice's rate and pitch, wherever a request sets them (jobs, estimates, previews, synthesis). */
final class Prosody {
  static final double MIN_RATE = 0.5;
  static final double MAX_RATE = 2.0;
  static final int MAX_PITCH = 50;

  private Prosody() {
  }

  /** @param who "role 'Mara'", "the preview": named in the answer */
  static double rate(String who, @Nullable Double rate) {
    double r = rate == null ? 1.0 : rate;
    if (!(r >= MIN_RATE && r <= MAX_RATE)) { // NaN too
      throw ApiException.badRequest("rate for " + who + " must be between " + MIN_RATE + " and " + MAX_RATE);
    }
    return r;
  }

  static int pitch(String who, @Nullable Integer pitch) {
    int p = pitch == null ? 0 : pitch;
    if (p < -MAX_PITCH || p > MAX_PITCH) {
      throw ApiException.badRequest("pitch for " + who + " must be between -" + MAX_PITCH + " and " + MAX_PITCH);
    }
    return p;
  }
}
