package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.aws.PollyEngine;
import com.etoaudiobook.aws.Settings;
import com.etoaudiobook.aws.VoiceCatalog;
import com.etoaudiobook.aws.quota.SynthesisRateLimiter;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.voice.AutoCaster;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.polly.PollyClient;

import java.util.List;

/** The speech engine SPEECH_PROVIDER names, its voice catalog, and casting over that catalog. */
@Factory
public class EngineFactory {
  /** Voice ids preferred for the narrator, best first: a steady, neutral voice. */
  static final List<String> NARRATOR_VOICES = List.of("en-gb-x-rp", "en", "en-us", "Matthew", "Joanna");

  @Singleton
  @Requires(missingBeans = SpeechEngine.class)
  SpeechEngine engine(Settings settings, BeanProvider<PollyClient> polly) {
    return switch (settings.speechProvider()) {
      case "espeak" -> EspeakEngine.instance();
      case PollyEngine.PROVIDER -> new PollyEngine(polly.get(), settings.pollyEngine(), settings.pollyLexicons(),
          SynthesisRateLimiter.create(settings.pollyQuotas(), settings.redisUrl(), settings.workerInstances()));
      default -> throw new IllegalStateException("SPEECH_PROVIDER '" + settings.speechProvider()
          + "' is not available in this build; use 'polly' or 'espeak'");
    };
  }

  /** Cached in Caffeine and, when REDIS_URL is set, Redis. */
  @Singleton
  @Requires(missingBeans = VoiceCatalog.class)
  @Bean(preDestroy = "close")
  VoiceCatalog catalog(SpeechEngine engine, Settings settings) {
    return new VoiceCatalog(List.of(engine), settings.redisUrl());
  }

  /**
   * Casting over the catalog's voices as they are now: a new caster each time one is asked for
   * (take a {@code Provider<AutoCaster>}), so a refreshed catalog is seen at once. Cheap: the
   * catalog's list is cached, the caster only copies it.
   */
  @Prototype
  AutoCaster caster(VoiceCatalog catalog) {
    return new AutoCaster(catalog.voices(), NARRATOR_VOICES);
  }
}
