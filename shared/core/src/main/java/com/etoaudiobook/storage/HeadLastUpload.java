package com.etoaudiobook.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A new object whose body is streamed first and whose head (an MP3's ID3 tag and Xing header, known
 * only once the whole body is) is given at the end: {@link #close(byte[])} publishes head + body.
 * The assembler streams a book while its parts are still being made this way. This generic one
 * keeps the body in a temporary file; S3's sends it as it comes (a multipart upload whose first
 * part goes last).
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

  /** Over {@link BlobStore#create}: the body waits in a temporary file for its head. */
  static HeadLastUpload buffered(BlobStore blobs, String key, String contentType) {
    try {
      Path temp = Files.createTempFile("head-last-", ".body");
      OutputStream body = Files.newOutputStream(temp);
      return new HeadLastUpload() {
        private boolean finished;

        @Override
        public void write(int b) throws IOException {
          body.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          body.write(b, off, len);
        }

        @Override
        public void close(byte[] head) throws IOException {
          if (finished) {
            throw new IOException("upload already finished: " + key);
          }
          finished = true;
          body.close();
          BlobUpload out = blobs.create(key, contentType);
          try (InputStream in = Files.newInputStream(temp)) {
            out.write(head);
            in.transferTo(out);
          } catch (IOException | RuntimeException e) {
            out.abort();
            throw e;
          } finally {
            Files.deleteIfExists(temp);
          }
          out.close();
        }

        @Override
        public void abort() {
          if (finished) {
            return;
          }
          finished = true;
          try {
            body.close();
            Files.deleteIfExists(temp);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
