package com.etoaudiobook.local.embedded;

import com.etoaudiobook.aws.AwsSettings;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * S3 on the local disk: S3Proxy over jclouds' "filesystem" provider, listening on 127.0.0.1 only.
 * Each bucket is a folder under the data folder, so objects survive restarts.
 */
public final class EmbeddedS3 implements AutoCloseable {
  static {
    // S3Proxy logs CORS settings and Jetty's lifecycle at INFO on every start; keep the console for
    // the application. System properties read by slf4j-simple, set only if the user has not.
    System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.gaul", "warn");
  }

  private final S3Proxy proxy;
  private final BlobStoreContext context;
  private final URI endpoint;
  private final String bucket;
  private final String accessKeyId;
  private final String secretAccessKey;

  private EmbeddedS3(S3Proxy proxy, BlobStoreContext context, String bucket, String accessKeyId, String secretAccessKey) {
    this.proxy = proxy;
    this.context = context;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    this.bucket = bucket;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
  }

  /**
   * Starts with the fixed credentials of {@link AwsSettings#local}, so SigV4 signatures, and with
   * them presigned URLs' expiry and signed headers, are checked as AWS would.
   *
   * @param port 0 for a free port
   */
  public static EmbeddedS3 start(Path dataDir, int port, String bucket) {
    return start(dataDir, port, bucket, AwsSettings.LOCAL_KEY, AwsSettings.LOCAL_KEY);
  }

  /** Starts with these credentials, or anonymous (no signature checks) when accessKeyId is null. */
  public static EmbeddedS3 start(Path dataDir, int port, String bucket, String accessKeyId, String secretAccessKey) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Properties props = new Properties();
    props.setProperty("jclouds.filesystem.basedir", dataDir.toAbsolutePath().toString());
    BlobStoreContext context = ContextBuilder.newBuilder("filesystem").overrides(props).build(BlobStoreContext.class);
    context.getBlobStore().createContainerInLocation(null, bucket); // false, harmlessly, when it exists
    S3Proxy.Builder builder = S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:" + port));
    if (accessKeyId == null) {
      builder.awsAuthentication(AuthenticationType.NONE, null, null);
    } else {
      builder.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey);
    }
    S3Proxy proxy = builder.build();
    try {
      proxy.start();
      // start() returns before Jetty is listening
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!"STARTED".equals(proxy.getState())) {
        if ("FAILED".equals(proxy.getState()) || System.nanoTime() > deadline) {
          throw new IllegalStateException("S3Proxy did not start on port " + port + ": " + proxy.getState());
        }
        Thread.sleep(5);
      }
    } catch (Exception e) {
      stopQuietly(proxy);
      context.close();
      throw e instanceof RuntimeException r ? r : new IllegalStateException("S3Proxy did not start", e);
    }
    return new EmbeddedS3(proxy, context, bucket, accessKeyId, secretAccessKey);
  }

  public URI endpoint() {
    return endpoint;
  }

  public int port() {
    return endpoint.getPort();
  }

  public String bucket() {
    return bucket;
  }

  /** Settings for clients of this S3 alone (no SQS endpoint), with matching credentials. */
  public AwsSettings settings() {
    AwsSettings s = AwsSettings.local(endpoint, null);
    return accessKeyId == null ? s : s.withCredentials(accessKeyId, secretAccessKey);
  }

  @Override
  public void close() {
    stopQuietly(proxy);
    context.close();
  }

  private static void stopQuietly(S3Proxy proxy) {
    try {
      proxy.stop();
    } catch (Exception e) {
      System.getLogger(EmbeddedS3.class.getName()).log(System.Logger.Level.WARNING, "S3Proxy stop failed", e);
    }
  }
}
