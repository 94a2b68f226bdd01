package com.etoaudiobook.local;

import com.etoaudiobook.job.Keys;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.storage.BlobUpload;
import com.etoaudiobook.storage.FileBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's store: part records in memory, everything else in the folder, one store to its users. */
class PartRecordsInMemoryTest {
  @TempDir
  Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void partRecordsStayInMemoryAndEverythingElseGoesToTheFolder() throws Exception {
    FileBlobStore files = new FileBlobStore(dir);
    PartRecordsInMemory store = new PartRecordsInMemory(files);
    String part0 = Keys.partMarks("job", 0), part1 = Keys.partMarks("job", 1);
    store.put(part1, bytes("one"), "application/json");
    try (BlobUpload up = store.create(part0, "application/json")) {
      up.write(bytes("zero"));
    }
    store.put(Keys.job("job"), bytes("{}"), "application/json");
    store.put(Keys.cacheEntry("abc"), bytes("audio"), "application/octet-stream");

    assertFalse(Files.exists(files.path(part0)), "no file for a part record");
    assertTrue(Files.exists(files.path(Keys.job("job"))));
    assertTrue(Files.exists(files.path(Keys.cacheEntry("abc"))));
    assertTrue(store.exists(part0) && store.exists(Keys.cacheEntry("abc")));
    assertArrayEquals(bytes("one"), store.get(part1));
    try (InputStream in = store.open(part0)) {
      assertArrayEquals(bytes("zero"), in.readAllBytes());
    }
    assertEquals(List.of(part0, part1), store.list(Keys.partsPrefix("job")));
    assertEquals(List.of(part1), store.list(Keys.partsPrefix("job"), part0));
    assertEquals(List.of(Keys.job("job"), part0, part1), store.list(Keys.jobPrefix("job")));

    BlobUpload aborted = store.create(Keys.partMarks("job", 2), "application/json");
    aborted.write(bytes("half"));
    aborted.abort();
    aborted.close();
    assertFalse(store.exists(Keys.partMarks("job", 2)), "an aborted record is not published");

    store.delete(part1);
    assertNull(store.get(part1));
    assertThrows(BlobStore.BlobNotFoundException.class, () -> store.open(part1));
    store.forget(Keys.jobPrefix("job"));
    assertFalse(store.exists(part0));
    assertTrue(store.exists(Keys.job("job")), "the folder's files are the folder's to remove");
  }
}
