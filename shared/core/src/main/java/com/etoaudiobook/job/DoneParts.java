package com.etoaudiobook.job;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Counts a running job's done parts without listing every part record at each poll: parts finish
 * about in plan order and a done part stays done, so after the first count only the records past
 * the first part not yet done are listed (S3's StartAfter). A 40,000-part job polled every few
 * seconds then lists one page, not forty. Remembered per process for the most recent jobs.
 */
final class DoneParts {
  private static final int JOBS = 256;

  /** Parts 0..contiguous-1 are done; {@code beyond} are done parts after the first gap. */
  private record Seen(int contiguous, Set<Integer> beyond) {
  }

  private final JobStore store;
  private final Map<String, Seen> seen = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
      return size() > JOBS;
    }
  };

  DoneParts(JobStore store) {
    this.store = store;
  }

  int count(String jobId) {
    Seen before;
    synchronized (seen) {
      before = seen.get(jobId);
    }
    int contiguous = before == null ? 0 : before.contiguous();
    Set<Integer> beyond = new HashSet<>(store.donePartsAfter(jobId, contiguous - 1));
    while (beyond.remove(contiguous)) {
      contiguous++;
    }
    synchronized (seen) {
      seen.put(jobId, new Seen(contiguous, beyond));
    }
    return contiguous + beyond.size();
  }
}
