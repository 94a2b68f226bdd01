package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.aws.AwsClients;
import com.etoaudiobook.aws.AwsSettings;
import com.etoaudiobook.aws.PollyEngine;
import com.etoaudiobook.aws.S3BlobStore;
import com.etoaudiobook.aws.Settings;
import com.etoaudiobook.aws.SqsWorkQueue;
import com.etoaudiobook.job.WorkQueue;
import com.etoaudiobook.storage.BlobStore;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.polly.PollyClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.Optional;

/**
 * The SDK clients and the storage and queue over them, each built on first use (a function that
 * never sends to SQS never builds an SQS client). A context given its own store or queue (the
 * CLI's folder, a test's) builds none of these.
 */
@Factory
public class AwsClientFactory {
  /**
   * After the handler's init warm-up (the same TLS set-up and SDK classes): building beside it
   * would have the two threads take turns on each class's lock.
   */
  @Singleton
  @Bean(preDestroy = "close")
  S3Client s3(AwsSettings aws, Optional<InitWarmUp> warmUp) {
    warmUp.ifPresent(InitWarmUp::join);
    return AwsClients.s3(aws);
  }

  @Singleton
  @Bean(preDestroy = "close")
  S3Presigner presigner(AwsSettings aws) {
    return AwsClients.presigner(aws);
  }

  @Singleton
  @Bean(preDestroy = "close")
  SqsClient sqs(AwsSettings aws) {
    return AwsClients.sqs(aws);
  }

  /**
   * Only where the engine is Polly (SPEECH_PROVIDER=polly, the default): the API's context builds
   * every singleton at init, and an eSpeak NG build has no use for a Polly client.
   */
  @Singleton
  @Requires(property = "speech.provider", value = PollyEngine.PROVIDER, defaultValue = PollyEngine.PROVIDER)
  @Bean(preDestroy = "close")
  PollyClient polly(AwsSettings aws) {
    return AwsClients.polly(aws);
  }

  /**
   * The data bucket: the store and, through presigned URLs, the browser's way in and out. The
   * presigner is built on the first signed URL: the SQS and S3 functions sign none. (The API's
   * context builds every singleton at init, the presigner among them.)
   */
  @Singleton
  @Requires(missingBeans = BlobStore.class)
  S3BlobStore blobs(S3Client s3, BeanProvider<S3Presigner> presigner, Settings settings) {
    return S3BlobStore.presigningOnDemand(s3, presigner::get, settings.bucket());
  }

  /** The SQS client is built on the first send (the worker's init needs none: SqsWorkQueue). */
  @Singleton
  @Requires(missingBeans = WorkQueue.class)
  SqsWorkQueue queue(BeanProvider<SqsClient> sqs, Settings settings) {
    return new SqsWorkQueue(sqs::get, settings.synthesisQueueUrl(), settings.assemblyQueueUrl());
  }
}
