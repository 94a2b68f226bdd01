package com.etoaudiobook.api;

import com.etoaudiobook.job.synthesis.CacheKey;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.storage.BlobStore;
import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Idempotency-Key of POST /api/jobs: a client that retries a request it never saw answered
 * (a timeout, a dropped connection) gets the job the first request made instead of a second job
 * billed again. The key and a hash of the request body are kept for a day under idempotency/; the
 * same key with another body is refused (422), since it cannot mean the same request.
 */
final class IdempotencyKeys {
  static final String PREFIX = "idempotency/";
  static final Duration TTL = Duration.ofHours(24);

  /** What a key was used for: the request's hash, the job it made, and when. */
  record Entry(String requestHash, String jobId, long createdAt) {
  }

  private final BlobStore blobs;
  /** Requests with one key in this process run one at a time, so concurrent retries make one job. */
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  IdempotencyKeys(BlobStore blobs) {
    this.blobs = blobs;
  }

  /**
   * The job made for this key and body, made now by {@code create} when the key is new (or absent).
   *
   * @throws ApiException 400 for a malformed key, 422 for a key used with another body
   */
  String jobFor(String key, Object body, Supplier<String> create) {
    if (key == null) {
      return create.get();
    }
    if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw ApiException.badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters");
    }
    String hash = CacheKey.sha256(Json.write(body));
    String objectKey = PREFIX + CacheKey.sha256(key) + ".json";
    Object lock = locks.computeIfAbsent(objectKey, k -> new Object());
    try {
      synchronized (lock) {
        byte[] stored = blobs.get(objectKey);
        Entry entry = stored == null ? null : Json.read(stored, Entry.class);
        if (entry != null && System.currentTimeMillis() - entry.createdAt() < TTL.toMillis()) {
          if (!entry.requestHash().equals(hash)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY,
                "Idempotency-Key was already used with a different request body");
          }
          return entry.jobId();
        }
        String jobId = create.get();
        blobs.put(objectKey, Json.write(new Entry(hash, jobId, System.currentTimeMillis())), "application/json");
        return jobId;
      }
    } finally {
      locks.remove(objectKey, lock);
    }
  }
}
