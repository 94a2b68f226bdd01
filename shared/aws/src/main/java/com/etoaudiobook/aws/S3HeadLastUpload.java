package com.etoaudiobook.aws;

import com.etoaudiobook.storage.HeadLastUpload;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;

/**
 * The S3 {@link HeadLastUpload}: a multipart upload whose first part (head + the body's first
 * {@code partSize} bytes, kept in memory) is sent last; S3 joins parts by number, not by arrival,
 * and only the last part may be under 5 MiB. The body's other parts go as they fill, so the book's
 * bytes are on their way while it is still being made. A body within one part is one PutObject.
 */
final class S3HeadLastUpload extends HeadLastUpload {
  private final S3Multipart upload;
  private final int partSize;
  private final byte[] first;
  private int firstFilled;
  private byte[] buffer;
  private int filled;
  private boolean finished;

  S3HeadLastUpload(S3Client s3, String bucket, String key, String contentType, int partSize) {
    this.upload = new S3Multipart(s3, bucket, key, contentType);
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
      throw new IOException("stream closed: " + upload.key());
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
        uploadPart(upload.partsSent() + 2, buffer, filled);
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
      throw new IOException("upload already finished: " + upload.key());
    }
    byte[] start = new byte[head.length + firstFilled];
    System.arraycopy(head, 0, start, 0, head.length);
    System.arraycopy(first, 0, start, head.length, firstFilled);
    try {
      if (!upload.started() && filled == 0) {
        upload.put(start, start.length);
      } else {
        if (filled > 0) {
          upload.uploadPart(upload.partsSent() + 2, buffer, filled);
        }
        upload.uploadPart(1, start, start.length);
        upload.complete();
      }
    } finally {
      finished = true; // whole, or aborted by the failed request
      buffer = null;
    }
  }

  @Override
  public synchronized void abort() {
    if (finished) {
      return;
    }
    finished = true;
    buffer = null;
    upload.abort();
  }

  private void uploadPart(int number, byte[] data, int length) throws IOException {
    try {
      upload.uploadPart(number, data, length);
    } catch (IOException e) {
      finished = true; // the upload was aborted
      throw e;
    }
  }
}
