package com.etoaudiobook.api;

import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool requests parse and synthesize on: deadlines, Errors as answers, a full pool. */
class HeavyWorkTest {
  final HeavyWork heavy = new HeavyWork(1, 1, 1, 1);

  @AfterEach
  void close() {
    heavy.close();
  }

  @Test
  void aParsePastItsDeadlineIsAnsweredAndItsThreadStopped() throws Exception {
    AtomicBoolean ended = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    ApiException e = assertThrows(ApiException.class, () -> heavy.parse(() -> {
      try {
        long spin = 0;
        while (spin >= 0) { // checks no interrupt, as the parsers do not
          spin++;
        }
        return spin;
      } finally {
        ended.set(true);
        done.countDown();
      }
    }));
    assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.status());
    assertTrue(e.getMessage().contains("limit of 1 s"), e.getMessage());
    assertTrue(done.await(5, TimeUnit.SECONDS) && ended.get(), "the runaway parse was stopped");
    assertEquals("ok", heavy.parse(() -> "ok"), "the pool takes work again");
  }

  @Test
  void errorsTheInputProvokesAreRefusals() {
    ApiException deep = assertThrows(ApiException.class, () -> heavy.parse(() -> {
      throw new StackOverflowError();
    }));
    assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, deep.status());
    ApiException big = assertThrows(ApiException.class, () -> heavy.parse(() -> {
      throw new OutOfMemoryError("Java heap space");
    }));
    assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, big.status());
    assertTrue(big.getMessage().contains("MB"), big.getMessage());
    IllegalArgumentException own = assertThrows(IllegalArgumentException.class, () -> heavy.parse(() -> {
      throw new IllegalArgumentException("as thrown");
    }));
    assertEquals("as thrown", own.getMessage());
  }

  @Test
  void aFullPoolAnswers429() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Thread first = new Thread(() -> heavy.runToEnd("a", () -> release.await(10, TimeUnit.SECONDS)));
    Thread second = new Thread(() -> heavy.runToEnd("b", () -> release.await(10, TimeUnit.SECONDS)));
    first.start();
    Thread.sleep(200);
    second.start(); // waits in the queue of one
    Thread.sleep(200);
    try {
      ApiException e = assertThrows(ApiException.class, () -> heavy.run("c", () -> 1));
      assertEquals(HttpStatus.TOO_MANY_REQUESTS, e.status());
    } finally {
      release.countDown();
      first.join(5000);
      second.join(5000);
    }
  }
}
