package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.audio.VoiceLevelStore;
import com.etoaudiobook.aws.RedisCancelSignal;
import com.etoaudiobook.aws.Settings;
import com.etoaudiobook.aws.redis.Redis;
import com.etoaudiobook.aws.SynthesisBatch;
import com.etoaudiobook.aws.VoiceCatalog;
import com.etoaudiobook.aws.settings.LoudnessSettings;
import com.etoaudiobook.book.BookParser;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.formats.DocumentParser;
import com.etoaudiobook.job.CancelSignal;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.StoreCancelSignal;
import com.etoaudiobook.job.WorkQueue;
import com.etoaudiobook.job.assembly.AudiobookAssembler;
import com.etoaudiobook.job.inbox.Inbox;
import com.etoaudiobook.job.pricing.Pricing;
import com.etoaudiobook.job.synthesis.CachedSynthesis;
import com.etoaudiobook.job.synthesis.PartSynthesizer;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.voice.AutoCaster;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The core's job objects (plain classes without annotations) over the store, queue and engine. */
@Factory
public class JobFactory {
  @Singleton
  JobStore store(BlobStore blobs) {
    return new JobStore(blobs);
  }

  /**
   * How the API's cancels reach the workers: through Redis when REDIS_URL is set, else the job's
   * record read again. One process that does both (the local runtime, the CLI) gives its own, in memory.
   */
  @Singleton
  @Requires(missingBeans = CancelSignal.class)
  @Bean(preDestroy = "close")
  CancelSignal cancels(JobStore store, Optional<Redis> redis) {
    StoreCancelSignal record = new StoreCancelSignal(store);
    return redis.<CancelSignal>map(r -> new RedisCancelSignal(r, store, record)).orElse(record);
  }

  /**
   * The engine only when a job is planned: the inbox, which needs none otherwise, built one at init
   * for its provider name and request limit (eSpeak NG's library, or a Polly client on AWS).
   */
  @Singleton
  JobService jobs(JobStore store, WorkQueue queue, BeanProvider<SpeechEngine> engine, LoudnessSettings loudness,
                  CancelSignal cancels) {
    return new JobService(store, queue, engine::get, loudness.target(), cancels);
  }

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
   * before its first part.
   */
  @Singleton
  SynthesisBatch synthesisBatch(PartSynthesizer synthesizer, Settings settings, SpeechEngine engine, WorkQueue queue,
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

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JobFactory.class);

  @Singleton
  AudiobookAssembler assembler(JobStore store, WorkQueue queue) {
    return new AudiobookAssembler(store, queue);
  }

  @Singleton
  BookParser parser() {
    return new DocumentParser();
  }

  @Singleton
  Inbox inbox(JobStore store, BookParser parser, Provider<AutoCaster> caster, JobService jobs, Settings settings) {
    return new Inbox(store, parser, caster::get, jobs, settings.uploadMaxBytes());
  }

  /** List prices, with the PRICES setting applied. */
  @Singleton
  Pricing pricing(Settings settings) {
    return settings.pricing();
  }
}
