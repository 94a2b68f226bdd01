package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.engine.Speech;

import java.util.List;

/**
 * What is stored beside each part's MP3 (and in the synthesis cache).
 *
 * @param frames           MP3 frames in the part
 * @param bytes            bytes of those frames
 * @param billedCharacters characters billed for producing it (0 when served from the cache)
 * @param cached           true when taken from the synthesis cache
 * @param marks            word/sentence marks: time from the part's first frame, offsets into the part text
 */
public record PartResult(int frames, long bytes, int billedCharacters, boolean cached, List<Speech.Mark> marks) {
  public PartResult {
    marks = marks == null ? List.of() : List.copyOf(marks);
  }
}
