package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.formats.internal.PdfLines.Line;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The text lines of every page of a PDF, read in page ranges on the cores there are: PDFBox reads a
 * document on one thread at about a second of CPU per MB of text, so the largest books missed the parse's
 * time on one core. Each further range has a document of its own (PDFBox's objects are not thread-safe),
 * opened from the same bytes; the first range is read on the caller's thread, so a stop reaches it as
 * before, and the others are interrupted when the caller stops or fails.
 */
final class PdfPages {
  /** Main memory PDFBox may use for its buffers; the rest spills to temporary files. */
  private static final long MAX_MEMORY = 64L * 1024 * 1024;
  /** Pages one more thread must have: opening another document costs about as much as reading a few. */
  private static final int MIN_PAGES_PER_THREAD = 50;
  /**
   * Heap a reading thread may need: a page's glyphs are objects until the page ends (PdfLines.MAX_PAGE_CHARS
   * of them, some 20 MB), besides the document's own; a 256 MB heap reads on two threads.
   */
  private static final long HEAP_PER_THREAD = 96L * 1024 * 1024;
  /** How long a stopped or failed read waits, in all, for its other ranges to let go of their documents. */
  private static final long STOP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "pdf-pages");
    t.setDaemon(true);
    return t;
  });

  private PdfPages() {
  }

  /** Opens a PDF from its bytes with the empty user password. */
  static PDDocument load(byte[] bytes) throws IOException {
    return Loader.loadPDF(new InterruptibleRead(bytes), "", null, null,
        MemoryUsageSetting.setupMixed(MAX_MEMORY).streamCache);
  }

  /** Every page's lines, in page order; {@code doc} was opened from {@code bytes}. */
  static List<List<Line>> read(PDDocument doc, byte[] bytes) throws IOException {
    int pages = doc.getNumberOfPages();
    int threads = (int) Math.min(Math.min(Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / HEAP_PER_THREAD), pages / MIN_PAGES_PER_THREAD);
    AtomicLong chars = new AtomicLong();
    if (threads <= 1) {
      return new PdfLines(chars).read(doc, 1, pages);
    }
    int per = (pages + threads - 1) / threads;
    List<Range> rest = new ArrayList<>();
    try {
      for (int from = per + 1; from <= pages; from += per) {
        int first = from;
        int last = Math.min(pages, from + per - 1);
        Range range = new Range();
        range.future = POOL.submit(() -> {
          if (!range.started.compareAndSet(false, true)) {
            return null; // given up before it began
          }
          try (PDDocument own = load(bytes)) {
            return new PdfLines(chars).read(own, first, last);
          } finally {
            range.finished.countDown();
          }
        });
        rest.add(range);
      }
      List<List<Line>> all = new ArrayList<>(pages);
      all.addAll(new PdfLines(chars).read(doc, 1, per));
      for (Range r : rest) {
        all.addAll(result(r.future));
      }
      return all;
    } finally {
      // Those still running: the caller stopped or another range failed.
      rest.forEach(r -> r.future.cancel(true));
      awaitFinished(rest);
    }
  }

  /**
   * Waits, up to STOP_WAIT_NANOS in all, for the ranges that began to end: a cancelled Future reports done at
   * once, while its thread may still hold a document and a core, into the next parse.
   */
  static void awaitFinished(List<Range> ranges) {
    long deadline = System.nanoTime() + STOP_WAIT_NANOS;
    boolean interrupted = Thread.interrupted(); // the caller's stop must not cut the wait short; kept below
    try {
      for (Range r : ranges) {
        if (r.started.compareAndSet(false, true)) {
          continue; // never began: it will not
        }
        while (true) {
          try {
            r.finished.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A page range read on another thread: whether it began, and a latch released when it has ended. */
  static final class Range {
    final AtomicBoolean started = new AtomicBoolean();
    final CountDownLatch finished = new CountDownLatch(1);
    Future<List<List<Line>>> future;
  }

  private static List<List<Line>> result(Future<List<List<Line>>> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the caller's stop: Cancellation reads the flag
      Cancellation.check();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** The file's bytes for PDFBox's parser, checking for an interrupt at each read. */
  private static final class InterruptibleRead extends RandomAccessReadBuffer {
    InterruptibleRead(byte[] bytes) {
      super(bytes);
    }

    @Override
    public int read() throws IOException {
      Cancellation.check();
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Cancellation.check();
      return super.read(b, off, len);
    }
  }
}
