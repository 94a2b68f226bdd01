package com.etoaudiobook.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.etoaudiobook.assembler.AssemblerHandler;
import com.etoaudiobook.aws.AwsSettings;
import com.etoaudiobook.aws.S3BlobStore;
import com.etoaudiobook.aws.PollyEngine;
import com.etoaudiobook.aws.Settings;
import com.etoaudiobook.aws.VoiceCatalog;
import com.etoaudiobook.aws.wiring.BeanGraph;
import com.etoaudiobook.concurrent.DaemonThreads;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.inbox.InboxHandler;
import com.etoaudiobook.job.CancelSignal;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.job.inbox.Inbox;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.storage.FileVoiceLevelStore;
import com.etoaudiobook.local.embedded.EmbeddedS3;
import com.etoaudiobook.local.embedded.EmbeddedSqs;
import com.etoaudiobook.local.embedded.ServerHeaders;
import com.etoaudiobook.local.embedded.SqsPoller;
import com.etoaudiobook.worker.SynthesisWorkerHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The whole system in one JVM: S3Proxy on a data folder, ElasticMQ with the queues and their
 * dead-letter queues, the API on Netty, pollers feeding SQS batches to the same handler classes
 * Lambda runs, the inbox/ notification, and the built frontend at /.
 */
public final class LocalRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);
  public static final String BUCKET = "etoaudiobook-data";

  /**
   * @param port             API port (0 for any free one)
   * @param dataDir          where S3 objects live, kept across restarts
   * @param frontendDir      built frontend to serve at /, or null
   * @param workers          the synthesis poller's maximum concurrency (Lambda's MaximumConcurrency)
   * @param batchSize        messages per synthesis invocation (template.yaml: 10)
   * @param maxReceiveCount  deliveries before a part goes to the dead-letter queue
   * @param visibilitySeconds the synthesis queue's visibility timeout
   * @param engine           the speech engine a test or benchmark brings, or null: the bean graph builds
   *                         the one {@code provider} names (as on Lambda, from SPEECH_PROVIDER)
   * @param voiceCache       cache the voice catalog (false only to measure what the cache saves)
   * @param provider         SPEECH_PROVIDER for the bean graph: the engine's when one is given
   */
  public record Options(int port, Path dataDir, Path frontendDir, int workers, int maxReceiveCount,
                        int visibilitySeconds, SpeechEngine engine, boolean voiceCache, int batchSize,
                        String provider) {
    public Options {
      if (engine != null) {
        provider = engine.provider();
      } else if (provider == null || !voiceCache) {
        throw new IllegalArgumentException("without an engine, a provider and the voice cache are needed");
      }
    }

    public Options(int port, Path dataDir, Path frontendDir, int workers, int maxReceiveCount,
                   int visibilitySeconds, SpeechEngine engine) {
      this(port, dataDir, frontendDir, workers, maxReceiveCount, visibilitySeconds, engine, true, 10);
    }

    public Options(int port, Path dataDir, Path frontendDir, int workers, int maxReceiveCount,
                   int visibilitySeconds, SpeechEngine engine, boolean voiceCache) {
      this(port, dataDir, frontendDir, workers, maxReceiveCount, visibilitySeconds, engine, voiceCache, 10);
    }

    public Options(int port, Path dataDir, Path frontendDir, int workers, int maxReceiveCount,
                   int visibilitySeconds, SpeechEngine engine, boolean voiceCache, int batchSize) {
      this(port, dataDir, frontendDir, workers, maxReceiveCount, visibilitySeconds, engine, voiceCache, batchSize,
          null);
    }

    /** The engine {@code provider} names, built by the runtime's one bean graph (`serve --engine polly`). */
    public Options(int port, Path dataDir, Path frontendDir, int workers, int maxReceiveCount,
                   int visibilitySeconds, String provider) {
      this(port, dataDir, frontendDir, workers, maxReceiveCount, visibilitySeconds, null, true, 10, provider);
    }
  }

  private final EmbeddedS3 s3;
  private final EmbeddedSqs sqs;
  private final ApplicationContext api;
  private final EmbeddedServer server;
  private final List<SqsPoller> pollers;
  private final ScheduledExecutorService inboxWatcher;
  private final Set<String> inboxSeen = ConcurrentHashMap.newKeySet();
  private final InboxHandler inboxHandler;

  private LocalRuntime(Options o, Map<String, Object> apiProperties) throws Exception {
    // Many request threads in one JVM: EMF records are written by a background thread here.
    if (System.getProperty("etoaudiobook.emf") == null) {
      System.setProperty("etoaudiobook.emf", "async");
    }
    Files.createDirectories(o.dataDir());
    s3 = StoragePort.start(o.dataDir(), BUCKET);
    sqs = EmbeddedSqs.start(0, EmbeddedSqs.defaultQueues(Duration.ofSeconds(o.visibilitySeconds()),
        o.maxReceiveCount()));
    // The environment variables template.yaml gives the functions, for the embedded services;
    // REDIS_URL (the shared voice cache when one is running; without it, Caffeine alone), PRICES
    // and the other settings come from this process's environment as on Lambda.
    Map<String, Object> env = new HashMap<>();
    env.put("DATA_BUCKET", BUCKET);
    env.put("SYNTHESIS_QUEUE_URL", sqs.queueUrl(EmbeddedSqs.SYNTHESIS));
    env.put("ASSEMBLY_QUEUE_URL", sqs.queueUrl(EmbeddedSqs.ASSEMBLY));
    env.put("S3_ENDPOINT", s3.endpoint().toString());
    env.put("SQS_ENDPOINT", sqs.endpoint().toString());
    env.put("AWS_REGION", AwsSettings.DEFAULT_REGION);
    // the emulators' keys, whatever AWS credentials the environment holds (Polly still uses those)
    env.put("AWS_ACCESS_KEY_ID", AwsSettings.LOCAL_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", AwsSettings.LOCAL_KEY);
    env.put("SPEECH_PROVIDER", o.provider());
    env.put("MAX_RECEIVE_COUNT", Integer.toString(o.maxReceiveCount()));
    // the template's worker timeout, but never past the visibility: a part must not reappear while in hand
    env.put("WORKER_TIMEOUT_SECONDS", Integer.toString(Math.min(120, o.visibilitySeconds())));
    env.put("ALLOWED_ORIGINS", or(System.getenv("ALLOWED_ORIGINS"), "*"));
    Map<String, Object> props = new HashMap<>();
    props.put("micronaut.server.port", o.port());
    props.put("micronaut.server.host", "127.0.0.1");
    // One user on a laptop: no rate limits unless asked for (RATE_LIMIT_ENABLED=true, RATE_LIMITS=...).
    props.put("etoaudiobook.rate-limit.enabled", or(System.getenv("RATE_LIMIT_ENABLED"), "false"));
    if (System.getenv("RATE_LIMITS") != null) {
      props.put("etoaudiobook.rate-limit.limits", System.getenv("RATE_LIMITS"));
    }
    props.putAll(apiProperties);
    if (o.frontendDir() != null && Files.isDirectory(o.frontendDir())) {
      props.put("micronaut.router.static-resources.default.enabled", true);
      props.put("micronaut.router.static-resources.default.mapping", "/**");
      props.put("micronaut.router.static-resources.default.paths", "file:" + o.frontendDir().toAbsolutePath());
    }
    // One bean graph for the API and the three functions, as each function builds its own on Lambda.
    List<Object> given = new ArrayList<>();
    // the API's cancels and the workers share this JVM: a cancel reaches them in memory, with no
    // storage read per job twice a second (REDIS_URL or not)
    given.add(CancelSignal.inProcess());
    if (o.engine() != null) {
      given.add(o.engine());
    }
    if (!o.voiceCache()) {
      given.add(VoiceCatalog.uncached(List.of(o.engine())));
    }
    if (System.getenv("REDIS_URL") == null || System.getenv("REDIS_URL").isBlank()) {
      // Polly voices' learned levels, kept for the next start (with REDIS_URL: in Redis, as the workers do)
      given.add(new FileVoiceLevelStore(o.dataDir().resolve("voice-levels.properties")));
    }
    api = BeanGraph.builder(env, given.toArray()).properties(props).start();
    if (o.engine() == null) {
      checkEngine();
    }
    abortOrphanedUploads(api.getBean(S3BlobStore.class));
    Settings settings = api.getBean(Settings.class);
    SqsClient sqsClient = api.getBean(SqsClient.class);
    SynthesisWorkerHandler worker = new SynthesisWorkerHandler(api);
    AssemblerHandler assembler = new AssemblerHandler(api);
    inboxHandler = new InboxHandler(api);
    // Batch sizes and concurrency as template.yaml gives the event source mappings.
    pollers = List.of(
        SqsPoller.builder(sqsClient, settings.synthesisQueueUrl(), e -> worker.handleRequest(e, null))
            .batchSize(o.batchSize()).maximumConcurrency(o.workers())
            .visibilityTimeout(Duration.ofSeconds(o.visibilitySeconds())).build().start(),
        SqsPoller.builder(sqsClient, settings.assemblyQueueUrl(), e -> assembler.handleRequest(e, null))
            // two, as the template's minimum: one job's early run waiting for its last parts never holds up
            // another job's assembly (the assembly lease keeps the last part's trigger from a second run)
            .batchSize(1).maximumConcurrency(2)
            .visibilityTimeout(Duration.ofSeconds(Math.max(60, o.visibilitySeconds()))).build().start());

    EmbeddedServer embedded = api.getBean(EmbeddedServer.class);
    if (embedded instanceof NettyServerCustomizer.Registry registry) {
      registry.register(new ServerHeaders());
    }
    server = embedded.start();

    warmUp();
    int resumed = 0;
    JobService jobs = api.getBean(JobService.class);
    for (String jobId : jobs.unfinishedJobs()) {
      resumed += jobs.resume(jobId);
    }
    if (resumed > 0) {
      LOG.info("resumed {} unfinished part(s) of interrupted jobs", resumed);
    }
    inboxWatcher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("inbox-watcher"));
    inboxWatcher.scheduleWithFixedDelay(this::scanInbox, 1, 1, TimeUnit.SECONDS);
  }

  /** Uploads a killed run left half-done: nothing of this run writes yet, so every one is an orphan. */
  private static void abortOrphanedUploads(S3BlobStore blobs) {
    try {
      int n = blobs.abortUploadsStartedBefore(java.time.Instant.now());
      if (n > 0) {
        LOG.info("aborted {} multipart upload(s) left by an interrupted run", n);
      }
    } catch (RuntimeException e) {
      LOG.warn("could not abort orphaned multipart uploads: {}", e.toString());
    }
  }

  /**
   * The engine the bean graph built is asked for its voices at once, so missing credentials or an
   * unreachable endpoint stop the start with the engine's own reason instead of surfacing as failed parts.
   */
  private void checkEngine() {
    SpeechEngine engine = api.getBean(SpeechEngine.class);
    try {
      engine.voices();
    } catch (RuntimeException e) {
      api.close();
      sqs.close();
      s3.close();
      throw new IllegalStateException("cannot use " + (engine instanceof PollyEngine ? "Amazon Polly" : engine.provider())
          + ": " + e.getMessage() + (engine instanceof PollyEngine ? " (credentials and region come from the default"
          + " AWS chain; POLLY_ENDPOINT overrides the endpoint)" : ""));
    }
  }

  /** The speech engine of the bean graph. */
  public SpeechEngine engine() {
    return api.getBean(SpeechEngine.class);
  }

  /** First requests pay for class loading and JIT; pay it at start-up, not on the user's first page load. */
  private void warmUp() {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    for (String path : List.of("", "api/voices", "api/voices?language=en", "health")) {
      try {
        client.send(java.net.http.HttpRequest.newBuilder(url().resolve(path)).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
      } catch (Exception e) {
        LOG.debug("warm-up of /{} failed: {}", path, e.toString());
      }
    }
  }

  public static LocalRuntime start(Options options) throws Exception {
    return new LocalRuntime(options, Map.of());
  }

  /**
   * @param apiProperties Micronaut properties for the API over the defaults, e.g.
   *                      etoaudiobook.rate-limit.enabled, .limits, .redis-url, .client-address-header
   */
  public static LocalRuntime start(Options options, Map<String, Object> apiProperties) throws Exception {
    return new LocalRuntime(options, apiProperties);
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * Emulates the S3 ObjectCreated notification on inbox/ with the same event shape. One file's
   * failure, even an Error, is that file's: the scheduler would stop for good on anything thrown.
   */
  void scanInbox() {
    List<String> keys;
    try {
      keys = api.getBean(BlobStore.class).list(Inbox.PREFIX);
    } catch (RuntimeException e) {
      LOG.warn("inbox scan failed: {}", e.toString());
      return;
    }
    Set<String> present = new java.util.HashSet<>(keys);
    for (String key : keys) {
      if (Inbox.isInput(key) && !present.contains(key + Inbox.RESULT_SUFFIX) && inboxSeen.add(key)) {
        try {
          inboxHandler.handleRequest(s3Event(key), null);
        } catch (Throwable t) { // NOPMD: the watcher must outlive any one file
          LOG.error("inbox: {} could not be handled", key, t);
        }
      }
    }
  }

  static S3Event s3Event(String key) {
    var object = new S3EventNotification.S3ObjectEntity(
        java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8).replace("%2F", "/"),
        0L, null, null, null);
    var bucket = new S3EventNotification.S3BucketEntity(BUCKET, null, "arn:aws:s3:::" + BUCKET);
    var entity = new S3EventNotification.S3Entity("inbox", bucket, object, "1.0");
    var record = new S3EventNotification.S3EventNotificationRecord("us-east-1", "ObjectCreated:Put", "aws:s3",
        java.time.Instant.now().toString(), "2.1", null, null, entity, null);
    return new S3Event(List.of(record));
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getPort() + "/");
  }

  /** A bean of the runtime's graph (the one the API and the functions share). */
  public <T> T bean(Class<T> type) {
    return api.getBean(type);
  }

  public ApplicationContext context() {
    return api;
  }

  public EmbeddedS3 s3() {
    return s3;
  }

  public EmbeddedSqs sqs() {
    return sqs;
  }

  @Override
  public void close() {
    inboxWatcher.shutdownNow();
    pollers.forEach(SqsPoller::stop);
    server.stop();
    api.close();
    sqs.close();
    s3.close();
  }
}
