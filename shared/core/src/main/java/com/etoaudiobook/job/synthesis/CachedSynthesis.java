package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.job.Keys;

import com.etoaudiobook.audio.AudioFormats;
import com.etoaudiobook.audio.LoudnessNormalizer;
import com.etoaudiobook.audio.LoudnessTarget;
import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.audio.Mp3Frames;
import com.etoaudiobook.audio.VoiceLevelStore;
import com.etoaudiobook.audio.VoiceLevels;
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
 * Speech through the content-addressed cache (cache/tts/{sha256}.entry, description and audio in
 * one object): the same text spoken the same way is synthesized, encoded and billed once, and a
 * look-up or a store is one storage request. Parts, previews and the small
 * synchronous synthesis all go through here.
 */
public final class CachedSynthesis {
  private static final Logger LOG = LoggerFactory.getLogger(CachedSynthesis.class);
  private final BlobStore blobs;
  private final SpeechEngine engine;
  private final Mp3Encoder encoder;
  private final LoudnessTarget target;
  private final LoudnessNormalizer loudness;

  /** At the default loudness target. */
  public CachedSynthesis(BlobStore blobs, SpeechEngine engine, Mp3Encoder encoder) {
    this(blobs, engine, encoder, LoudnessTarget.DEFAULT);
  }

  /** @param target the deployment's loudness: the planner's JobService must be given the same */
  public CachedSynthesis(BlobStore blobs, SpeechEngine engine, Mp3Encoder encoder, LoudnessTarget target) {
    this(blobs, engine, encoder, target, VoiceLevelStore.NONE);
  }

  /** @param levels where the voices' learned levels are shared with other processes (Redis, a file) */
  public CachedSynthesis(BlobStore blobs, SpeechEngine engine, Mp3Encoder encoder, LoudnessTarget target,
                         VoiceLevelStore levels) {
    this.blobs = blobs;
    this.engine = engine;
    this.encoder = encoder;
    this.target = target;
    // the same target CacheKey records, so a key always says which level its audio is at
    this.loudness = new LoudnessNormalizer(target, levels);
  }

  public SpeechEngine engine() {
    return engine;
  }

  /** The normaliser of this synthesis (its counts of calibrated and measured parts, for figures). */
  public LoudnessNormalizer loudness() {
    return loudness;
  }

  /**
   * @param fromCache true when nothing was synthesized
   * @param audio     the MP3 frames (new, or read with the entry)
   * @param stored    completes when the cache entry is written
   */
  public record Rendered(String cacheKey, PartResult result, boolean fromCache, byte[] audio,
                         CompletableFuture<Void> stored) {
  }

  public String cacheKey(SpeechRequest request, String delivery) {
    return CacheKey.of(target, engine.provider(), request.voiceId(), request.engine(), request.rate(), request.pitch(),
        delivery, request.text(), request.lexicon());
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
   * {@code writer}: {@link Rendered#stored()} says when.
   */
  public Rendered render(SpeechRequest request, String delivery, String cacheKey, Executor writer) {
    return render(request, delivery, cacheKey, writer, CallGuard.NONE);
  }

  /** Like {@link #render(SpeechRequest, String, String, Executor)}, the engine asking {@code guard} before each call. */
  public Rendered render(SpeechRequest request, String delivery, String cacheKey, Executor writer, CallGuard guard) {
    byte[] cached = blobs.get(Keys.cacheEntry(cacheKey));
    if (cached != null) {
      // operators search for these two lines; the key is a content hash, never user text
      LOG.info("Cache hit: tts {}", shortKey(cacheKey));
      CacheEntry entry = CacheEntry.read(cached);
      return new Rendered(cacheKey, entry.result(), true, entry.audio(), CompletableFuture.completedFuture(null));
    }
    LOG.info("Cache miss: tts {}", shortKey(cacheKey));
    Speech speech = engine.synthesize(request, guard);
    // a voice's parts share one level: once learned, they are levelled without being measured
    String voice = VoiceLevels.key(engine.provider(), request.voiceId(), request.engine(), request.rate(),
        request.pitch(), delivery);
    byte[] mp3;
    long shiftMs;
    if (speech.pcm() != null) {
      // every part leaves at one loudness, so the joined book is even without re-encoding
      // (a shout stays louder than speech, a whisper quieter: the delivery's offset from the target)
      LoudnessNormalizer.Leveled leveled = loudness.level(speech.pcm(), speech.sampleRate(),
          Delivery.of(delivery).loudnessLu(), voice);
      mp3 = encoder.encode(leveled.samples(), speech.sampleRate(), leveled.gain());
      // word times are relative to the PCM; the encoder puts its delay in front
      shiftMs = AudioFormats.samplesToMillis(Mp3Encoder.ENCODER_DELAY);
    } else {
      mp3 = loudness.normalizeMp3(Mp3Frames.bareFrames(speech.mp3()), encoder, Delivery.of(delivery).loudnessLu(), voice);
      shiftMs = 0;
    }
    Mp3Frames.Stats stats = Mp3Frames.count(mp3);
    List<Speech.Mark> marks = new ArrayList<>(speech.marks().size());
    for (Speech.Mark m : speech.marks()) {
      marks.add(new Speech.Mark(m.type(), m.timeMs() + shiftMs, m.start(), m.end()));
    }
    PartResult result = new PartResult(stats.frames(), stats.bytes(), speech.billedCharacters(), false, marks);
    byte[] entry = new CacheEntry(result, mp3).bytes();
    CompletableFuture<Void> stored = CompletableFuture.runAsync(
        () -> blobs.put(Keys.cacheEntry(cacheKey), entry, CacheEntry.CONTENT_TYPE), writer);
    return new Rendered(cacheKey, result, false, mp3, stored);
  }

  /** The MP3 frames of a rendered entry. */
  public byte[] audio(Rendered rendered) {
    return rendered.audio();
  }

  private static String shortKey(String key) {
    return key == null || key.length() <= 16 ? String.valueOf(key) : key.substring(0, 16);
  }
}
