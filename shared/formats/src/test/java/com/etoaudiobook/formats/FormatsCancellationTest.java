package com.etoaudiobook.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.ParseStoppedException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every format reader stops itself soon after its thread is interrupted (Thread.stop is gone on Java 21):
 * the parse of a large ordinary document ends with ParseStoppedException within about 100 ms. One stage
 * is not ours to interrupt: the dialogue attributor (book.attribution) makes one pass over the whole text
 * without checking, so an interrupt that lands there takes effect when it returns; such a moment is
 * printed and checked only for the refusal.
 */
class FormatsCancellationTest {
  private static final long STOP_WITHIN_MS = 100;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"html, 12", "epub, 12", "pdf, 3", "docx, 4", "md, 12", "txt, 12"})
  void anInterruptStopsTheParseWithinAboutAHundredMilliseconds(String format, int megabytes) throws Exception {
    Pathological.Input in = Pathological.normal(format, megabytes * 1024 * 1024);
    int stopped = 0;
    // At several moments, so the interrupt lands in different stages (the library's parse, the text walk,
    // the prose attribution).
    for (long after : new long[] {100, 400, 900, 1_600}) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicLong ended = new AtomicLong();
      CountDownLatch done = new CountDownLatch(1);
      Thread parse = new Thread(() -> {
        try {
          new DocumentParser().parse(in.name(), in.bytes());
        } catch (Throwable t) {
          thrown.set(t);
        } finally {
          ended.set(System.nanoTime());
          done.countDown();
        }
      }, "parse-" + format);
      parse.start();
      if (done.await(after, TimeUnit.MILLISECONDS)) {
        continue; // parsed before the moment came: nothing to stop
      }
      long interrupted = System.nanoTime();
      parse.interrupt();
      // Where the interrupt found it (the attributor is entered only after a check, so a thread seen
      // outside it now was outside it at the interrupt, or checks before going in).
      boolean inAttributor = Arrays.stream(parse.getStackTrace())
          .anyMatch(f -> f.getClassName().startsWith("com.etoaudiobook.book.attribution."));
      assertTrue(done.await(20, TimeUnit.SECONDS), format + ": the parse did not stop");
      long ms = (ended.get() - interrupted) / 1_000_000;
      System.out.printf("%s (%d KB): interrupted after %d ms%s, stopped %d ms later%n", format,
          in.bytes().length / 1024, after, inAttributor ? " in the dialogue attributor" : "", ms);
      assertInstanceOf(ParseStoppedException.class, thrown.get(), String.valueOf(thrown.get()));
      assertEquals("stopped", ((BookFormatException) thrown.get()).reason());
      if (!inAttributor) {
        assertTrue(ms <= STOP_WITHIN_MS, format + ": stopped " + ms + " ms after the interrupt");
        stopped++;
      }
    }
    assertTrue(stopped > 0, format + ": no interrupt landed in our own stages; use a larger input");
  }
}
