package com.etoaudiobook.job;

/** The life of a job. */
public enum JobState {
  QUEUED, RUNNING, ASSEMBLING, DONE, FAILED, CANCELLED;

  public boolean finished() {
    return this == DONE || this == CANCELLED;
  }
}
