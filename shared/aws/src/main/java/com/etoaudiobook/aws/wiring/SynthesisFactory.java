package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.audio.VoiceLevelStore;
import com.etoaudiobook.aws.Settings;
import com.etoaudiobook.aws.SynthesisBatch;
import com.etoaudiobook.aws.VoiceCatalog;
import com.etoaudiobook.aws.redis.Redis;
import com.etoaudiobook.aws.settings.LoudnessSettings;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.job.CancelSignal;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.WorkQueue;
import com.etoaudiobook.job.synthesis.CachedSynthesis;
import com.etoaudiobook.job.synthesis.PartSynthesizer;
import com.etoaudiobook.storage.BlobStore;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Speech for the parts: the worker's batches, and the cached synthesis the API's previews share. */
@Factory
public class SynthesisFactory {
  private static final Logger LOG = LoggerFactory.getLogger(SynthesisFactory.class);

  @Singleton
  CachedSynthesis synthesis(BlobStore blobs, SpeechEngine engine, LoudnessSettings loudness,
                            Optional<VoiceLevelStore> levels) {
    // voice levels learned by other instances (VoiceLevelFactory), else by this process alone
    return new CachedSynthesis(blobs, engine, new Mp3Encoder(), loudness.target(), levels.orElse(VoiceLevelStore.NONE));
  }

  @Singleton
  PartSynthesizer synthesizer(JobStore store, CachedSynthesis synthesis, WorkQueue queue, CancelSignal cancels) {
    return new PartSynthesizer(store, synthesis, queue, cancels);
  }

  /**
   * The worker's SQS batches: deadline, concurrency and hand-back around the synthesizer. Where Redis
   * (ElastiCache) keeps the catalog's voice list, the engine takes it from there when the worker is
   * built (its cold start), instead of describing the voices (DescribeVoices per engine and page)
   * before its first part. The engine comes first: the handler's thread loads it while the init
   * warm-up still sets up TLS for the S3 client the synthesizer needs ({@link InitWarmUp}).
   */
  @Singleton
  SynthesisBatch synthesisBatch(SpeechEngine engine, PartSynthesizer synthesizer, Settings settings, WorkQueue queue,
                                Optional<Redis> redis, BeanProvider<VoiceCatalog> catalog) {
    if (redis.isPresent()) {
      try {
        catalog.get().voices(); // a list read from Redis reaches the engine (SpeechEngine.useVoices)
      } catch (RuntimeException e) {
        LOG.warn("voice list not taken from the shared cache: {}", e.toString()); // the first part looks
      }
    }
    return new SynthesisBatch(synthesizer, settings, engine, queue);
  }
}
