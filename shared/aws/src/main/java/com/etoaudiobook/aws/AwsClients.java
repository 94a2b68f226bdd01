package com.etoaudiobook.aws;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.polly.PollyClient;
import software.amazon.awssdk.services.polly.PollyClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.net.URI;
import java.time.Duration;

/**
 * Builds the SDK clients from {@link AwsSettings}. Always the URL-connection HTTP client: it starts
 * fastest in Lambda and the module excludes Apache and Netty.
 */
public final class AwsClients {
  private AwsClients() {
  }

  public static S3Client s3(AwsSettings settings) {
    S3ClientBuilder b = S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials(settings))
        .overrideConfiguration(o -> o.addExecutionInterceptor(StorageRequests.INSTANCE))
        .forcePathStyle(settings.pathStyle());
    if (settings.s3Endpoint() != null) {
      // S3Proxy 2.6.0 rejects the SDK's default CRC32 trailers and checksum-mode requests.
      b.endpointOverride(settings.s3Endpoint())
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return b.build();
  }

  /**
   * Builds and closes an S3 client over its own HTTP client, with no settings: the first HTTP
   * client's TLS set-up (the JDK's trust store and JSSE, cached for every later one) and the SDK's
   * client classes, the bulk of building the real clients (an init warm-up step; it sends nothing).
   */
  public static void warmUp() {
    try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
      S3Client.builder().httpClient(http).region(Region.US_EAST_1)
          .credentialsProvider(AnonymousCredentialsProvider.create()).build().close();
    }
  }

  public static S3Presigner presigner(AwsSettings settings) {
    S3Presigner.Builder b = S3Presigner.builder()
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials(settings))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
    if (settings.s3Endpoint() != null) {
      b.endpointOverride(settings.s3Endpoint());
    }
    return b.build();
  }

  public static SqsClient sqs(AwsSettings settings) {
    SqsClientBuilder b = SqsClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials(settings));
    if (settings.sqsEndpoint() != null) {
      b.endpointOverride(settings.sqsEndpoint());
    }
    return b.build();
  }

  /** Attempts per Polly call (first try included) before a part is handed back to the queue. */
  public static final int POLLY_MAX_ATTEMPTS = 4;

  public static PollyClient polly(AwsSettings settings) {
    return polly(settings, POLLY_MAX_ATTEMPTS, Duration.ofMillis(100), Duration.ofSeconds(5));
  }

  /**
   * Polly with a retry strategy for what a retry can fix at once: 5xx and broken connections, with
   * jittered exponential backoff. Throttling is not retried here: {@link PollyEngine} waits for a
   * slot of its rate limiter before every call, a throttled call included, so retries never add
   * load past the quota. No retry circuit breaker: it failed parts after a single attempt once its
   * retry quota was spent.
   *
   * @param maxAttempts attempts per call, first try included
   * @param baseDelay   first backoff delay
   * @param maxDelay    longest backoff delay
   */
  public static PollyClient polly(AwsSettings settings, int maxAttempts, Duration baseDelay, Duration maxDelay) {
    RetryStrategy retry = DefaultRetryStrategy.standardStrategyBuilder()
        .maxAttempts(maxAttempts)
        .backoffStrategy(BackoffStrategy.exponentialDelay(baseDelay, maxDelay))
        .retryOnException(AwsClients::retryableAtOnce)
        .useClientDefaults(false) // else the client adds its own conditions, throttling among them
        .circuitBreakerEnabled(false)
        .build();
    PollyClientBuilder b = PollyClient.builder()
        // a call with its retries ends within the time PollyEngine keeps back for it before a deadline
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(retry)
            .apiCallAttemptTimeout(Duration.ofSeconds(8))
            .apiCallTimeout(Duration.ofMillis(PollyEngine.CALL_RESERVE_MILLIS - 1000)).build())
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(settings.region()))
        .credentialsProvider(pollyCredentials(settings));
    if (settings.pollyEndpoint() != null) {
      b.endpointOverride(settings.pollyEndpoint());
    }
    return b.build();
  }

  /** A server error or a broken connection; never throttling (paced by the engine instead). */
  static boolean retryableAtOnce(Throwable e) {
    if (e instanceof AwsServiceException s) {
      return s.statusCode() >= 500 && !RetryUtils.isThrottlingException(s);
    }
    return e instanceof SdkClientException;
  }

  /**
   * Polly always signs with real credentials (the default chain) unless the settings carry static
   * ones; against a stand-in on this machine (POLLY_ENDPOINT on a loopback address) dummies do when
   * the chain has none, so the local runtime can run on a Polly stub without an AWS account.
   */
  static AwsCredentialsProvider pollyCredentials(AwsSettings settings) {
    if (settings.accessKeyId() != null && !settings.local()) {
      return credentials(settings);
    }
    AwsCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
    URI endpoint = settings.pollyEndpoint();
    if (endpoint != null && endpoint.getHost() != null
        && (endpoint.getHost().equals("127.0.0.1") || endpoint.getHost().equals("localhost"))) {
      return AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(chain,
          StaticCredentialsProvider.create(AwsBasicCredentials.create(AwsSettings.LOCAL_KEY, AwsSettings.LOCAL_KEY)))
          .build();
    }
    return chain;
  }

  private static AwsCredentialsProvider credentials(AwsSettings settings) {
    if (settings.accessKeyId() != null) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
