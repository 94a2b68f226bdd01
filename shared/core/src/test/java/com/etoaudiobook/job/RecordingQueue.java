package com.etoaudiobook.job;

import com.etoaudiobook.job.synthesis.PartSpec;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A WorkQueue that keeps what was sent, for tests that drive handlers by hand. */
public final class RecordingQueue implements WorkQueue {
  public final List<PartSpec> parts = new CopyOnWriteArrayList<>();
  public final List<String> assemblies = new CopyOnWriteArrayList<>();

  @Override
  public void enqueueParts(List<PartSpec> list) {
    parts.addAll(list);
  }

  @Override
  public void enqueueAssembly(String jobId) {
    assemblies.add(jobId);
  }
}
