package com.etoaudiobook.job;

/**
 * How a job's cancel reaches the workers making its parts: no engine call may start for the job a
 * second after {@code DELETE /api/jobs/{id}} returns. The job's record stays the truth (whoever
 * cancels saves it first, then sends this); the signal only spares each worker re-reading that
 * record from storage while it waits on the engine, a GET per job twice a second per process that
 * came to half a request per part at Polly's 8 calls per second.
 *
 * <p>Three kinds: {@link #inProcess()} where one process both cancels and synthesizes (the local
 * runtime, the CLI), Redis where the functions share one (ElastiCache), and
 * {@link StoreCancelSignal} (the record re-read) without either.
 */
public interface CancelSignal extends AutoCloseable {
  /** Tells the workers that the job was cancelled; its record already says so. Never throws. */
  void send(String jobId);

  /**
   * Whether the job was cancelled: true at the latest a second after {@link #send} (or, for a cancel
   * saved by a process this signal does not reach, after the record says so). Asked before every
   * engine call, so cheap.
   */
  boolean cancelled(String jobId);

  /** Lets go of a connection, where there is one. */
  @Override
  default void close() {
  }

  /**
   * The cancels of this process, in memory: right only where every cancel of the jobs this process
   * works on is made in it. A worker still reads each job's record once (a job cancelled before
   * this process started).
   */
  static CancelSignal inProcess() {
    return new InProcessCancelSignal();
  }
}
