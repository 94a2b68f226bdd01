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

  static void awaitDone(Path dataDir, String jobId) throws IOException, InterruptedException {
    Path file = dataDir.resolve("s3").resolve(LocalRuntime.BUCKET).resolve("jobs").resolve(jobId).resolve("job.json");
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
