package com.etoaudiobook.concurrent;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamBehindTest {
  @Test
  void everyByteReachesTheTargetInOrderAndCloseClosesIt() throws IOException {
    AtomicBoolean closed = new AtomicBoolean();
    Thread caller = Thread.currentThread();
    AtomicBoolean writtenByCaller = new AtomicBoolean();
    ByteArrayOutputStream target = new ByteArrayOutputStream() {
      @Override
      public synchronized void write(byte[] b, int off, int len) {
        writtenByCaller.compareAndSet(false, Thread.currentThread() == caller);
        super.write(b, off, len);
      }

      @Override
      public void close() {
        closed.set(true);
      }
    };
    byte[] expected = new byte[3_000_000];
    new Random(7).nextBytes(expected);
    Random sizes = new Random(8);
    try (StreamBehind out = new StreamBehind(target, 64 * 1024, 4, "test-behind")) {
      for (int at = 0; at < expected.length; ) {
        int n = Math.min(expected.length - at, 1 + sizes.nextInt(40_000));
        out.write(expected, at, n);
        at += n;
      }
    }
    assertArrayEquals(expected, target.toByteArray());
    assertTrue(closed.get());
    assertFalse(writtenByCaller.get(), "the target is written on the stream's own thread");
  }

  @Test
  void aFailureOfTheTargetIsThrownByALaterWriteOrTheClose() {
    AtomicInteger writes = new AtomicInteger();
    OutputStream failing = new OutputStream() {
      @Override
      public void write(int b) {
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (writes.incrementAndGet() == 2) {
          throw new IOException("upload refused");
        }
      }
    };
    StreamBehind out = new StreamBehind(failing, 10, 2, "test-behind");
    IOException e = assertThrows(IOException.class, () -> {
      for (int i = 0; i < 100; i++) {
        out.write(new byte[10]);
      }
      out.close();
    });
    assertEquals("upload refused", e.getMessage());
    out.stop();
  }

  @Test
  void stopReturnsOnlyOnceNoWriteIsUnderWay() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean();
    AtomicInteger started = new AtomicInteger();
    OutputStream blocking = new OutputStream() {
      @Override
      public void write(int b) {
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        started.incrementAndGet();
        writing.set(true);
        entered.countDown();
        try {
          new CountDownLatch(1).await(); // a slow upload: only the stop's interrupt ends it
        } catch (InterruptedException e) {
          throw new IOException("interrupted", e);
        } finally {
          writing.set(false);
        }
      }
    };
    StreamBehind out = new StreamBehind(blocking, 4, 8, "test-behind");
    for (int i = 0; i < 5; i++) {
      out.write(new byte[4]);
    }
    entered.await();
    out.stop();
    assertFalse(writing.get(), "a write still under way after stop()");
    assertEquals(1, started.get(), "chunks waiting were dropped, not written");
    assertThrows(IOException.class, () -> out.write(new byte[1]));
  }

  /** The writer stops because its thread was interrupted: stop() must still outwait a write that ignores interrupts. */
  @Test
  void stopOnAnInterruptedThreadWaitsForTheWriteUnderWay() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean();
    OutputStream socketLike = new OutputStream() {
      @Override
      public void write(int b) {
      }

      @Override
      public void write(byte[] b, int off, int len) {
        writing.set(true);
        entered.countDown();
        long end = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < end) {
          Thread.onSpinWait(); // a blocking socket write: deaf to interrupts until its request ends
        }
        writing.set(false);
      }
    };
    StreamBehind out = new StreamBehind(socketLike, 4, 8, "test-interrupted-stop");
    out.write(new byte[4]);
    entered.await();
    Thread.currentThread().interrupt();
    try {
      out.stop();
      assertFalse(writing.get(), "stop() returned while the target was still being written: an abort would race it");
      assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt is kept");
    } finally {
      Thread.interrupted();
    }
  }
}
