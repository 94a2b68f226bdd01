package com.etoaudiobook.job;

import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.storage.BlobUpload;
import com.etoaudiobook.storage.HeadLastUpload;
import com.etoaudiobook.storage.FileBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A running job's done parts counted from where the last count left off, not by listing them all. */
class DonePartsTest {
  @TempDir
  Path dir;

  /** The store, counting the keys its listings return. */
  static final class CountingStore implements BlobStore {
    final BlobStore real;
    int listed;

    CountingStore(BlobStore real) {
      this.real = real;
    }

    @Override public byte[] get(String key) { return real.get(key); }
    @Override public void put(String key, byte[] data, String type) { real.put(key, data, type); }
    @Override public boolean exists(String key) { return real.exists(key); }
    @Override public List<String> list(String prefix) { return counted(real.list(prefix)); }
    @Override public List<String> list(String prefix, String after) { return counted(real.list(prefix, after)); }
    @Override public void delete(String key) { real.delete(key); }
    @Override public InputStream open(String key) { return real.open(key); }
    @Override public BlobUpload create(String key, String type) { return real.create(key, type); }
    @Override public HeadLastUpload createHeadLast(String key, String type) { return real.createHeadLast(key, type); }

    private List<String> counted(List<String> keys) {
      listed += keys.size();
      return keys;
    }
  }

  private static void done(BlobStore blobs, int... parts) {
    for (int p : parts) {
      blobs.put(Keys.partMarks("j", p), new byte[] {'{', '}'}, "application/json");
    }
  }

  @Test
  void countsEveryDonePartAndListsOnlyPastTheFirstGap() {
    CountingStore blobs = new CountingStore(new FileBlobStore(dir));
    DoneParts counter = new DoneParts(new JobStore(blobs));
    done(blobs, 0, 1, 2, 3, 5, 6);
    assertEquals(6, counter.count("j"));
    assertEquals(6, blobs.listed, "the first count lists every record");

    blobs.listed = 0;
    assertEquals(6, counter.count("j"));
    assertEquals(2, blobs.listed, "then only those past part 4, the first not done");

    done(blobs, 4, 7, 9);
    blobs.listed = 0;
    assertEquals(9, counter.count("j"), "late and out-of-order parts are all counted");
    assertEquals(5, blobs.listed);
    blobs.listed = 0;
    assertEquals(9, counter.count("j"));
    assertEquals(1, blobs.listed, "0..7 done: only part 9 is past part 8");
    assertEquals(9, new JobStore(blobs).doneParts("j").size(), "the same as a full listing");
  }
}
