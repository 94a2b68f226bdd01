package com.etoaudiobook.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A PDF read in page ranges on several threads: once a stopped parse has returned, no range's thread is
 * still at work in PDFBox (holding its document and a core into the next parse).
 */
class PdfRangesStopTest {
  @Test
  void aStoppedParseReturnsAfterItsRangesHaveEnded() throws Exception {
    Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2
        && Runtime.getRuntime().maxMemory() >= 2 * 96L * 1024 * 1024, "the PDF is read on one thread here");
    Pathological.Input in = Pathological.normal("pdf", 3 * 1024 * 1024);
    CountDownLatch done = new CountDownLatch(1);
    Thread parse = new Thread(() -> {
      try {
        new DocumentParser().parse(in.name(), in.bytes());
      } catch (RuntimeException e) {
        // stopped: expected
      } finally {
        done.countDown();
      }
    }, "parse-ranges");
    parse.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (busyRanges().isEmpty()) {
      assertTrue(System.nanoTime() < deadline && done.getCount() > 0, "no range was read on another thread");
      Thread.sleep(1);
    }
    parse.interrupt();
    assertTrue(done.await(20, TimeUnit.SECONDS), "the parse did not stop");
    assertEquals(List.of(), busyRanges(), "range threads still at work after the parse returned");
  }

  /**
   * The pdf-pages threads now inside PDFBox or the line reader (an idle one waits in its pool; one that has
   * closed its document may still be signalling its end).
   */
  private static List<String> busyRanges() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().getName().equals("pdf-pages"))
        .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("org.apache.pdfbox.")
            || f.getClassName().startsWith("com.etoaudiobook.formats.internal.PdfLines")))
        .map(e -> e.getKey().getName() + " at " + Arrays.toString(e.getValue()))
        .toList();
  }
}
