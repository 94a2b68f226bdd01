package com.etoaudiobook.aws;

import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * Where the AWS clients point. In Lambda only the region is set and everything else comes from
 * the runtime; with an S3 or SQS endpoint the clients run in local mode against S3Proxy/ElasticMQ.
 *
 * @param region          AWS region id
 * @param s3Endpoint      S3 endpoint override, or null
 * @param sqsEndpoint     SQS endpoint override, or null
 * @param pollyEndpoint   Polly endpoint override (a stand-in server in tests), or null
 * @param pathStyle       path-style S3 addressing (S3Proxy has no virtual-host buckets)
 * @param accessKeyId     static credentials, or null for the default provider chain
 * @param secretAccessKey static credentials, or null
 */
public record AwsSettings(String region, URI s3Endpoint, URI sqsEndpoint, URI pollyEndpoint,
                          boolean pathStyle, String accessKeyId, String secretAccessKey) {
  public static final String DEFAULT_REGION = "us-east-1";
  /** Credentials sent to local emulators, which accept anything unless told otherwise. */
  public static final String LOCAL_KEY = "local";

  public AwsSettings {
    if (region == null || region.isBlank()) {
      region = DEFAULT_REGION;
    }
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      throw new IllegalArgumentException("give both access key id and secret, or neither");
    }
  }

  /** Local emulators: path-style S3 and dummy static credentials. */
  public static AwsSettings local(URI s3Endpoint, URI sqsEndpoint) {
    return new AwsSettings(DEFAULT_REGION, s3Endpoint, sqsEndpoint, null, true, LOCAL_KEY, LOCAL_KEY);
  }

  /** Reads AWS_REGION (default us-east-1), S3_ENDPOINT, SQS_ENDPOINT and POLLY_ENDPOINT through {@code env} (by name). */
  public static AwsSettings from(UnaryOperator<String> env) {
    URI s3 = uri(env.apply("S3_ENDPOINT"));
    URI sqs = uri(env.apply("SQS_ENDPOINT"));
    URI polly = uri(env.apply("POLLY_ENDPOINT"));
    String region = env.apply("AWS_REGION");
    if (s3 == null && sqs == null) {
      return new AwsSettings(region, null, null, polly, false, null, null);
    }
    // Local mode: take explicit keys when given (an S3Proxy with fixed credentials), else dummies.
    String id = env.apply("AWS_ACCESS_KEY_ID");
    String secret = env.apply("AWS_SECRET_ACCESS_KEY");
    boolean keys = id != null && !id.isBlank() && secret != null && !secret.isBlank();
    return new AwsSettings(region, s3, sqs, polly, true, keys ? id : LOCAL_KEY, keys ? secret : LOCAL_KEY);
  }

  /** True when talking to local emulators rather than AWS. */
  public boolean local() {
    return s3Endpoint != null || sqsEndpoint != null;
  }

  public AwsSettings withCredentials(String accessKeyId, String secretAccessKey) {
    return new AwsSettings(region, s3Endpoint, sqsEndpoint, pollyEndpoint, pathStyle, accessKeyId, secretAccessKey);
  }

  private static URI uri(String value) {
    return value == null || value.isBlank() ? null : URI.create(value.trim());
  }
}
