package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.json.Json;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One synthesis cache object (cache/tts/{sha256}.entry): the part's description (frames, marks)
 * and its MP3 frames together, so storing, probing and reading an entry are one request each,
 * and a part refers to its entry instead of keeping a copy of the audio.
 *
 * <p>Layout: the JSON's length (4 bytes, big-endian), the {@link PartResult} as JSON, the MP3 frames.
 */
public record CacheEntry(PartResult result, byte[] audio) {
  public static final String CONTENT_TYPE = "application/octet-stream";

  public byte[] bytes() {
    byte[] json = Json.write(result);
    return ByteBuffer.allocate(4 + json.length + audio.length).putInt(json.length).put(json).put(audio).array();
  }

  public static CacheEntry read(byte[] data) {
    int length = headerLength(data);
    PartResult result = Json.read(Arrays.copyOfRange(data, 4, 4 + length), PartResult.class);
    return new CacheEntry(result, Arrays.copyOfRange(data, 4 + length, data.length));
  }

  /** The MP3 frames alone, without reading the description. */
  public static byte[] audio(byte[] data) {
    return Arrays.copyOfRange(data, 4 + headerLength(data), data.length);
  }

  private static int headerLength(byte[] data) {
    int length = data.length < 4 ? -1 : ByteBuffer.wrap(data, 0, 4).getInt();
    if (length < 0 || 4 + length > data.length) {
      throw new IllegalStateException("not a synthesis cache entry (" + data.length + " bytes)");
    }
    return length;
  }
}
