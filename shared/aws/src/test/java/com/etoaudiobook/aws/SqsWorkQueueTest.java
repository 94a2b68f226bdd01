package com.etoaudiobook.aws;

import com.etoaudiobook.job.synthesis.PartSpec;
import com.etoaudiobook.json.Json;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SqsWorkQueue against a real ElasticMQ speaking the SDK's SQS JSON protocol. */
class SqsWorkQueueTest {
  static SQSRestServer server;
  static SqsClient sqs;
  static String synthesis;
  static String assembly;

  @BeforeAll
  static void start() {
    var external = com.etoaudiobook.aws.testing.AwsTestBackend.external();
    if (external.isPresent()) {
      sqs = AwsClients.sqs(external.get().start("etoaudiobook-test"));
      synthesis = sqs.createQueue(r -> r.queueName("synthesis")).queueUrl();
      assembly = sqs.createQueue(r -> r.queueName("assembly")).queueUrl();
      return;
    }
    server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    int port = server.waitUntilStarted().localAddress().getPort();
    sqs = AwsClients.sqs(AwsSettings.local(null, URI.create("http://127.0.0.1:" + port)));
    synthesis = sqs.createQueue(r -> r.queueName("synthesis")).queueUrl();
    assembly = sqs.createQueue(r -> r.queueName("assembly")).queueUrl();
  }

  @AfterAll
  static void stop() {
    sqs.close();
    if (server != null) {
      server.stopAndWait();
    }
  }

  @Test
  void partsBecomeOneMessageEach() {
    List<PartSpec> parts = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      parts.add(new PartSpec("job1", i, i / 3, 0, "Text of part " + i + " — «ünïcode»", "Narrator", null,
          "Joanna", "neural", 1.0, 0, "cache" + i));
    }
    new SqsWorkQueue(sqs, synthesis, assembly).enqueueParts(parts);

    List<String> bodies = receiveAll(synthesis, 25);
    List<String> expected = parts.stream().map(Json::writeString).sorted().toList();
    assertEquals(expected, bodies.stream().sorted().toList());
    assertEquals(parts.get(7), Json.read(expected.get(expected.indexOf(Json.writeString(parts.get(7)))), PartSpec.class));
  }

  @Test
  void assemblyMessageCarriesTheJobId() {
    new SqsWorkQueue(sqs, synthesis, assembly).enqueueAssembly("job-42");
    List<String> bodies = receiveAll(assembly, 1);
    assertEquals(Map.of("jobId", "job-42"), Json.read(bodies.get(0), Map.class));
  }

  private static List<String> receiveAll(String queueUrl, int count) {
    List<String> bodies = new ArrayList<>();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (bodies.size() < count && System.nanoTime() < deadline) {
      for (Message m : sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
        bodies.add(m.body());
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
    assertEquals(count, bodies.size());
    return bodies;
  }
}
