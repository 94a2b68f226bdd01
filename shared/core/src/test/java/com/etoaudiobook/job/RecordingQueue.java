package com.etoaudiobook.job;

import com.etoaudiobook.job.synthesis.PartSpec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A WorkQueue that keeps what was sent, for tests that drive handlers by hand. */
public final class RecordingQueue implements WorkQueue {
  public final List<PartSpec> parts = new CopyOnWriteArrayList<>();
  public final List<String> assemblies = new CopyOnWriteArrayList<>();
  /** Looks at an assembly asked for later (job id and delay in seconds), while parts are being made. */
  public final List<Map.Entry<String, Integer>> laterAssemblies = new CopyOnWriteArrayList<>();

  @Override
  public void enqueueParts(List<PartSpec> list) {
    parts.addAll(list);
  }

  @Override
  public void enqueueAssembly(String jobId) {
    assemblies.add(jobId);
  }

  @Override
  public void enqueueAssembly(String jobId, int delaySeconds) {
    laterAssemblies.add(Map.entry(jobId, delaySeconds));
  }
}
