package com.etoaudiobook.job;

import com.etoaudiobook.audio.AudioFormats;
import com.etoaudiobook.audio.LoudnessNormalizer;
import com.etoaudiobook.audio.LoudnessTarget;
import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.audio.Mp3Frames;
import com.etoaudiobook.engine.CallGuard;
import com.etoaudiobook.engine.Delivery;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.storage.BlobStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Speech through the content-addressed cache (cache/tts/{sha256}.mp3 + .marks.json): the same
 * text spoken the same way is synthesized, encoded and billed once. Parts, previews and the small
 * synchronous synthesis all go through here.
 */
public final class CachedSynthesis {
  private static final Logger LOG = LoggerFactory.getLogger(CachedSynthesis.class);
  private final BlobStore blobs;
  private final SpeechEngine engine;
  private final Mp3Encoder encoder;
  private final LoudnessNormalizer loudness;

  public CachedSynthesis(BlobStore blobs, SpeechEngine engine, Mp3Encoder encoder) {
    this.blobs = blobs;
    this.engine = engine;
    this.encoder = encoder;
    // the same setting CacheKey records, so a key always says which level its audio is at
    this.loudness = new LoudnessNormalizer(LoudnessTarget.configured());
  }

  public SpeechEngine engine() {
    return engine;
  }

  /**
   * @param fromCache true when nothing was synthesized
   * @param audio     the new audio when synthesized (null from the cache)
   * @param stored    completes when the cache entry is written
   */
  public record Rendered(String cacheKey, PartResult result, boolean fromCache, byte[] audio,
                         CompletableFuture<Void> stored) {
    public String audioKey() {
      return Keys.cacheAudio(cacheKey);
    }
  }

  public String cacheKey(SpeechRequest request, String delivery) {
    return CacheKey.of(engine.provider(), request.voiceId(), request.engine(), request.rate(), request.pitch(),
        delivery, request.text());
  }

  /** Ensures the cache holds this speech and returns its description (audio stays in the store). */
  public Rendered render(SpeechRequest request, String delivery, String cacheKey) {
    Rendered r = render(request, delivery, cacheKey, Runnable::run);
    try {
      r.stored().join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return r;
  }

  /**
   * Like {@link #render(SpeechRequest, String, String)}, but new audio is written to the cache on
   * {@code writer}, so the caller can store its own copy meanwhile and wait for both.
   */
  public Rendered render(SpeechRequest request, String delivery, String cacheKey, Executor writer) {
    return render(request, delivery, cacheKey, writer, CallGuard.NONE);
  }

  /** Like {@link #render(SpeechRequest, String, String, Executor)}, the engine asking {@code guard} before each call. */
  public Rendered render(SpeechRequest request, String delivery, String cacheKey, Executor writer, CallGuard guard) {
    byte[] cachedMarks = blobs.get(Keys.cacheMarks(cacheKey));
    if (cachedMarks != null && blobs.exists(Keys.cacheAudio(cacheKey))) {
      // operators search for these two lines; the key is a content hash, never user text
      LOG.info("Cache hit: tts {}", shortKey(cacheKey));
      return new Rendered(cacheKey, Json.read(cachedMarks, PartResult.class), true, null,
          CompletableFuture.completedFuture(null));
    }
    LOG.info("Cache miss: tts {}", shortKey(cacheKey));
    Speech speech = engine.synthesize(request, guard);
    byte[] mp3;
    long shiftMs;
    if (speech.pcm() != null) {
      // every part leaves at one loudness, so the joined book is even without re-encoding
      // (a shout stays louder than speech, a whisper quieter: the delivery's offset from the target)
      LoudnessNormalizer.Leveled leveled = loudness.level(speech.pcm(), speech.sampleRate(),
          Delivery.of(delivery).loudnessLu());
      mp3 = encoder.encode(leveled.samples(), speech.sampleRate(), leveled.gain());
      // word times are relative to the PCM; the encoder puts its delay in front
      shiftMs = AudioFormats.samplesToMillis(Mp3Encoder.ENCODER_DELAY);
    } else {
      mp3 = loudness.normalizeMp3(Mp3Frames.bareFrames(speech.mp3()), encoder, Delivery.of(delivery).loudnessLu());
      shiftMs = 0;
    }
    Mp3Frames.Stats stats = Mp3Frames.count(mp3);
    List<Speech.Mark> marks = new ArrayList<>(speech.marks().size());
    for (Speech.Mark m : speech.marks()) {
      marks.add(new Speech.Mark(m.type(), m.timeMs() + shiftMs, m.start(), m.end()));
    }
    PartResult result = new PartResult(stats.frames(), stats.bytes(), speech.billedCharacters(), false, marks);
    byte[] marksJson = Json.write(result);
    CompletableFuture<Void> stored = CompletableFuture.runAsync(() -> {
      // audio first, marks last: the marks file is what says "this entry is complete"
      blobs.put(Keys.cacheAudio(cacheKey), mp3, "audio/mpeg");
      blobs.put(Keys.cacheMarks(cacheKey), marksJson, "application/json");
    }, writer);
    return new Rendered(cacheKey, result, false, mp3, stored);
  }

  /** The MP3 frames of a rendered entry. */
  public byte[] audio(Rendered rendered) {
    if (rendered.audio() != null) {
      return rendered.audio(); // just synthesized: no need to read back what was written
    }
    byte[] data = blobs.get(rendered.audioKey());
    if (data == null) {
      throw new IllegalStateException("cache entry vanished: " + rendered.cacheKey());
    }
    return data;
  }

  private static String shortKey(String key) {
    return key == null || key.length() <= 16 ? String.valueOf(key) : key.substring(0, 16);
  }
}
