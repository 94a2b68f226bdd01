package com.etoaudiobook.job;

import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.storage.BlobUpload;
import com.etoaudiobook.storage.HeadLastUpload;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A store that counts the reads (GETs) of each key and the probes (HEADs), over another: what a worker costs in S3 reads. */
public final class ReadCountingStore implements BlobStore {
  private final BlobStore store;
  private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
  private final AtomicInteger probes = new AtomicInteger();
  /** Reads of keys ending so take this long (S3's latency), so reads made together overlap; null for none. */
  public volatile String slowSuffix;

  public ReadCountingStore(BlobStore store) {
    this.store = store;
  }

  /** GETs of {@code key} so far. */
  public int reads(String key) {
    AtomicInteger n = reads.get(key);
    return n == null ? 0 : n.get();
  }

  @Override
  public byte[] get(String key) {
    reads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (slowSuffix != null && key.endsWith(slowSuffix)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return store.get(key);
  }

  @Override
  public void put(String key, byte[] data, String contentType) {
    store.put(key, data, contentType);
  }

  /** exists() calls (HEADs) so far, of any key. */
  public int probes() {
    return probes.get();
  }

  @Override
  public boolean exists(String key) {
    probes.incrementAndGet();
    return store.exists(key);
  }

  @Override
  public List<String> list(String prefix) {
    return store.list(prefix);
  }

  @Override
  public void delete(String key) {
    store.delete(key);
  }

  @Override
  public InputStream open(String key) {
    reads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    return store.open(key);
  }

  @Override
  public BlobUpload create(String key, String contentType) {
    return store.create(key, contentType);
  }

  @Override
  public HeadLastUpload createHeadLast(String key, String contentType) {
    return store.createHeadLast(key, contentType);
  }

  @Override
  public HeadLastUpload createHeadLast(String key, String contentType, int headLength) {
    return store.createHeadLast(key, contentType, headLength);
  }
}
