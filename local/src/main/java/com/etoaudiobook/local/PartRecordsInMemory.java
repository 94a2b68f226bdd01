package com.etoaudiobook.local;

import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.storage.BlobUpload;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.storage.HeadLastUpload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * The CLI's folder store with the jobs' part records (jobs/{id}/parts/*: frames, marks, the "done"
 * marker) kept in memory. A conversion's job lives as long as its process (its folder is thrown
 * away at the end; a rerun starts a new job and finds the audio in the cache), so the records need
 * no file: a file each was a third of the files a conversion creates, and on this machine's ext4
 * (no journal) creating one scans the inodes deleted in the last minutes (0.4 ms each after a
 * previous conversion was removed, perf: 4.6 % of a conversion's CPU went to creating files).
 * Everything else, the synthesis cache and the outputs above all, stays in the folder; the cache's
 * entries, given a {@link CachePack}, in one file per run.
 */
final class PartRecordsInMemory implements BlobStore {
  private static final Pattern RECORD = Pattern.compile("jobs/[^/]+/parts/.*");
  private final FileBlobStore files;
  private final ConcurrentSkipListMap<String, byte[]> records = new ConcurrentSkipListMap<>();
  /** The synthesis cache's entries, a file per run instead of per part; null: each in a file of its own. */
  private final CachePack pack;

  PartRecordsInMemory(FileBlobStore files) {
    this(files, null);
  }

  /** @param pack where the synthesis cache's entries are written (those in files of their own are still read) */
  PartRecordsInMemory(FileBlobStore files, CachePack pack) {
    this.files = files;
    this.pack = pack;
  }

  private boolean packed(String key) {
    return pack != null && CachePack.holds(key);
  }

  /** The folder behind everything that is not a part record. */
  FileBlobStore files() {
    return files;
  }

  private static boolean inMemory(String key) {
    return RECORD.matcher(key).matches();
  }

  /** Forgets a job's records (its folder is removed beside). */
  void forget(String jobPrefix) {
    records.subMap(jobPrefix, jobPrefix + Character.MAX_VALUE).clear();
  }

  @Override
  public byte[] get(String key) {
    if (packed(key)) {
      byte[] entry = pack.get(key);
      return entry != null ? entry : files.get(key); // an entry an earlier version stored in a file
    }
    if (!inMemory(key)) {
      return files.get(key);
    }
    byte[] data = records.get(key);
    return data == null ? null : data.clone(); // as a file's bytes: the caller's to change
  }

  @Override
  public void put(String key, byte[] data, String contentType) {
    if (packed(key)) {
      pack.put(key, data);
    } else if (inMemory(key)) {
      records.put(key, data.clone());
    } else {
      files.put(key, data, contentType);
    }
  }

  @Override
  public boolean exists(String key) {
    if (packed(key)) {
      return pack.exists(key) || files.exists(key);
    }
    return inMemory(key) ? records.containsKey(key) : files.exists(key);
  }

  @Override
  public List<String> list(String prefix) {
    List<String> keys = new ArrayList<>(files.list(prefix));
    List<String> packed = pack == null ? List.of() : pack.list(prefix);
    if (!packed.isEmpty()) {
      keys.addAll(packed);
      keys = new ArrayList<>(new TreeSet<>(keys));
    }
    int before = keys.size();
    keys.addAll(records.subMap(prefix, prefix + Character.MAX_VALUE).keySet());
    if (before > 0 && keys.size() > before) {
      keys.sort(null);
    }
    return keys;
  }

  @Override
  public void delete(String key) {
    if (packed(key)) {
      pack.delete(key);
      files.delete(key);
    } else if (inMemory(key)) {
      records.remove(key);
    } else {
      files.delete(key);
    }
  }

  @Override
  public InputStream open(String key) {
    byte[] entry = packed(key) ? pack.get(key) : null;
    if (entry != null) {
      return new ByteArrayInputStream(entry);
    }
    if (!inMemory(key)) {
      return files.open(key);
    }
    byte[] data = records.get(key);
    if (data == null) {
      throw new BlobNotFoundException(key);
    }
    return new ByteArrayInputStream(data);
  }

  @Override
  public BlobUpload create(String key, String contentType) {
    if (!inMemory(key) && !packed(key)) {
      return files.create(key, contentType);
    }
    return new BlobUpload() {
      private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      private boolean finished;

      @Override
      public void write(int b) {
        buffer.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        buffer.write(b, off, len);
      }

      @Override
      public void close() {
        if (!finished) {
          finished = true;
          PartRecordsInMemory.this.put(key, buffer.toByteArray(), contentType);
        }
      }

      @Override
      public void abort() {
        finished = true;
      }
    };
  }

  @Override
  public HeadLastUpload createHeadLast(String key, String contentType) {
    return files.createHeadLast(inFolder(key), contentType);
  }

  @Override
  public HeadLastUpload createHeadLast(String key, String contentType, int headLength) {
    return files.createHeadLast(inFolder(key), contentType, headLength);
  }

  /** A head-last object (a book) goes to the folder: one under a record's key would be looked for in memory. */
  private static String inFolder(String key) {
    if (inMemory(key)) {
      throw new IllegalArgumentException("a part record is not written head-last: " + key);
    }
    return key;
  }

  @Override
  public String toString() {
    return "PartRecordsInMemory[" + files + "]";
  }
}
