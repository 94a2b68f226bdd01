package com.etoaudiobook.job;

import com.etoaudiobook.audio.AudioFormats;
import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.audio.Mp3Frames;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.storage.BlobStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Synthesizes one part and stores it; what the synthesis worker does for each message.
 * Idempotent: a part already stored is left alone, a part in the content-addressed cache is
 * copied, and only a new part reaches the engine.
 */
public final class PartSynthesizer {
  /** What happened to the part. */
  public enum Outcome { SYNTHESIZED, CACHED, ALREADY_DONE, SKIPPED }

  private final JobStore store;
  private final BlobStore blobs;
  private final SpeechEngine engine;
  private final Mp3Encoder encoder;
  private final WorkQueue queue;

  public PartSynthesizer(JobStore store, SpeechEngine engine, Mp3Encoder encoder, WorkQueue queue) {
    this.store = store;
    this.blobs = store.blobs();
    this.engine = engine;
    this.encoder = encoder;
    this.queue = queue;
  }

  public Outcome process(PartSpec part) {
    Job job = store.job(part.jobId());
    if (job == null || job.state() == JobState.CANCELLED || job.state() == JobState.DONE) {
      return Outcome.SKIPPED; // nothing to do: deleted, cancelled, or finished by an earlier delivery
    }
    Outcome outcome;
    if (blobs.exists(Keys.partMarks(part.jobId(), part.index()))) {
      outcome = Outcome.ALREADY_DONE;
    } else {
      outcome = produce(part);
    }
    store.clearFailure(part.jobId(), part.index());
    if (store.doneParts(part.jobId()).size() >= job.partsTotal()) {
      queue.enqueueAssembly(part.jobId());
    }
    return outcome;
  }

  private Outcome produce(PartSpec part) {
    String audioKey = Keys.partAudio(part.jobId(), part.index());
    String marksKey = Keys.partMarks(part.jobId(), part.index());
    byte[] cachedMarks = blobs.get(Keys.cacheMarks(part.cacheKey()));
    if (cachedMarks != null && blobs.exists(Keys.cacheAudio(part.cacheKey()))) {
      PartResult cached = Json.read(cachedMarks, PartResult.class);
      blobs.copy(Keys.cacheAudio(part.cacheKey()), audioKey, "audio/mpeg");
      blobs.put(marksKey, Json.write(new PartResult(cached.frames(), cached.bytes(), 0, true, cached.marks())),
          "application/json");
      return Outcome.CACHED;
    }
    Speech speech = engine.synthesize(new SpeechRequest(part.text(), part.voiceId(), part.engine(),
        part.rate(), part.pitch()));
    byte[] mp3;
    long shiftMs;
    if (speech.pcm() != null) {
      mp3 = encoder.encode(speech.pcm(), speech.sampleRate());
      shiftMs = AudioFormats.samplesToMillis(Mp3Encoder.ENCODER_DELAY);
    } else {
      mp3 = Mp3Frames.bareFrames(speech.mp3());
      shiftMs = 0;
    }
    Mp3Frames.Stats stats = Mp3Frames.count(mp3);
    List<Speech.Mark> marks = new ArrayList<>(speech.marks().size());
    for (Speech.Mark m : speech.marks()) {
      marks.add(new Speech.Mark(m.type(), m.timeMs() + shiftMs, m.start(), m.end()));
    }
    PartResult result = new PartResult(stats.frames(), stats.bytes(), speech.billedCharacters(), false, marks);
    byte[] resultJson = Json.write(result);
    // Cache first, part last: the part's marks file is the "done" marker.
    blobs.put(Keys.cacheAudio(part.cacheKey()), mp3, "audio/mpeg");
    blobs.put(Keys.cacheMarks(part.cacheKey()), resultJson, "application/json");
    blobs.put(audioKey, mp3, "audio/mpeg");
    blobs.put(marksKey, resultJson, "application/json");
    return Outcome.SYNTHESIZED;
  }

  /** Records a failed delivery so the job can show it; dead when no further delivery will come. */
  public void recordFailure(PartSpec part, Throwable error, int attempts, boolean dead) {
    String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    store.saveFailure(part.jobId(), new PartFailure(part.index(), part.segment(), part.role(),
        reason.length() > 500 ? reason.substring(0, 500) : reason, attempts, dead, System.currentTimeMillis()));
  }
}
