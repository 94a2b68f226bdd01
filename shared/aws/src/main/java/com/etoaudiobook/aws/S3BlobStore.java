package com.etoaudiobook.aws;

import com.etoaudiobook.aws.internal.ContentDisposition;
import com.etoaudiobook.storage.BlobStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** The BlobStore on one S3 bucket, with presigned URLs for browsers. */
public final class S3BlobStore implements BlobStore, UrlSigner {
  /** The part size for streaming uploads: above S3's 5 MiB minimum, small enough for 512 MB Lambdas. */
  public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;
  static final String DEFAULT_TYPE = "application/octet-stream";
  private static final int MIN_PART_SIZE = 5 * 1024 * 1024;

  private final S3Client s3;
  /** Where the presigner comes from on the first signed URL (null: none); then kept in {@link #presigner}. */
  private final Supplier<S3Presigner> presignerSource;
  private volatile S3Presigner presigner;
  private final String bucket;
  private final int partSize;
  private final int listPageSize;

  public S3BlobStore(S3Client s3, S3Presigner presigner, String bucket) {
    this(s3, presigner, bucket, DEFAULT_PART_SIZE, 1000);
  }

  /**
   * @param presigner    may be null when no URLs are signed (workers)
   * @param partSize     multipart part size, at least 5 MiB
   * @param listPageSize keys per ListObjectsV2 page, 1..1000 (small values let tests cover paging)
   */
  public S3BlobStore(S3Client s3, S3Presigner presigner, String bucket, int partSize, int listPageSize) {
    this(s3, presigner == null ? null : () -> presigner, bucket, partSize, listPageSize);
  }

  /**
   * A store that builds its presigner on the first signed URL: the functions that only read and
   * write (the workers, the assembler, the inbox) then never build one at init (about 40 SDK
   * classes and a credentials chain).
   *
   * @param presigner asked once, on the first signed URL
   */
  public static S3BlobStore presigningOnDemand(S3Client s3, Supplier<S3Presigner> presigner, String bucket) {
    return new S3BlobStore(s3, Objects.requireNonNull(presigner), bucket, DEFAULT_PART_SIZE, 1000);
  }

  private S3BlobStore(S3Client s3, Supplier<S3Presigner> presigner, String bucket, int partSize, int listPageSize) {
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException("S3 parts are at least 5 MiB: " + partSize);
    }
    if (listPageSize < 1 || listPageSize > 1000) {
      throw new IllegalArgumentException("page size 1..1000: " + listPageSize);
    }
    this.s3 = Objects.requireNonNull(s3);
    this.presignerSource = presigner;
    this.bucket = Objects.requireNonNull(bucket);
    this.partSize = partSize;
    this.listPageSize = listPageSize;
  }

  /**
   * Aborts the multipart uploads begun before {@code before}: a writer killed half-way leaves its
   * parts stored (and billed) but invisible. In AWS a lifecycle rule does this after a day; the
   * local runtime calls it at start-up, when no upload of its own is in progress.
   *
   * @return how many were aborted
   */
  public int abortUploadsStartedBefore(java.time.Instant before) {
    int aborted = 0;
    String keyMarker = null;
    String idMarker = null;
    while (true) {
      String k = keyMarker;
      String id = idMarker;
      var page = s3.listMultipartUploads(r -> r.bucket(bucket).keyMarker(k).uploadIdMarker(id));
      for (var upload : page.uploads()) {
        if (upload.initiated() == null || upload.initiated().isBefore(before)) {
          s3.abortMultipartUpload(r -> r.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
          aborted++;
        }
      }
      if (!Boolean.TRUE.equals(page.isTruncated())) {
        return aborted;
      }
      keyMarker = page.nextKeyMarker();
      idMarker = page.nextUploadIdMarker();
    }
  }

  @Override
  public byte[] get(String key) {
    try {
      return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    } catch (S3Exception e) {
      if (notFound(e)) {
        return null;
      }
      throw e;
    }
  }

  @Override
  public void put(String key, byte[] data, String contentType) {
    s3.putObject(r -> r.bucket(bucket).key(key).contentType(type(contentType)), RequestBody.fromBytes(data));
  }

  @Override
  public boolean exists(String key) {
    try {
      s3.headObject(r -> r.bucket(bucket).key(key));
      return true;
    } catch (S3Exception e) {
      if (notFound(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public List<String> list(String prefix) {
    return list(prefix, null);
  }

  @Override
  public List<String> list(String prefix, String startAfter) {
    List<String> keys = new ArrayList<>();
    String token = null;
    do {
      // StartAfter on the first page only: later pages follow the token (S3 ignores StartAfter
      // beside a token, S3Proxy refuses the pair), in UTF-8 binary (lexical) order.
      ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
          .bucket(bucket).prefix(prefix).maxKeys(listPageSize);
      ListObjectsV2Response page = s3.listObjectsV2(token == null
          ? request.startAfter(startAfter).build() : request.continuationToken(token).build());
      for (S3Object o : page.contents()) {
        // Keys ending in '/' are folder markers (S3 console, S3Proxy's filesystem provider), never blobs.
        if (!o.key().endsWith("/")) {
          keys.add(o.key());
        }
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return keys;
  }

  @Override
  public void delete(String key) {
    s3.deleteObject(r -> r.bucket(bucket).key(key));
  }

  @Override
  public InputStream open(String key) {
    try {
      ResponseInputStream<GetObjectResponse> in = s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build());
      return in;
    } catch (S3Exception e) {
      if (notFound(e)) {
        throw new BlobNotFoundException(key);
      }
      throw e;
    }
  }

  /** A streaming upload; see {@link S3UploadStream} for visibility and abort. */
  @Override
  public S3UploadStream create(String key, String contentType) {
    return new S3UploadStream(s3, bucket, key, type(contentType), partSize);
  }

  /** Server-side copy: no bytes pass through this process (S3 allows up to 5 GB this way). */
  @Override
  public void copy(String from, String to, String contentType) {
    try {
      s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket).destinationKey(to)
          .metadataDirective(MetadataDirective.REPLACE).contentType(type(contentType)));
    } catch (S3Exception e) {
      if (notFound(e)) {
        throw new BlobNotFoundException(from);
      }
      throw e;
    }
  }

  /**
   * Signs a PUT of exactly {@code size} bytes. Content-Length and Content-Type are signed headers,
   * so S3 refuses a body of another size or type instead of storing whatever a client sends.
   */
  public String presignPut(String key, String contentType, long size, Duration ttl) {
    if (size < 0) {
      throw new IllegalArgumentException("size: " + size);
    }
    PutObjectRequest put = PutObjectRequest.builder().bucket(bucket).key(key)
        .contentType(type(contentType)).contentLength(size).build();
    return presigner().presignPutObject(r -> r.signatureDuration(ttl).putObjectRequest(put)).url().toString();
  }

  /** Signs a GET; with a file name the browser saves the object under it (ASCII and UTF-8 forms). */
  public String presignGet(String key, Duration ttl, String downloadFileName) {
    GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(bucket).key(key);
    if (downloadFileName != null && !downloadFileName.isBlank()) {
      get.responseContentDisposition(ContentDisposition.attachment(downloadFileName));
    }
    GetObjectRequest request = get.build();
    return presigner().presignGetObject(r -> r.signatureDuration(ttl).getObjectRequest(request)).url().toString();
  }

  @Override
  public String putUrl(String key, String contentType, long size, Duration ttl) {
    return presignPut(key, contentType, size, ttl);
  }

  @Override
  public String getUrl(String key, Duration ttl, String fileName) {
    return presignGet(key, ttl, fileName);
  }

  private S3Presigner presigner() {
    S3Presigner p = presigner;
    if (p == null) {
      if (presignerSource == null) {
        throw new IllegalStateException("this S3BlobStore was built without a presigner");
      }
      p = Objects.requireNonNull(presignerSource.get(), "presigner");
      presigner = p; // a race at most asks the source twice: it gives the same singleton
    }
    return p;
  }

  private static boolean notFound(S3Exception e) {
    // HEAD has no body, so a missing key there is only a 404, not NoSuchKey.
    // A missing bucket is a configuration error, never "no such object".
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    return e instanceof NoSuchKeyException || (e.statusCode() == 404 && !"NoSuchBucket".equals(code));
  }

  private static String type(String contentType) {
    return contentType == null || contentType.isBlank() ? DEFAULT_TYPE : contentType;
  }
}
