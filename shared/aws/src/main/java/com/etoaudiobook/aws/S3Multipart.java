package com.etoaudiobook.aws;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The S3 requests behind the upload streams ({@link S3UploadStream}, {@link S3HeadLastUpload}): one
 * object sent whole, or a multipart upload created at its first part, completed with its parts in
 * number order, aborted on any failure so no parts are left to be billed. Not thread-safe: the
 * streams call it under their own lock.
 */
final class S3Multipart {
  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final String contentType;
  private final List<CompletedPart> parts = new ArrayList<>();
  private String uploadId;

  S3Multipart(S3Client s3, String bucket, String key, String contentType) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.contentType = contentType;
  }

  String key() {
    return key;
  }

  /** True once a part was sent: the object must then be completed, not put. */
  boolean started() {
    return uploadId != null;
  }

  int partsSent() {
    return parts.size();
  }

  /** The whole object in one PutObject. */
  void put(byte[] data, int length) throws IOException {
    try {
      s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), body(data, length));
    } catch (RuntimeException e) {
      throw new IOException("upload of " + key + " failed", e);
    }
  }

  void uploadPart(int number, byte[] data, int length) throws IOException {
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

  /** The object appears, whole: S3 joins the parts by number, whatever order they were sent in. */
  void complete() throws IOException {
    try {
      parts.sort(Comparator.comparing(CompletedPart::partNumber));
      s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
          .multipartUpload(m -> m.parts(parts)));
    } catch (RuntimeException e) {
      abortQuietly(e);
      throw new IOException("upload of " + key + " failed", e);
    }
  }

  void abort() {
    if (uploadId != null) {
      String id = uploadId;
      uploadId = null;
      s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(id));
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
