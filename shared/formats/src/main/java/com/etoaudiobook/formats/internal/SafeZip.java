package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Cancellation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a ZIP archive (EPUB, DOCX) into memory with hard limits, counting the bytes actually
 * inflated, never the sizes the archive declares (a bomb lies about them).
 */
public final class SafeZip {
  /** Total bytes inflated from all entries. */
  public static final long MAX_TOTAL = 100L * 1024 * 1024;
  public static final int MAX_ENTRIES = 10_000;
  /** Highest inflated/compressed ratio of an entry once it passes {@link #RATIO_FLOOR} bytes. */
  public static final int MAX_RATIO = 100;
  /** Small entries (XML full of repeated tags) legitimately compress very well. */
  public static final long RATIO_FLOOR = 1024 * 1024;

  private SafeZip() {
  }

  /** @return entry name → bytes, in archive order; directories left out */
  public static Map<String, byte[]> read(byte[] archive, String what) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    CountingStream counted = new CountingStream(new ByteArrayInputStream(archive));
    long total = 0;
    int count = 0;
    byte[] buf = new byte[16 * 1024];
    try (ZipInputStream zip = new ZipInputStream(counted)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (++count > MAX_ENTRIES) {
          throw bomb(what, "more than " + MAX_ENTRIES + " files");
        }
        long compressedAtStart = counted.count;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long size = 0;
        int n;
        while ((n = zip.read(buf)) > 0) {
          Cancellation.check();
          size += n;
          total += n;
          if (total > MAX_TOTAL) {
            throw bomb(what, "more than " + MAX_TOTAL / (1024 * 1024) + " MB when unpacked");
          }
          // The inflater reads ahead at most a buffer, so the count is a fair compressed size.
          long compressed = Math.max(1, counted.count - compressedAtStart);
          if (size > RATIO_FLOOR && size / compressed > MAX_RATIO) {
            throw bomb(what, "a file that unpacks to over " + MAX_RATIO
                + " times its packed size");
          }
          // Many entries each just under the floor: the archive as a whole must not balloon.
          if (total > RATIO_FLOOR && total / Math.max(1, counted.count) > MAX_RATIO) {
            throw bomb(what, "files that unpack to over " + MAX_RATIO
                + " times the archive's size");
          }
          if (!e.isDirectory()) {
            out.write(buf, 0, n);
          }
        }
        if (!e.isDirectory()) {
          entries.put(e.getName(), out.toByteArray());
        }
      }
    } catch (IOException | IllegalArgumentException ex) {
      throw new BookFormatException("corrupt", "The " + what + " file is damaged and cannot be "
          + "opened (" + ex.getMessage() + ")");
    }
    if (entries.isEmpty()) {
      throw new BookFormatException("corrupt", "The " + what + " file is damaged: "
          + "it is not a readable ZIP archive");
    }
    return entries;
  }

  private static BookFormatException bomb(String what, String detail) {
    return new BookFormatException("archive-bomb", "The " + what + " file was refused: it holds "
        + detail + ", which no real book needs (a \"zip bomb\")");
  }

  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }
}
