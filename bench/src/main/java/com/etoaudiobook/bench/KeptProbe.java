package com.etoaudiobook.bench;

import com.etoaudiobook.audio.Mp3Spectrum;
import com.etoaudiobook.audio.Mp3Peaks;
import com.etoaudiobook.audio.internal.Mp3Decoder;

import java.util.Arrays;
import java.util.List;

/**
 * Benchmark probe (not a test): every stub part decoded natively, each after the one before and its
 * peak stretches (as a worker decodes them one after another), against jump3r's decode of it: a decode
 * that gives back samples past its own frames, or loses some, shows.
 *
 *   bench/run.sh KeptProbe [PARTS_PER_VOICE]     (default 30, over 10 voices)
 */
public final class KeptProbe {
  public static void main(String[] args) throws Exception {
    int perVoice = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    List<byte[]> parts = StubSpeech.probeParts(perVoice, false);
    java.lang.reflect.Method j = Mp3Decoder.class.getDeclaredMethod("decodeJava", byte[].class);
    j.setAccessible(true);
    int bad = 0;
    for (int p = 0; p < parts.size(); p++) {
      byte[] mp3 = parts.get(p);
      short[] a = Mp3Decoder.decode(mp3);
      short[] b = (short[]) j.invoke(null, (Object) mp3);
      if (!Arrays.equals(a, b)) {
        int diff = 0, at = -1;
        for (int q = 0; q < Math.min(a.length, b.length); q++) { if (a[q] != b[q]) { diff++; if (at < 0) at = q; } }
        System.out.printf("part %d (%d bytes): %d vs %d samples, %d differ from %d (frame %d)%n", p, mp3.length, a.length, b.length, diff, at, at / 576);
        bad++;
      }
      Mp3Peaks.ofGranules(mp3, Mp3Spectrum.read(mp3, 2).loudest(6));
    }
    System.out.println(bad + " of " + parts.size() + " whole decodes differ");
  }
}
