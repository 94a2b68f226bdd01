package com.etoaudiobook.local.embedded;

import com.etoaudiobook.aws.AwsClients;
import com.etoaudiobook.aws.S3BlobStore;
import com.etoaudiobook.aws.SqsWorkQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded services start, keep data where promised, and are configured like the template. */
class EmbeddedServicesTest {
  @TempDir
  Path data;

  @Test
  void s3KeepsObjectsAcrossRestartsAndChecksSignatures() throws Exception {
    byte[] body = "kept".getBytes(StandardCharsets.UTF_8);
    try (EmbeddedS3 s3 = EmbeddedS3.start(data, 0, "etoaudiobook-data");
         S3Client client = AwsClients.s3(s3.settings());
         S3Presigner presigner = AwsClients.presigner(s3.settings())) {
      S3BlobStore store = new S3BlobStore(client, presigner, s3.bucket());
      store.put("books/b1/book.json", body, "application/json");
      String url = store.putUrl("uploads/u/x.txt", "text/plain", 3, Duration.ofMinutes(1));
      HttpResponse<String> wrongSize = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("four")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(403, wrongSize.statusCode());
    }
    try (EmbeddedS3 s3 = EmbeddedS3.start(data, 0, "etoaudiobook-data");
         S3Client client = AwsClients.s3(s3.settings())) {
      assertArrayEquals(body, new S3BlobStore(client, null, s3.bucket()).get("books/b1/book.json"));
    }
  }

  @Test
  void sqsQueuesHaveVisibilityTimeoutAndRedrive() {
    try (EmbeddedSqs sqs = EmbeddedSqs.start(0, EmbeddedSqs.defaultQueues(Duration.ofSeconds(120), 3));
         SqsClient client = AwsClients.sqs(sqs.settings())) {
      var attributes = client.getQueueAttributes(r -> r.queueUrl(sqs.queueUrl(EmbeddedSqs.SYNTHESIS))
          .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
      assertEquals("120", attributes.get("VisibilityTimeout"));
      assertTrue(attributes.get("RedrivePolicy").contains("synthesis-dlq"), attributes.toString());
      assertTrue(sqs.queueUrl(EmbeddedSqs.ASSEMBLY + "-dlq").startsWith(sqs.endpoint().toString()));

      new SqsWorkQueue(client, sqs.queueUrl(EmbeddedSqs.SYNTHESIS), sqs.queueUrl(EmbeddedSqs.ASSEMBLY)).enqueueAssembly("j1");
      assertEquals("{\"jobId\":\"j1\"}", client.receiveMessage(r -> r.queueUrl(sqs.queueUrl(EmbeddedSqs.ASSEMBLY))
          .waitTimeSeconds(2)).messages().get(0).body());
    }
  }
}
