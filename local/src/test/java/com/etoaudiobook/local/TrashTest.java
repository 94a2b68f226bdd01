package com.etoaudiobook.local;

import com.etoaudiobook.storage.FileBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrashTest {
  @TempDir
  Path dir;

  @Test
  void aJobsFolderLeavesTheStoreAtOnceAndIsDeletedFromTheTrash() throws Exception {
    FileBlobStore files = new FileBlobStore(dir);
    files.put("jobs/j1/parts/000001.json", new byte[] {1}, "application/json");
    files.put("jobs/j1/job.json", new byte[] {2}, "application/json");
    files.put("cache/ab/entry", new byte[] {3}, "application/octet-stream");

    assertTrue(Trash.move(files, "jobs/j1/"));
    assertFalse(Files.exists(dir.resolve("jobs/j1")), "renamed away before move returns");
    assertEquals(List.of(), files.list("jobs/"));

    Trash.empty(dir.resolve(Trash.FOLDER)); // what the daemon thread (or the next run) does
    try (var left = Files.list(dir.resolve(Trash.FOLDER))) {
      assertEquals(List.of(), left.toList());
    }
    assertTrue(files.exists("cache/ab/entry"), "only the trash is emptied");
  }

  @Test
  void aMissingFolderIsNotMoved() {
    assertFalse(Trash.move(new FileBlobStore(dir), "jobs/none/"));
  }
}
