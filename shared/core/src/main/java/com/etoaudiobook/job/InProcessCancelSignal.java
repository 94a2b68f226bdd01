package com.etoaudiobook.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@link CancelSignal#inProcess()}: the cancels of this process, in memory. */
public final class InProcessCancelSignal implements CancelSignal {
  /** Bounded; a job's record says CANCELLED too, and is read again once a worker forgets the job. */
  private final Set<String> cancelled = Collections.newSetFromMap(Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > 4096;
        }
      }));

  @Override
  public void send(String jobId) {
    cancelled.add(jobId);
  }

  @Override
  public boolean cancelled(String jobId) {
    return cancelled.contains(jobId);
  }

  @Override
  public String toString() {
    return "in-process cancels";
  }
}
