package com.etoaudiobook.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folder store's head-last object: the body written once, the head put before it at the end. */
class FileHeadLastUploadTest {
  @TempDir
  Path dir;

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private List<Path> files(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.toList();
    }
  }

  private static Object fileKey(Path p) throws IOException {
    return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
  }

  @Test
  void aHeadOfTheAnnouncedLengthGoesBeforeTheBodyInTheFileTheBodyWasWrittenTo() throws Exception {
    FileBlobStore store = new FileBlobStore(dir);
    byte[] head = bytes(1_234, 1);
    byte[] body = bytes(3_000_000, 2);
    HeadLastUpload up = store.createHeadLast("out/book.mp3", "audio/mpeg", head.length);
    for (int at = 0; at < body.length; at += 70_001) {
      up.write(body, at, Math.min(70_001, body.length - at));
    }
    assertNull(store.get("out/book.mp3"), "nothing visible before the head");
    assertEquals(List.of(), store.list("out/"));
    List<Path> writing = files(dir.resolve("out"));
    assertEquals(1, writing.size(), "one file while the body is written: " + writing);
    Object written = fileKey(writing.get(0));
    up.close(head);

    byte[] object = store.get("out/book.mp3");
    assertEquals(head.length + body.length, object.length);
    assertArrayEquals(head, java.util.Arrays.copyOf(object, head.length));
    assertArrayEquals(body, java.util.Arrays.copyOfRange(object, head.length, object.length));
    assertEquals(written, fileKey(store.path("out/book.mp3")), "the body's file was renamed into place, not copied");
    assertEquals(List.of(store.path("out/book.mp3")), files(dir.resolve("out")));
  }

  @Test
  void aHeadOfAnotherLengthOrAnUnknownOneStillComesBeforeTheBody() throws Exception {
    FileBlobStore store = new FileBlobStore(dir);
    byte[] body = bytes(200_000, 3);
    for (int announced : new int[] {-1, 10, 500}) {
      byte[] head = bytes(77, announced);
      HeadLastUpload up = announced < 0 ? store.createHeadLast("b.mp3", "audio/mpeg")
          : store.createHeadLast("b.mp3", "audio/mpeg", announced);
      up.write(body);
      up.write(9);
      up.close(head);
      byte[] object = store.get("b.mp3");
      assertEquals(head.length + body.length + 1, object.length, "announced " + announced);
      assertArrayEquals(head, java.util.Arrays.copyOf(object, head.length));
      assertArrayEquals(body, java.util.Arrays.copyOfRange(object, head.length, head.length + body.length));
      assertEquals(9, object[object.length - 1]);
      assertEquals(List.of(store.path("b.mp3")), files(dir), "no temporary file left");
    }
  }

  @Test
  void anAbortedOrHeadlessUploadLeavesNothing() throws Exception {
    FileBlobStore store = new FileBlobStore(dir);
    HeadLastUpload aborted = store.createHeadLast("x/a.mp3", "audio/mpeg", 10);
    aborted.write(bytes(100_000, 4));
    aborted.abort();
    HeadLastUpload headless = store.createHeadLast("x/b.mp3", "audio/mpeg", 10);
    headless.write(bytes(100, 5));
    headless.close();
    assertEquals(List.of(), files(dir.resolve("x")));
    assertFalse(store.exists("x/a.mp3") || store.exists("x/b.mp3"));
    assertTrue(Files.isDirectory(dir.resolve("x")));
  }
}
