package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.aws.S3BlobStore;
import com.etoaudiobook.storage.BlobStore;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store builds its presigner on the first signed URL, so the functions that sign none (the
 * workers, the assembler, the inbox) never build one at init. Signing is local: no request is sent.
 */
class AwsClientFactoryTest {
  @Test
  void presignerBuiltOnTheFirstSignedUrlOnly() {
    try (ApplicationContext beans = BeanGraph.start(Map.of("DATA_BUCKET", "data", "AWS_REGION", "us-east-1",
        "S3_ENDPOINT", "http://127.0.0.1:9"))) {
      BlobStore store = beans.getBean(BlobStore.class);
      assertEquals(0, beans.getActiveBeanRegistrations(S3Presigner.class).size(), "no presigner before a URL is signed");

      String url = ((S3BlobStore) store).presignGet("books/b1/book.json", Duration.ofMinutes(5), null);
      assertTrue(url.startsWith("http://127.0.0.1:9/data/books/b1/book.json?"), url);
      assertTrue(url.contains("X-Amz-Signature="), url);
      assertEquals(1, beans.getActiveBeanRegistrations(S3Presigner.class).size(), "the context's one presigner");
      ((S3BlobStore) store).presignGet("books/b1/other.json", Duration.ofMinutes(5), null);
      assertEquals(1, beans.getActiveBeanRegistrations(S3Presigner.class).size(), "kept, not built again");
    }
  }
}
