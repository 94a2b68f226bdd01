package com.etoaudiobook.aws;

import com.etoaudiobook.storage.BlobUpload;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stream behind {@link S3BlobStore#create}: a streaming multipart upload holding at most one
 * part in memory. An object smaller than one part is sent with a single PutObject. The object
 * appears only when {@link #close()} completes the upload; {@link #abort()} (or any failed
 * request) aborts it so no parts are left to be billed. Its methods are synchronized: a writer
 * streaming on one thread may be aborted from another, which then waits for the request under way
 * (and never sees an upload id half made).
 */
public final class S3UploadStream extends BlobUpload {
  private static final int FIRST_BUFFER = 64 * 1024;

  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final String contentType;
  private final int partSize;
  private final List<CompletedPart> parts = new ArrayList<>();
  // Grows up to partSize, so small objects never allocate a whole part.
  private byte[] buffer = new byte[FIRST_BUFFER];
  private int filled;
  private String uploadId;
  private boolean finished;

  S3UploadStream(S3Client s3, String bucket, String key, String contentType, int partSize) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.contentType = contentType == null ? S3BlobStore.DEFAULT_TYPE : contentType;
    this.partSize = partSize;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    while (len > 0) {
      if (filled == partSize) {
        uploadPart();
      }
      if (filled == buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.min(partSize, buffer.length * 2));
      }
      int n = Math.min(len, buffer.length - filled);
      System.arraycopy(b, off, buffer, filled, n);
      filled += n;
      off += n;
      len -= n;
    }
  }

  /** Completes the upload: the object becomes visible, whole. */
  @Override
  public synchronized void close() throws IOException {
    if (finished) {
      return;
    }
    try {
      if (uploadId == null) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType),
            body());
      } else {
        if (filled > 0) {
          uploadPart();
        }
        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
            .multipartUpload(m -> m.parts(parts)));
      }
      finished = true;
      buffer = null;
    } catch (RuntimeException e) {
      abortQuietly(e);
      throw new IOException("upload of " + key + " failed", e);
    }
  }

  /** Drops everything written so far; the object is not created (an existing one is untouched). */
  @Override
  public synchronized void abort() {
    if (finished) {
      return;
    }
    finished = true;
    buffer = null;
    if (uploadId != null) {
      s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
    }
  }

  private void uploadPart() throws IOException {
    try {
      if (uploadId == null) {
        uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType)).uploadId();
      }
      int number = parts.size() + 1;
      String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
              .contentLength((long) filled),
          body()).eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      filled = 0;
    } catch (RuntimeException e) {
      abortQuietly(e);
      throw new IOException("upload of " + key + " failed at part " + (parts.size() + 1), e);
    }
  }

  /** The buffered bytes without a copy; the provider reopens them if the SDK retries. */
  private RequestBody body() {
    byte[] data = buffer;
    int length = filled;
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, length), length, contentType);
  }

  private void abortQuietly(RuntimeException cause) {
    try {
      abort();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private void ensureOpen() throws IOException {
    if (finished) {
      throw new IOException("stream closed: " + key);
    }
  }
}
