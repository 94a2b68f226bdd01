package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.aws.RedisCancelSignal;
import com.etoaudiobook.aws.Settings;
import com.etoaudiobook.aws.redis.Redis;
import com.etoaudiobook.aws.settings.LoudnessSettings;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.job.CancelSignal;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.StoreCancelSignal;
import com.etoaudiobook.job.WorkQueue;
import com.etoaudiobook.job.pricing.Pricing;
import com.etoaudiobook.storage.BlobStore;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The core's job objects every function shares (plain classes without annotations) over the
 * store and queue. What one function alone uses has a factory of its own ({@link SynthesisFactory},
 * {@link AssemblyFactory}, {@link InboxFactory}), so that the other functions' jars can leave its
 * bean definitions out (see the function modules' shade filters and docs/BENCHMARKS.md, cold start).
 */
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

  /** List prices, with the PRICES setting applied. */
  @Singleton
  Pricing pricing(Settings settings) {
    return settings.pricing();
  }
}
