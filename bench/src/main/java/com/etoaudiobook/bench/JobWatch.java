package com.etoaudiobook.bench;

import com.etoaudiobook.local.LocalRuntime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Waits for a job of the local runtime to finish by reading its job.json where S3Proxy keeps it on
 * disk. Polling through S3 every few milliseconds would load the very system being measured.
 */
final class JobWatch {
  private JobWatch() {
  }

  private static Path jobDir(Path dataDir, String jobId) {
    return dataDir.resolve("s3").resolve(LocalRuntime.BUCKET).resolve("jobs").resolve(jobId);
  }

  /**
   * Waits until every part of the job is stored (its marks file, written last, exists): the end of
   * the fan-out, before assembly. Checks part by part in order, so each file is looked at once.
   */
  static void awaitParts(Path dataDir, String jobId, int parts) throws InterruptedException {
    Path dir = jobDir(dataDir, jobId).resolve("parts");
    for (int next = 0; next < parts; ) {
      if (Files.exists(dir.resolve(String.format(java.util.Locale.ROOT, "%06d.marks.json", next)))) {
        next++;
      } else {
        Thread.sleep(5);
      }
    }
  }

  static void awaitDone(Path dataDir, String jobId) throws IOException, InterruptedException {
    Path file = jobDir(dataDir, jobId).resolve("job.json");
    while (true) {
      try {
        if (Files.readString(file).contains("\"state\":\"DONE\"")) {
          return;
        }
      } catch (NoSuchFileException | java.nio.charset.MalformedInputException e) {
        // not written yet, or caught mid-rename
      }
      Thread.sleep(5);
    }
  }
}
