package com.etoaudiobook.api;

import com.etoaudiobook.audio.XingHeader;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.util.Base64;

/** Small in-memory MP3s for direct responses: frames behind a Xing header so players know the length. */
final class Audio {
  static final String MPEG = "audio/mpeg";

  private Audio() {
  }

  static byte[] withHeader(byte[] frames, long frameCount) {
    int[] toc = new int[100];
    long total = frames.length + XingHeader.length();
    for (int i = 0; i < 100; i++) {
      toc[i] = (int) Math.min(255, (XingHeader.length() + frames.length * (long) i / 100) * 256 / total);
    }
    byte[] header = XingHeader.frame(frameCount, frames.length, toc);
    byte[] out = new byte[header.length + frames.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(frames, 0, out, header.length, frames.length);
    return out;
  }

  static String base64(byte[] mp3) {
    return Base64.getEncoder().encodeToString(mp3);
  }

  /**
   * Whether the client asked for the MP3 itself: an Accept that names audio/mpeg (or audio/*) ranked
   * at least as high as JSON. The original clients sent no Accept (or a bare *&#47;*) and read
   * {@code response.json()}: they get JSON, as they always did.
   */
  static boolean wanted(HttpRequest<?> request) {
    double audio = 0;
    double json = 0;
    for (MediaType type : request.getHeaders().accept()) {
      double q = type.getQualityAsNumber().doubleValue();
      String name = type.getName().toLowerCase(java.util.Locale.ROOT);
      if (name.equals(MPEG) || name.equals("audio/*")) {
        audio = Math.max(audio, q);
      } else if (name.equals(MediaType.APPLICATION_JSON) || name.equals("application/*")) {
        json = Math.max(json, q);
      }
    }
    return audio > 0 && audio >= json;
  }
}
