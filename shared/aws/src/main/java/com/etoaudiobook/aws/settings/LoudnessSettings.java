package com.etoaudiobook.aws.settings;

import com.etoaudiobook.audio.LoudnessTarget;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * @param targetLufs LOUDNESS_TARGET_LUFS: the integrated loudness every part is brought to (-40 to -5,
 *                   default -18); the same in every process of a deployment, since cache keys record it
 */
@ConfigurationProperties("loudness")
public record LoudnessSettings(@Nullable String targetLufs) {
  public LoudnessSettings {
    Check.numberOrNone(targetLufs, -40, -5, "a number of LUFS such as -18", "LOUDNESS_TARGET_LUFS", "targetLufs");
  }

  public LoudnessTarget target() {
    return targetLufs == null || targetLufs.isBlank() ? LoudnessTarget.DEFAULT
        : LoudnessTarget.ofLufs(Double.parseDouble(targetLufs));
  }
}
