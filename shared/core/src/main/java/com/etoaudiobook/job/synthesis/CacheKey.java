package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.audio.LoudnessTarget;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Content address of a part's audio: the same text spoken the same way is synthesized once. */
public final class CacheKey {
  /** Bump when the audio format or the encoder settings change. v2: parts are loudness-normalised. */
  private static final String FORMAT = "mp3-22050-48-v2";

  private CacheKey() {
  }

  /** The key of audio at the default loudness target. */
  public static String of(String provider, String voiceId, String engine, double rate, int pitch,
                          String delivery, String text) {
    return of(LoudnessTarget.DEFAULT, provider, voiceId, engine, rate, pitch, delivery, text);
  }

  /** @param target the loudness the audio is brought to: parts made for another target are other parts */
  public static String of(LoudnessTarget target, String provider, String voiceId, String engine, double rate, int pitch,
                          String delivery, String text) {
    return sha256(String.join("\u0000", FORMAT, target.cacheTag() + levelling(provider), provider, voiceId, String.valueOf(engine),
        rate(rate), Integer.toString(pitch), String.valueOf(delivery), text));
  }

  /** A rate as the key writes it; a plan's parts share a few rates, and String.format costs microseconds. */
  static String rate(double rate) {
    Formatted last = lastRate;
    if (Double.compare(last.value(), rate) != 0) {
      last = new Formatted(rate, String.format(Locale.ROOT, "%.3f", rate));
      lastRate = last;
    }
    return last.text();
  }

  private record Formatted(double value, String text) {
  }

  private static volatile Formatted lastRate = new Formatted(1.0, String.format(Locale.ROOT, "%.3f", 1.0));

  /**
   * The key with the pronunciations that apply to {@code text}: only those, so changing an entry
   * re-synthesizes only the parts containing its word; with none, the key is the plain one.
   */
  public static String of(String provider, String voiceId, String engine, double rate, int pitch,
                          String delivery, String text, com.etoaudiobook.lexicon.Lexicon lexicon) {
    return of(LoudnessTarget.DEFAULT, provider, voiceId, engine, rate, pitch, delivery, text, lexicon);
  }

  public static String of(LoudnessTarget target, String provider, String voiceId, String engine, double rate,
                          int pitch, String delivery, String text, com.etoaudiobook.lexicon.Lexicon lexicon) {
    String tag = lexicon == null ? "" : lexicon.applicableTo(text).cacheTag();
    return tag.isEmpty() ? of(target, provider, voiceId, engine, rate, pitch, delivery, text)
        : of(target, provider, voiceId, engine, rate, pitch, delivery, text + "\u0000lexicon\u0000" + tag);
  }

  /**
   * How the part was brought to the target, for engines whose audio arrives encoded: mostly by its
   * voice's learned level ({@link com.etoaudiobook.audio.VoiceLevels}), in gain steps with one more
   * before a pause (so between whole steps), not by measuring each part; entries made the older
   * ways (whole steps only) are not taken for these. eSpeak NG's PCM gets any gain, limited sample
   * by sample, whether its part was measured or levelled by its voice's level (a few tenths of a LU
   * apart, as entries made before were): its keys stay as they were.
   */
  static String levelling(String provider) {
    return "espeak".equals(provider) ? "" : "/mp3gain-by-voice-split";
  }

  public static String sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256(byte[] data) {
    return HexFormat.of().formatHex(SHA256.get().digest(data)); // digest() resets it for the next
  }

  /** A digest per thread: looking one up in the security providers cost as much as the hashing. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });
}
