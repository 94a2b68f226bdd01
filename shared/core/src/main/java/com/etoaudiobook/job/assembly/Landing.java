package com.etoaudiobook.job.assembly;

/** How an assembly run learns that a part is done: by listing the store, or told by the process making it. */
interface Landing {
  /** Waits until part {@code index} is done. @throws PartsLanding.GaveUp when it will not be */
  void await(int index);
}
