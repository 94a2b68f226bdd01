package com.etoaudiobook.local;

import com.etoaudiobook.job.Keys;
import com.etoaudiobook.storage.FileBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's cache entries in one file per run: found by the run and by later ones, never half. */
class CachePackTest {
  @TempDir
  Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Path packs() {
    return dir.resolve(CachePack.FOLDER);
  }

  private List<Path> packFiles() throws Exception {
    try (Stream<Path> files = Files.list(packs())) {
      return files.toList();
    }
  }

  @Test
  void aRunsEntriesGoIntoOneFileAndALaterRunFindsThem() throws Exception {
    FileBlobStore files = new FileBlobStore(dir);
    PartRecordsInMemory store = new PartRecordsInMemory(files, new CachePack(packs()));
    for (int i = 0; i < 50; i++) {
      store.put(Keys.cacheEntry("key" + i), bytes("audio " + i), "application/octet-stream");
    }
    assertEquals(1, packFiles().size(), "one file for the run's entries");
    assertFalse(Files.exists(files.path(Keys.cacheEntry("key0"))));
    assertArrayEquals(bytes("audio 7"), store.get(Keys.cacheEntry("key7")));
    assertNull(store.get(Keys.cacheEntry("other")));
    assertFalse(store.exists(Keys.cacheEntry("other")));

    // a later run, and a cache entry an earlier version wrote as a file of its own
    files.put(Keys.cacheEntry("loose"), bytes("old"), "application/octet-stream");
    PartRecordsInMemory later = new PartRecordsInMemory(files, new CachePack(packs()));
    assertTrue(later.exists(Keys.cacheEntry("key49")));
    assertArrayEquals(bytes("audio 49"), later.get(Keys.cacheEntry("key49")));
    try (InputStream in = later.open(Keys.cacheEntry("key3"))) {
      assertArrayEquals(bytes("audio 3"), in.readAllBytes());
    }
    assertTrue(later.exists(Keys.cacheEntry("loose")));
    assertArrayEquals(bytes("old"), later.get(Keys.cacheEntry("loose")));
    later.put(Keys.cacheEntry("new"), bytes("more"), "application/octet-stream");
    assertEquals(2, packFiles().size(), "each run its own pack");
    assertTrue(later.list("cache/tts/").containsAll(List.of(Keys.cacheEntry("key0"), Keys.cacheEntry("new"))));
  }

  @Test
  void anEntryCutShortOrDamagedIsAMiss() throws Exception {
    CachePack pack = new CachePack(packs());
    pack.put(Keys.cacheEntry("whole"), bytes("whole entry"));
    pack.put(Keys.cacheEntry("damaged"), bytes("damaged entry"));
    pack.put(Keys.cacheEntry("cut"), bytes("the entry a killed run was writing"));
    Path file = packFiles().get(0);
    byte[] data = Files.readAllBytes(file);
    // a byte of the second entry flipped, and the last entry cut short
    int at = new String(data, StandardCharsets.ISO_8859_1).indexOf("damaged entry");
    data[at] ^= 1;
    Files.write(file, java.util.Arrays.copyOf(data, data.length - 5));

    CachePack again = new CachePack(packs());
    assertArrayEquals(bytes("whole entry"), again.get(Keys.cacheEntry("whole")));
    assertTrue(again.exists(Keys.cacheEntry("damaged")));
    assertNull(again.get(Keys.cacheEntry("damaged")), "its checksum fails: made again");
    assertFalse(again.exists(Keys.cacheEntry("damaged")));
    assertFalse(again.exists(Keys.cacheEntry("cut")));
    again.put(Keys.cacheEntry("cut"), bytes("made again"));
    assertArrayEquals(bytes("made again"), again.get(Keys.cacheEntry("cut")));
  }

  @Test
  void onlySynthesisCacheEntriesArePacked() {
    assertTrue(CachePack.holds(Keys.cacheEntry("0123abcd")));
    assertFalse(CachePack.holds("cache/tts/packs/x.pack"));
    assertFalse(CachePack.holds("cache/voices/list.json"));
    assertFalse(CachePack.holds(Keys.partMarks("job", 0)));
  }
}
