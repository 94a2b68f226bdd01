package com.etoaudiobook.job;

import com.etoaudiobook.job.synthesis.PartSpec;

import java.util.List;

/** The queue port: SQS in AWS and in the local runtime, a thread pool for the CLI. */
public interface WorkQueue {
  void enqueueParts(List<PartSpec> parts);

  /** Asks for the job's assembly; duplicates are harmless. */
  void enqueueAssembly(String jobId);
}
