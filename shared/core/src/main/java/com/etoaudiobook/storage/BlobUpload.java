package com.etoaudiobook.storage;

import java.io.OutputStream;

/**
 * A new object being streamed by {@link BlobStore#create}: it becomes visible, whole, when closed.
 * A writer that fails half-way calls {@link #abort()} instead, or closing would publish the half.
 */
public abstract class BlobUpload extends OutputStream {
  /** Drops what was written: the object is not created (an existing one is untouched); close() then does nothing. */
  public abstract void abort();

  /** Aborts every upload, for a writer that fails with several open. */
  public static void abortAll(BlobUpload... uploads) {
    for (BlobUpload u : uploads) {
      if (u != null) {
        u.abort();
      }
    }
  }
}
