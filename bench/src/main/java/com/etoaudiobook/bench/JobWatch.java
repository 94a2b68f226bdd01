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

  /** A benchmark that waits longer than this has hung (a part in the DLQ): fail, do not wait forever. */
  private static final long LIMIT_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(30);

  private static void giveUpAfter(long deadline, String jobId, String waitingFor) {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("job " + jobId + " still waiting for " + waitingFor + " after 30 minutes");
    }
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
    long deadline = System.nanoTime() + LIMIT_NANOS;
    for (int next = 0; next < parts; ) {
      if (Files.exists(dir.resolve(String.format(java.util.Locale.ROOT, "%06d.marks.json", next)))) {
        next++;
      } else {
        giveUpAfter(deadline, jobId, "part " + next + " of " + parts);
        Thread.sleep(5);
      }
    }
  }

  static void awaitDone(Path dataDir, String jobId) throws IOException, InterruptedException {
    Path file = jobDir(dataDir, jobId).resolve("job.json");
    long deadline = System.nanoTime() + LIMIT_NANOS;
    while (true) {
      try {
        String job = Files.readString(file);
        if (job.contains("\"state\":\"DONE\"")) {
          return;
        }
        if (job.contains("\"state\":\"FAILED\"") || job.contains("\"state\":\"CANCELLED\"")) {
          throw new IllegalStateException("job " + jobId + " ended without an audiobook: " + job);
        }
      } catch (NoSuchFileException | java.nio.charset.MalformedInputException e) {
        // not written yet, or caught mid-rename
      }
      giveUpAfter(deadline, jobId, "state DONE");
      Thread.sleep(5);
    }
  }
}
