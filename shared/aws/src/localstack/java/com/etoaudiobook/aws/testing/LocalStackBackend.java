package com.etoaudiobook.aws.testing;

import com.etoaudiobook.aws.AwsClients;
import com.etoaudiobook.aws.AwsSettings;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** LocalStack through Testcontainers: used where a Docker engine exists (`mvn -Plocalstack verify`). */
public final class LocalStackBackend implements AwsTestBackend {
  private static LocalStackContainer container;

  @Override
  public synchronized AwsSettings start(String bucket) {
    if (container == null) {
      container = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.0"))
          .withServices(LocalStackContainer.Service.S3, LocalStackContainer.Service.SQS);
      container.start();
    }
    AwsSettings settings = AwsSettings.local(container.getEndpoint(), container.getEndpoint())
        .withCredentials(container.getAccessKey(), container.getSecretKey());
    try (var s3 = AwsClients.s3(settings)) {
      if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
        s3.createBucket(b -> b.bucket(bucket));
      }
    }
    return settings;
  }
}
