package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.Cancellation;
import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * The bytes of a document for a library that parses as it reads (jsoup): each read checks for an
 * interrupt, so a long parse inside the library stops at its next buffer, not at its end.
 */
public final class InterruptibleInput extends ByteArrayInputStream {

  public InterruptibleInput(byte[] bytes) {
    super(bytes);
  }

  /** The stream as an InputStream, for signatures that want one. */
  public static InputStream of(byte[] bytes) {
    return new InterruptibleInput(bytes);
  }

  @Override
  public synchronized int read() {
    Cancellation.check();
    return super.read();
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) {
    Cancellation.check();
    return super.read(b, off, len);
  }
}
