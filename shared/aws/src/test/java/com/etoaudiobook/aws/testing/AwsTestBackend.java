package com.etoaudiobook.aws.testing;

import com.etoaudiobook.aws.AwsSettings;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Where the S3 and SQS tests find their services. Tests reach S3 and SQS only through endpoints,
 * so the same tests run against the embedded S3Proxy and ElasticMQ (the default, everywhere) or
 * against LocalStack in Docker (the `localstack` Maven profile adds that backend).
 */
public interface AwsTestBackend {
  /** Endpoints and credentials of a running S3 and SQS; the bucket {@code bucket} exists. */
  AwsSettings start(String bucket);

  /** The backend a Maven profile put on the test classpath, if any. */
  static Optional<AwsTestBackend> external() {
    return ServiceLoader.load(AwsTestBackend.class).findFirst();
  }
}
