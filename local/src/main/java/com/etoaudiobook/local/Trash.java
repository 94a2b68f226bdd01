package com.etoaudiobook.local;

import com.etoaudiobook.concurrent.DaemonThreads;
import com.etoaudiobook.storage.FileBlobStore;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Folders of the CLI's store that a finished conversion no longer needs (a job's part records:
 * thousands of small files). They are renamed into trash/ at once, one rename on the way to the
 * result instead of a delete a file, and deleted on a daemon thread; what is left when the process
 * exits is deleted by the next command that converts, beside its start-up (which runs on one core).
 */
final class Trash {
  static final String FOLDER = "trash";

  private Trash() {
  }

  /** Moves the folder of {@code prefix} into the trash; false when it cannot (then delete it as before). */
  static boolean move(FileBlobStore files, String prefix) {
    Path folder = files.path(prefix);
    Path trash = files.path(FOLDER + "/" + UUID.randomUUID());
    try {
      Files.createDirectories(trash.getParent());
      Files.move(folder, trash);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    emptyLater(trash.getParent());
    return true;
  }

  /** Deletes what is in the trash folder, on a daemon thread. */
  static void emptyLater(Path trash) {
    if (Files.isDirectory(trash)) {
      DaemonThreads.named("trash").newThread(() -> empty(trash)).start();
    }
  }

  /** A file, or a folder once empty; what cannot go yet (in use, not empty) is left for the next run. */
  private static void deleteOrLeave(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // left for the next run
    }
  }

  /** Best effort: another process may be emptying the same trash, so files vanish meanwhile. */
  static void empty(Path trash) {
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(trash)) {
      for (Path folder : folders) {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            deleteOrLeave(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            deleteOrLeave(dir);
            return FileVisitResult.CONTINUE;
          }
        });
      }
    } catch (IOException | RuntimeException e) {
      // nothing to empty, or the trash went away meanwhile
    }
  }
}
