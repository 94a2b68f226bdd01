package com.etoaudiobook.aws;

import com.etoaudiobook.storage.HeadLastUpload;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The S3 {@link HeadLastUpload}: a multipart upload whose first part (head + the body's first
 * {@code partSize} bytes, kept in memory) is sent last; S3 joins parts by number, not by arrival,
 * and only the last part may be under 5 MiB. The body's other parts go as they fill, so the book's
 * bytes are on their way while it is still being made. A body within one part is one PutObject.
 */
final class S3HeadLastUpload extends HeadLastUpload {
  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final String contentType;
  private final int partSize;
  private final List<CompletedPart> parts = new ArrayList<>();
  private final byte[] first;
  private int firstFilled;
  private byte[] buffer;
  private int filled;
  private String uploadId;
  private boolean finished;

  S3HeadLastUpload(S3Client s3, String bucket, String key, String contentType, int partSize) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.contentType = contentType;
    this.partSize = partSize;
    this.first = new byte[partSize];
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    if (finished) {
      throw new IOException("stream closed: " + key);
    }
    int n = Math.min(len, partSize - firstFilled);
    System.arraycopy(b, off, first, firstFilled, n);
    firstFilled += n;
    off += n;
    len -= n;
    while (len > 0) {
      if (buffer == null) {
        buffer = new byte[partSize];
      }
      if (filled == partSize) {
        uploadPart(parts.size() + 2, buffer, filled);
        filled = 0;
      }
      int m = Math.min(len, partSize - filled);
      System.arraycopy(b, off, buffer, filled, m);
      filled += m;
      off += m;
      len -= m;
    }
  }

  @Override
  public synchronized void close(byte[] head) throws IOException {
    if (finished) {
      throw new IOException("upload already finished: " + key);
    }
    byte[] start = new byte[head.length + firstFilled];
    System.arraycopy(head, 0, start, 0, head.length);
    System.arraycopy(first, 0, start, head.length, firstFilled);
    try {
      if (uploadId == null && filled == 0) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), body(start, start.length));
      } else {
        if (filled > 0) {
          uploadPart(parts.size() + 2, buffer, filled);
        }
        uploadPart(1, start, start.length);
        parts.sort(Comparator.comparing(CompletedPart::partNumber));
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

  private void uploadPart(int number, byte[] data, int length) throws IOException {
    try {
      if (uploadId == null) {
        uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType)).uploadId();
      }
      String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
          .contentLength((long) length), body(data, length)).eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    } catch (RuntimeException e) {
      abortQuietly(e);
      throw new IOException("upload of " + key + " failed at part " + number, e);
    }
  }

  /** The bytes without a copy; the provider reopens them if the SDK retries. */
  private RequestBody body(byte[] data, int length) {
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, length), length, contentType);
  }

  private void abortQuietly(RuntimeException cause) {
    try {
      abort();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
