package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.concurrent.Await;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Init work of a function that needs none of its settings (the JDK's TLS set-up and the SDK's
 * client classes), done on a thread of its own while Micronaut starts the context on
 * the handler's: Lambda's init has two vCPUs, and the two are independent until the bean graph
 * builds the clients. A bean of the handler's context ({@link LambdaContexts#builderWithWarmUp}):
 * the S3 client's factory joins it before building the client, and the handler's constructor joins
 * it, so all of it is done within init (what SnapStart snapshots) and a failed step fails init, as
 * it would have failed on the handler's thread.
 */
public final class InitWarmUp {
  private final FutureTask<Void> task;

  private InitWarmUp(FutureTask<Void> task) {
    this.task = task;
  }

  /** Starts the steps, in order, on a daemon thread (a failed init must not be kept alive by it). */
  public static InitWarmUp start(Runnable... steps) {
    List<Runnable> all = List.of(steps);
    FutureTask<Void> task = new FutureTask<>(() -> all.forEach(Runnable::run), null);
    Thread thread = new Thread(task, "init-warm-up");
    thread.setDaemon(true);
    thread.start();
    return new InitWarmUp(task);
  }

  /** Waits for the steps; a step's failure is thrown here, as the cause of an {@link IllegalStateException}. */
  public void join() {
    try {
      Await.uninterruptibly(task); // init goes on only with the work done
    } catch (ExecutionException e) {
      throw new IllegalStateException("init warm-up failed: " + e.getCause(), e.getCause());
    }
  }
}
