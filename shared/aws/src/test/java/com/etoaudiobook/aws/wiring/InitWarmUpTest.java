package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.aws.AwsClients;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handlers' init warm-up: done off the handler's thread, all of it by the end of join, never swallowed. */
class InitWarmUpTest {
  @Test
  void joinReturnsOnlyOnceEveryStepIsDoneInOrderOnAThreadOfItsOwn() {
    List<String> done = new CopyOnWriteArrayList<>();
    List<Thread> threads = new CopyOnWriteArrayList<>();
    InitWarmUp warmUp = InitWarmUp.start(() -> {
      threads.add(Thread.currentThread());
      sleep(200);
      done.add("first");
    }, () -> done.add("second"));
    warmUp.join();
    assertEquals(List.of("first", "second"), done);
    assertNotEquals(Thread.currentThread(), threads.get(0));
    assertTrue(threads.get(0).isDaemon(), "a failed init is not kept alive by it");
  }

  @Test
  void aFailedStepFailsTheJoinAndTheStepsAfterItDoNotRun() {
    IllegalArgumentException failure = new IllegalArgumentException("no trust store");
    List<String> done = new CopyOnWriteArrayList<>();
    InitWarmUp warmUp = InitWarmUp.start(() -> {
      throw failure;
    }, () -> done.add("after"));
    IllegalStateException e = assertThrows(IllegalStateException.class, warmUp::join);
    assertSame(failure, e.getCause());
    assertEquals(List.of(), done);
  }

  @Test
  void anErrorOfAStepFailsTheJoinToo() {
    UnsatisfiedLinkError failure = new UnsatisfiedLinkError("libmp3lame.so.0");
    IllegalStateException e = assertThrows(IllegalStateException.class, InitWarmUp.start(() -> {
      throw failure;
    })::join);
    assertSame(failure, e.getCause());
  }

  /** On one CPU the warm-up's thread could only take turns with the handler's: the S3 client's factory does it all. */
  @Test
  void onlyAProcessWithASecondCpuWarmsUp() {
    try (ApplicationContext one = LambdaContexts.withWarmUp(ApplicationContext.builder(), 1).start();
         ApplicationContext two = LambdaContexts.withWarmUp(ApplicationContext.builder(), 2).start()) {
      assertTrue(one.findBean(InitWarmUp.class).isEmpty());
      assertTrue(two.findBean(InitWarmUp.class).isPresent());
      LambdaContexts.joinWarmUp(two);
    }
  }

  @Test
  void theS3WarmUpSendsNothingAndNeedsNoSettings() {
    InitWarmUp.start(AwsClients::warmUp).join();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
