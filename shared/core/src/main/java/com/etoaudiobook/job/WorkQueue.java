package com.etoaudiobook.job;

import com.etoaudiobook.job.synthesis.PartSpec;

import java.util.List;

/** The queue port: SQS in AWS and in the local runtime, a thread pool for the CLI. */
public interface WorkQueue {
  void enqueueParts(List<PartSpec> parts);

  /** Asks for the job's assembly; duplicates are harmless. */
  void enqueueAssembly(String jobId);

  /**
   * Asks for a look at the job's assembly in {@code delaySeconds} (0..900), while its parts are still
   * being made: a run then starts near the end and reads parts as they land. An optimization only (the
   * last part asks for the assembly anyway), so a queue that cannot delay skips it.
   */
  default void enqueueAssembly(String jobId, int delaySeconds) {
  }
}
