package com.etoaudiobook.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.ParseStoppedException;
import java.util.Arrays;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every format reader stops itself soon after its thread is interrupted (Thread.stop is gone on Java 21):
 * the parse of a large ordinary document ends with ParseStoppedException within about 100 ms. One stage
 * is not ours to interrupt: the dialogue attributor (book.attribution) makes one pass over the whole text
 * without checking; an interrupt that lands in it takes effect when it returns. Such a moment is printed and
 * checked only for the refusal. (A Word document is read paragraph by paragraph now, a check at each: POI's
 * building of every paragraph's objects, which could not be stopped either, is gone.)
 */
class FormatsCancellationTest {
  /** Its CPU time after the interrupt: the checks come every few ms; the margin is for a shared machine (GC, JIT). */
  private static final long STOP_WITHIN_MS = 500;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @ParameterizedTest(name = "{0}")
  @CsvSource({"html, 12", "epub, 12", "pdf, 3", "docx, 12", "md, 12", "txt, 12"})
  void anInterruptStopsTheParseWithinAboutAHundredMilliseconds(String format, int megabytes) throws Exception {
    Pathological.Input in = Pathological.normal(format, megabytes * 1024 * 1024);
    int stopped = 0;
    // At several moments, so the interrupt lands in different stages (the library's parse, the text walk,
    // the prose attribution).
    for (long after : new long[] {100, 400, 900, 1_600}) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicLong ended = new AtomicLong();
      AtomicLong endedCpu = new AtomicLong();
      CountDownLatch done = new CountDownLatch(1);
      Thread parse = new Thread(() -> {
        try {
          new DocumentParser().parse(in.name(), in.bytes());
        } catch (Throwable t) {
          thrown.set(t);
        } finally {
          endedCpu.set(THREADS.getCurrentThreadCpuTime());
          ended.set(System.nanoTime());
          done.countDown();
        }
      }, "parse-" + format);
      parse.start();
      if (done.await(after, TimeUnit.MILLISECONDS)) {
        continue; // parsed before the moment came: nothing to stop
      }
      long interruptedCpu = THREADS.getThreadCpuTime(parse.getId());
      long interrupted = System.nanoTime();
      parse.interrupt();
      // Where the interrupt found it (both stages are entered only after a check, so a thread seen
      // outside them now was outside them at the interrupt, or checks before going in).
      boolean inAttributor = Arrays.stream(parse.getStackTrace())
          .anyMatch(f -> f.getClassName().startsWith("com.etoaudiobook.book.attribution."));
      assertTrue(done.await(20, TimeUnit.SECONDS), format + ": the parse did not stop");
      long wall = (ended.get() - interrupted) / 1_000_000;
      // The parse's own CPU time from the interrupt to its end: the work it did before stopping, whatever
      // else the machine runs (the wall time also counts waiting for a core, and collections).
      long ms = (endedCpu.get() - interruptedCpu) / 1_000_000;
      System.out.printf("%s (%d KB): interrupted after %d ms%s, stopped after %d ms of its CPU (%d ms of wall time)%n",
          format, in.bytes().length / 1024, after, inAttributor ? " in the attributor" : "",
          ms, wall);
      // a book over the limits ends in its refusal rather than a book (12 MB of text: more than 50,000 segments)
      boolean refused = thrown.get() instanceof BookFormatException && !(thrown.get() instanceof ParseStoppedException);
      if ((thrown.get() == null || refused) && !inAttributor) {
        // the interrupt came after the parse's last check: it must have ended at once, with its book or its refusal
        assertTrue(ms <= STOP_WITHIN_MS, format + ": finished " + ms + " ms of CPU after the interrupt");
        continue;
      }
      assertInstanceOf(ParseStoppedException.class, thrown.get(), String.valueOf(thrown.get()));
      assertEquals("stopped", ((BookFormatException) thrown.get()).reason());
      if (!inAttributor) {
        assertTrue(ms <= STOP_WITHIN_MS, format + ": went on for " + ms + " ms of CPU after the interrupt");
        stopped++;
      }
    }
    // On a fast machine a document's own stages could all be over before the first moment (the attributor
    // taking the rest): then there was nothing of ours to time, not a failure.
    Assumptions.assumeTrue(stopped > 0, format + ": no interrupt landed in our own stages");
  }
}
