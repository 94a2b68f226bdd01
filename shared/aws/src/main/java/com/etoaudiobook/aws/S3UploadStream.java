package com.etoaudiobook.aws;

import com.etoaudiobook.storage.BlobUpload;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.util.Arrays;

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

  private final S3Multipart upload;
  private final int partSize;
  // Grows up to partSize, so small objects never allocate a whole part.
  private byte[] buffer = new byte[FIRST_BUFFER];
  private int filled;
  private boolean finished;

  S3UploadStream(S3Client s3, String bucket, String key, String contentType, int partSize) {
    this.upload = new S3Multipart(s3, bucket, key, contentType == null ? S3BlobStore.DEFAULT_TYPE : contentType);
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
      if (!upload.started()) {
        upload.put(buffer, filled);
      } else {
        if (filled > 0) {
          uploadPart();
        }
        upload.complete();
      }
    } finally {
      finished = true; // whole, or aborted by the failed request
      buffer = null;
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
    upload.abort();
  }

  private void uploadPart() throws IOException {
    try {
      upload.uploadPart(upload.partsSent() + 1, buffer, filled);
      filled = 0;
    } catch (IOException e) {
      finished = true; // the upload was aborted
      throw e;
    }
  }

  private void ensureOpen() throws IOException {
    if (finished) {
      throw new IOException("stream closed: " + upload.key());
    }
  }
}
