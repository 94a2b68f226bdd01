package com.etoaudiobook.concurrent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An output stream whose writes reach the target on a thread of its own, in order, a chunk at a
 * time: a target that blocks now and then (a multipart upload sending a whole part) no longer stops
 * the writer. At most {@code chunksAhead} chunks wait, so memory is bounded. A failure of the
 * target is thrown by a later write or by {@link #close()}.
 */
public final class StreamBehind extends OutputStream {
  private final OutputStream target;
  private final int chunkBytes;
  // one thread: chunks reach the target in the order they were written
  private final ExecutorService thread;
  private final WriteBehind writes;
  private ByteArrayOutputStream chunk;
  private boolean closed;

  public StreamBehind(OutputStream target, int chunkBytes, int chunksAhead, String threadName) {
    this.target = target;
    this.chunkBytes = chunkBytes;
    this.thread = Executors.newSingleThreadExecutor(DaemonThreads.named(threadName));
    this.writes = new WriteBehind(thread, chunksAhead);
    this.chunk = new ByteArrayOutputStream(chunkBytes);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    chunk.write(b, off, len);
    if (chunk.size() >= chunkBytes) {
      handOver();
    }
  }

  private void handOver() throws IOException {
    byte[] data = chunk.toByteArray();
    chunk = new ByteArrayOutputStream(chunkBytes);
    try {
      writes.submit(() -> {
        try {
          target.write(data);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Writes what is left, waits for every chunk to reach the target, then closes the target. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      if (chunk.size() > 0) {
        handOver();
      }
      writes.awaitAll();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    } finally {
      closed = true;
      thread.shutdown();
    }
    target.close();
  }

  /**
   * Drops the chunks not yet written and waits for the one being written, so the caller may then
   * abort the target without a write racing it. The target is not closed. Waits even when the
   * caller is interrupted (it usually is, when it stops): a write that ignores interrupts, as a
   * blocking socket write does, must end before the abort; the interrupt is kept for the caller.
   */
  public void stop() {
    closed = true;
    thread.shutdownNow();
    boolean interrupted = Thread.interrupted();
    try {
      while (true) {
        try {
          if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
            return;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
