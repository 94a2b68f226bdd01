package com.etoaudiobook.local.embedded;

import com.etoaudiobook.aws.AwsClients;
import com.etoaudiobook.aws.AwsSettings;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQS in memory: ElasticMQ on 127.0.0.1, with the queues created as the SAM template declares them
 * (visibility timeout, and a dead-letter queue with a redrive policy).
 */
public final class EmbeddedSqs implements AutoCloseable {
  public static final String SYNTHESIS = "synthesis";
  public static final String ASSEMBLY = "assembly";
  public static final String REGION = AwsSettings.DEFAULT_REGION;
  public static final String ACCOUNT = "000000000000";

  /**
   * One queue; with maxReceiveCount > 0 it gets a dead-letter queue named {@code name-dlq}.
   */
  public record QueueSpec(String name, Duration visibilityTimeout, int maxReceiveCount) {
    public String dlqName() {
      return name + "-dlq";
    }
  }

  private final SQSRestServer server;
  private final ActorSystem actors;
  private final URI endpoint;
  private final SqsClient sqs;
  private final Map<String, String> urls = new LinkedHashMap<>();

  private EmbeddedSqs(SQSRestServer server, ActorSystem actors, URI endpoint) {
    this.server = server;
    this.actors = actors;
    this.endpoint = endpoint;
    this.sqs = AwsClients.sqs(AwsSettings.local(null, endpoint));
  }

  /** The synthesis and assembly queues, each with a DLQ. */
  public static List<QueueSpec> defaultQueues(Duration visibilityTimeout, int maxReceiveCount) {
    return List.of(new QueueSpec(SYNTHESIS, visibilityTimeout, maxReceiveCount),
        new QueueSpec(ASSEMBLY, visibilityTimeout, maxReceiveCount));
  }

  /** @param port 0 for a free port */
  public static EmbeddedSqs start(int port, List<QueueSpec> queues) {
    int p = port == 0 ? freePort() : port;
    // The server address is what ElasticMQ writes into queue URLs; make it the real one.
    // Pekko's default answer to a fatal error (an OutOfMemoryError on any of its threads, even one another
    // part of this JVM caused) is System.exit: the whole local runtime would die with the queue.
    ActorSystem actors = ActorSystem.create("elasticmq", ConfigFactory
        .parseString("pekko.jvm-exit-on-fatal-error = off").withFallback(ConfigFactory.load()));
    SQSRestServer server = SQSRestServerBuilder.withActorSystem(actors).withInterface("127.0.0.1").withPort(p)
        .withServerAddress(new NodeAddress("http", "127.0.0.1", p, ""))
        .withAWSRegion(REGION).withAWSAccountId(ACCOUNT)
        .start();
    server.waitUntilStarted();
    EmbeddedSqs sqs = new EmbeddedSqs(server, actors, URI.create("http://127.0.0.1:" + p));
    try {
      queues.forEach(sqs::createQueue);
    } catch (RuntimeException e) {
      sqs.close();
      throw e;
    }
    return sqs;
  }

  /** Creates a queue (and its DLQ); returns its URL. */
  public String createQueue(QueueSpec spec) {
    Map<String, String> attributes = new HashMap<>();
    attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT.toString(),
        Long.toString(spec.visibilityTimeout().toSeconds()));
    if (spec.maxReceiveCount() > 0) {
      String dlqUrl = create(spec.dlqName(), Map.of());
      String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
          .attributes().get(QueueAttributeName.QUEUE_ARN);
      attributes.put(QueueAttributeName.REDRIVE_POLICY.toString(),
          "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":" + spec.maxReceiveCount() + "}");
    }
    return create(spec.name(), attributes);
  }

  private String create(String name, Map<String, String> attributes) {
    String url = sqs.createQueue(r -> r.queueName(name).attributesWithStrings(attributes)).queueUrl();
    synchronized (urls) {
      urls.put(name, url);
    }
    return url;
  }

  public String queueUrl(String name) {
    synchronized (urls) {
      String url = urls.get(name);
      if (url == null) {
        throw new IllegalArgumentException("no queue " + name + "; have " + urls.keySet());
      }
      return url;
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Settings for clients of this SQS alone (no S3 endpoint). */
  public AwsSettings settings() {
    return AwsSettings.local(null, endpoint);
  }

  @Override
  public void close() {
    sqs.close();
    server.stopAndWait();
    actors.terminate(); // ours, not ElasticMQ's: it stops only what it started
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
