package com.etoaudiobook.storage;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A new object whose body is streamed first and whose head (an MP3's ID3 tag and Xing header, known
 * only once the whole body is) is given at the end: {@link #close(byte[])} publishes head + body.
 * The assembler streams a book while its parts are still being made this way. The file store's
 * writes the body once after room left for the head; S3's sends it as it comes (a multipart upload
 * whose first part goes last).
 */
public abstract class HeadLastUpload extends OutputStream {
  /** Publishes {@code head} followed by everything written: the object becomes visible, whole. */
  public abstract void close(byte[] head) throws IOException;

  /** Drops what was written; nothing is published. */
  public abstract void abort();

  /** Closing without a head publishes nothing: only {@link #close(byte[])} does. */
  @Override
  public void close() {
    abort();
  }
}
