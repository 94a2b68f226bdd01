package com.etoaudiobook.aws;

import com.etoaudiobook.concurrent.DaemonThreads;
import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.job.synthesis.PartSynthesizer;
import com.etoaudiobook.job.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The metrics of one invocation (an API request, an SQS batch, an S3 event), written in
 * CloudWatch Embedded Metric Format when flushed, and fed at once to the process-wide
 * {@link #aggregates()} that {@code GET /metrics} reports.
 *
 * <p>Create one per invocation and flush it at the end. Metrics may be added from several
 * threads; the EMF {@link MetricsLogger}s are only created inside {@link #flush()}, one per
 * dimension set, because a MetricsLogger is not safe to share across threads with different
 * dimensions. Every metric is also emitted under {@code {Function}} alone, the roll-up the
 * alarms use. Dimensions must be low-cardinality (route templates, engines, cache names,
 * reasons), never ids.
 */
public final class Metrics {
  private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
  private static final Aggregates AGGREGATES = new Aggregates();
  private static final String NAMESPACE = namespace();
  private static final boolean EMIT = configureEnvironment();
  /**
   * etoaudiobook.emf=async (the local runtime): records are serialized and written by one
   * background thread, so the many request threads of one process do not queue on stdout.
   * On Lambda (one invocation at a time, frozen after it returns) they are written in flush().
   */
  private static final ThreadPoolExecutor WRITER = "async".equals(System.getProperty("etoaudiobook.emf"))
      && System.getenv("AWS_LAMBDA_FUNCTION_NAME") == null ? writer() : null;
  private static final AtomicLong DROPPED = new AtomicLong();

  private record Entry(String name, double value, Unit unit, Map<String, String> dims) {
  }

  private final String function;
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Object> properties = new LinkedHashMap<>();

  private Metrics(String function) {
    this.function = function;
  }

  /** @param function "api", "worker", "assembler" or "inbox" */
  public static Metrics start(String function) {
    return new Metrics(function);
  }

  /**
   * Runs one invocation of a function with its own metrics (flushed at the end, whatever happens)
   * and its request id in the log context.
   *
   * @param requestId the Lambda request id, or null off Lambda
   */
  public static <T> T around(String function, String requestId, java.util.function.Function<Metrics, T> body) {
    Metrics metrics = start(function);
    if (requestId != null) {
      org.slf4j.MDC.put("requestId", requestId);
      metrics.property("requestId", requestId);
    }
    try {
      return body.apply(metrics);
    } finally {
      metrics.flush();
      org.slf4j.MDC.remove("requestId");
    }
  }

  /** Records the time a message waited in its queue, from its SentTimestamp attribute. */
  public Metrics queueWait(java.util.Map<String, String> attributes, long now, String queue) {
    String sent = attributes == null ? null : attributes.get("SentTimestamp");
    if (sent != null && sent.matches("\\d{1,19}")) {
      millis("QueueWait", Math.max(0, now - Long.parseLong(sent)), "Queue", queue);
    }
    return this;
  }

  /** The process-wide aggregates of everything recorded since start. */
  public static Aggregates aggregates() {
    return AGGREGATES;
  }

  /** A searchable property of the EMF record (a request id, a job id): not a dimension. */
  public synchronized Metrics property(String key, Object value) {
    if (value != null) {
      properties.put(key, value);
    }
    return this;
  }

  /** A count; {@code dims} are name/value pairs. */
  public Metrics count(String name, double value, String... dims) {
    return put(name, value, Unit.COUNT, dims);
  }

  public Metrics millis(String name, double millis, String... dims) {
    return put(name, millis, Unit.MILLISECONDS, dims);
  }

  public Metrics put(String name, double value, Unit unit, String... dims) {
    if (dims.length % 2 != 0) {
      throw new IllegalArgumentException("dimensions come in name/value pairs");
    }
    Map<String, String> d = new TreeMap<>();
    for (int i = 0; i < dims.length; i += 2) {
      d.put(dims[i], dimensionValue(dims[i + 1]));
    }
    AGGREGATES.record(name, d, value);
    synchronized (this) {
      entries.add(new Entry(name, value, unit, d));
    }
    return this;
  }

  /** Writes the EMF records (one per dimension set). Never throws: metrics must not fail work. */
  public void flush() {
    List<Entry> copy;
    Map<String, Object> props;
    synchronized (this) {
      copy = new ArrayList<>(entries);
      props = new LinkedHashMap<>(properties);
      entries.clear();
    }
    if (!EMIT || copy.isEmpty()) {
      return;
    }
    if (WRITER != null) {
      WRITER.execute(() -> write(copy, props));
    } else {
      write(copy, props);
    }
  }

  /** Records dropped because the background writer fell behind (async mode only). */
  public static long dropped() {
    return DROPPED.get();
  }

  private void write(List<Entry> copy, Map<String, Object> props) {
    Map<Map<String, String>, List<Entry>> groups = new LinkedHashMap<>();
    copy.forEach(e -> groups.computeIfAbsent(e.dims(), k -> new ArrayList<>()).add(e));
    groups.forEach((dims, list) -> {
      try {
        MetricsLogger logger = new MetricsLogger();
        logger.setNamespace(NAMESPACE);
        DimensionSet rollup = DimensionSet.of("Function", function);
        if (dims.isEmpty()) {
          logger.setDimensions(false, rollup);
        } else {
          DimensionSet set = new DimensionSet();
          set.addDimension("Function", function);
          for (Map.Entry<String, String> d : dims.entrySet()) {
            set.addDimension(d.getKey(), d.getValue());
          }
          logger.setDimensions(false, set, rollup);
        }
        props.forEach(logger::putProperty);
        for (Entry e : list) {
          logger.putMetric(e.name(), e.value(), e.unit());
        }
        logger.flush();
      } catch (Exception e) {
        LOG.warn("could not write metrics: {}", e.toString());
      }
    });
  }

  /**
   * A core listener that records into this invocation: parts, characters billed by engine,
   * synthesis latency, cache hits and misses, failures by reason.
   *
   * @param provider engine provider, the Engine dimension when a part names no engine variant
   */
  public Telemetry telemetry(String provider) {
    return new Telemetry() {
      @Override
      public void part(PartSpec part, PartSynthesizer.Outcome outcome, long millis, long billed) {
        String engine = part.engine() == null || part.engine().isBlank() ? provider : provider + ":" + part.engine();
        switch (outcome) {
          case SYNTHESIZED -> {
            count("PartsSynthesized", 1, "Engine", engine);
            count("CharactersBilled", billed, "Engine", engine);
            millis("SynthesisLatency", millis, "Engine", engine);
            cache("tts", false);
          }
          case CACHED -> {
            count("PartsCached", 1, "Engine", engine);
            cache("tts", true);
          }
          default -> count("PartsSkipped", 1);
        }
      }

      @Override
      public void partFailed(PartSpec part, Throwable error, boolean dead) {
        count("Failures", 1, "Reason", reason(error));
        if (dead) {
          count("PartsDead", 1);
        }
      }

      @Override
      public void partHandedBack(PartSpec part) {
        count("PartsHandedBack", 1); // waiting for engine capacity: a sign the quota is the bottleneck
      }

      @Override
      public void cache(String cache, boolean hit) {
        Metrics.this.cache(cache, hit);
      }
    };
  }

  /** A cache lookup: CacheHits or CacheMisses by cache name, and the "Cache hit"/"Cache miss" log line. */
  public void cache(String cache, boolean hit) {
    count(hit ? "CacheHits" : "CacheMisses", 1, "Cache", cache);
  }

  /** A low-cardinality failure reason: the exception's simple class name. */
  public static String reason(Throwable error) {
    return error == null ? "unknown" : error.getClass().getSimpleName();
  }

  /** EMF dimension values: 1..1024 characters, printable. */
  private static String dimensionValue(String v) {
    if (v == null || v.isBlank()) {
      return "none";
    }
    String s = v.replaceAll("[^\\x20-\\x7e]", "_");
    return s.length() > 250 ? s.substring(0, 250) : s;
  }

  private static ThreadPoolExecutor writer() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
        DaemonThreads.named("emf-writer"),
        (r, executor) -> DROPPED.incrementAndGet()); // bounded: metrics never hold memory or block work
    return pool;
  }

  private static String namespace() {
    String ns = System.getenv("POWERTOOLS_METRICS_NAMESPACE");
    return ns == null || ns.isBlank() ? "EtoAudioBook" : ns;
  }

  /**
   * Off Lambda, the library's default environment sends to a CloudWatch agent that is not there:
   * metrics would vanish. Local (stdout) unless AWS_EMF_ENVIRONMENT says otherwise; the system
   * property etoaudiobook.emf=off silences the records (the aggregates still count).
   */
  private static boolean configureEnvironment() {
    if ("off".equals(System.getProperty("etoaudiobook.emf"))) {
      return false;
    }
    boolean lambda = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;
    String configured = System.getenv("AWS_EMF_ENVIRONMENT");
    if (!lambda && (configured == null || configured.isBlank())) {
      EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Local);
    }
    return true;
  }
}
