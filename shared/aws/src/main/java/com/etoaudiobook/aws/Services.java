package com.etoaudiobook.aws;

import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.book.BookParser;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.formats.DocumentParser;
import com.etoaudiobook.job.assembly.AudiobookAssembler;
import com.etoaudiobook.job.synthesis.CachedSynthesis;
import com.etoaudiobook.job.inbox.Inbox;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.synthesis.PartSynthesizer;
import com.etoaudiobook.job.pricing.Pricing;
import com.etoaudiobook.job.WorkQueue;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.voice.AutoCaster;
import com.etoaudiobook.voice.Voice;

import java.util.List;

/**
 * Everything a function needs, wired once per process: from the environment on Lambda, from the
 * embedded services' endpoints in the local runtime. Handlers take one of these and nothing else.
 */
public final class Services {
  private static volatile Services fromEnvironment;

  private final Settings settings;
  private final BlobStore blobs;
  private final UrlSigner signer;
  private final WorkQueue queue;
  private final SpeechEngine engine;
  private final JobStore store;
  private final JobService jobs;
  private final CachedSynthesis synthesis;
  private final PartSynthesizer synthesizer;
  private final AudiobookAssembler assembler;
  private final BookParser parser;
  private final Inbox inbox;
  private final VoiceCatalog catalog;
  private final Pricing pricing;
  private volatile AutoCaster caster;

  /** Services whose voice catalog is cached in Caffeine and, when REDIS_URL is set, Redis. */
  public Services(Settings settings, BlobStore blobs, UrlSigner signer, WorkQueue queue, SpeechEngine engine) {
    this(settings, blobs, signer, queue, engine, new VoiceCatalog(List.of(engine), settings.redisUrl()));
  }

  public Services(Settings settings, BlobStore blobs, UrlSigner signer, WorkQueue queue, SpeechEngine engine,
                  VoiceCatalog catalog) {
    this.settings = settings;
    this.catalog = catalog;
    this.pricing = settings.pricing();
    this.blobs = blobs;
    this.signer = signer;
    this.queue = queue;
    this.engine = engine;
    this.store = new JobStore(blobs);
    this.jobs = new JobService(store, queue, engine.provider(), engine.maxCharacters());
    this.synthesis = new CachedSynthesis(blobs, engine, new Mp3Encoder());
    this.synthesizer = new PartSynthesizer(store, synthesis, queue);
    this.assembler = new AudiobookAssembler(store);
    this.parser = new DocumentParser();
    this.inbox = new Inbox(store, parser, this::caster, jobs, settings.uploadMaxBytes());
  }

  /** The process-wide services of a Lambda function, built on first use from its environment. */
  public static Services fromEnvironment() {
    Services s = fromEnvironment;
    if (s == null) {
      synchronized (Services.class) {
        s = fromEnvironment;
        if (s == null) {
          s = create(Settings.fromEnvironment(), AwsSettings.fromEnvironment());
          fromEnvironment = s;
        }
      }
    }
    return s;
  }

  /** Builds the AWS clients and the engine the settings name. */
  public static Services create(Settings settings, AwsSettings aws) {
    S3BlobStore blobs = new S3BlobStore(AwsClients.s3(aws), AwsClients.presigner(aws), settings.bucket());
    SqsWorkQueue queue = new SqsWorkQueue(AwsClients.sqs(aws), settings.synthesisQueueUrl(),
        settings.assemblyQueueUrl());
    return new Services(settings, blobs, blobs, queue, engine(settings, aws));
  }

  /** The engine SPEECH_PROVIDER names. */
  static SpeechEngine engine(Settings settings, AwsSettings aws) {
    return switch (settings.speechProvider()) {
      case "espeak" -> EspeakEngine.instance();
      case PollyEngine.PROVIDER -> PollyEngine.create(settings, aws);
      default -> throw new IllegalStateException("SPEECH_PROVIDER '" + settings.speechProvider()
          + "' is not available in this build; use 'polly' or 'espeak'");
    };
  }

  public Settings settings() {
    return settings;
  }

  public BlobStore blobs() {
    return blobs;
  }

  public UrlSigner signer() {
    return signer;
  }

  public WorkQueue queue() {
    return queue;
  }

  public SpeechEngine engine() {
    return engine;
  }

  /** Every voice, through the catalog's caches. */
  public List<Voice> voices() {
    return catalog.voices();
  }

  public VoiceCatalog catalog() {
    return catalog;
  }

  public JobStore store() {
    return store;
  }

  public JobService jobs() {
    return jobs;
  }

  public CachedSynthesis synthesis() {
    return synthesis;
  }

  public PartSynthesizer synthesizer() {
    return synthesizer;
  }

  public AudiobookAssembler assembler() {
    return assembler;
  }

  public BookParser parser() {
    return parser;
  }

  public Inbox inbox() {
    return inbox;
  }

  /** List prices, with the PRICES setting applied. */
  public Pricing pricing() {
    return pricing;
  }

  /** Casting over the engine's voices; the narrator gets a steady, neutral voice. */
  public AutoCaster caster() {
    AutoCaster c = caster;
    if (c == null) {
      c = new AutoCaster(voices(), List.of("en-gb-x-rp", "en", "en-us", "Matthew", "Joanna"));
      caster = c;
    }
    return c;
  }
}
