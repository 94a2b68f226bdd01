package com.etoaudiobook.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.micronaut.core.annotation.Nullable;

/**
 * A role's voice in {@code POST /api/synthesize}'s voiceMapping: {@code {"voiceName", "languageCode"}} as
 * the original clients send it, or the voice id alone as a string.
 *
 * @param languageCode accepted and not needed: the voice names its language
 */
record VoiceChoice(@Nullable String voiceName, @Nullable String languageCode) {
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  VoiceChoice {
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static VoiceChoice of(String voiceId) {
    return new VoiceChoice(voiceId, null);
  }
}
