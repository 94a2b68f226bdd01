package com.etoaudiobook.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The object store port: S3 in AWS and under the local runtime, a folder for the CLI. */
public interface BlobStore {
  /** Returns the object's bytes, or null when it does not exist. */
  byte[] get(String key);

  void put(String key, byte[] data, String contentType);

  boolean exists(String key);

  /** Keys under a prefix, in lexical order. */
  List<String> list(String prefix);

  /** Keys under a prefix that sort after {@code startAfter} (S3's StartAfter), in lexical order. */
  default List<String> list(String prefix, String startAfter) {
    List<String> all = list(prefix);
    return startAfter == null ? all : all.stream().filter(k -> k.compareTo(startAfter) > 0).toList();
  }

  void delete(String key);

  /** Reads a stored object as a stream; throws {@link BlobNotFoundException} when absent. */
  InputStream open(String key);

  /**
   * Streams a new object; it becomes visible, whole, only when the stream is closed, so a crash
   * never leaves half an object behind. A writer that fails must {@link BlobUpload#abort()} it.
   */
  BlobUpload create(String key, String contentType);

  /**
   * Streams a new object whose head is given last ({@link HeadLastUpload#close(byte[])}): for a file
   * whose first bytes describe the rest. Nothing is visible until then.
   */
  HeadLastUpload createHeadLast(String key, String contentType);

  /**
   * {@link #createHeadLast(String, String)} for a head whose length is known from the start (its
   * content only at the end): a store that can leave room for it writes the body once.
   */
  default HeadLastUpload createHeadLast(String key, String contentType, int headLength) {
    return createHeadLast(key, contentType);
  }

  default void copy(String from, String to, String contentType) {
    try (InputStream in = open(from)) {
      BlobUpload out = create(to, contentType);
      try {
        in.transferTo(out);
      } catch (IOException | RuntimeException e) {
        out.abort();
        throw e;
      }
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A key that does not exist. */
  class BlobNotFoundException extends RuntimeException {
    public BlobNotFoundException(String key) {
      super("no such object: " + key);
    }
  }
}
