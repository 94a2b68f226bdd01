package com.etoaudiobook.aws.settings;

import com.etoaudiobook.audio.LoudnessTarget;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;

/**
 * @param targetLufs LOUDNESS_TARGET_LUFS: the integrated loudness every part is brought to (-40 to -5,
 *                   default -18); the same in every process of a deployment, since cache keys record it
 */
@ConfigurationProperties("loudness")
public record LoudnessSettings(@Nullable @Pattern(regexp = "-?[0-9]{1,3}(\\.[0-9]{1,3})?",
                                                  message = "must be a number of LUFS such as -18")
                               @DecimalMin("-40") @DecimalMax("-5") String targetLufs) {
  public LoudnessTarget target() {
    return targetLufs == null || targetLufs.isBlank() ? LoudnessTarget.DEFAULT
        : LoudnessTarget.ofLufs(Double.parseDouble(targetLufs));
  }
}
