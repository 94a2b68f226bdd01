package com.etoaudiobook.api;

import com.etoaudiobook.concurrent.DaemonThreads;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Parsing, planning and synthesis for requests: on a small pool of their own, with a deadline, so
 * one document can take neither the server's request threads nor more than a few cores and its
 * share of the heap. Past the deadline the request is answered (422, naming the limit); a full pool
 * answers 429 with Retry-After. An Error a document provokes in the parser (a stack overflow, the
 * heap) becomes that request's 4xx, not the process's end.
 *
 * <p>A parse that runs on past its deadline, or while the old generation stays over
 * {@link #HEAP_ALARM} of its maximum after a collection, is stopped: a runaway parse once filled the
 * heap, where the next allocation failed on any thread (the embedded queue's, which then shut down).
 * The readers' loops check the interrupt ({@code Cancellation}); two stages do not (the dialogue
 * attributor, POI's paragraph building), so where the JDK still allows it the thread is also
 * stopped. A parse works only on its own input, so stopping it leaves nothing shared half-changed.
 */
@Singleton
public final class HeavyWork implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HeavyWork.class);
  static final int RETRY_AFTER_SECONDS = 5;
  static final double HEAP_ALARM = 0.8;

  /** One piece of work: the thread running it, and why it was stopped, if it was. */
  private static final class Task {
    private Thread thread;
    private volatile String stoppedFor;

    synchronized void start() {
      thread = Thread.currentThread();
    }

    synchronized void end() {
      thread = null;
    }

    @SuppressWarnings({"deprecation", "removal"})
    synchronized void stop(String why) {
      if (thread == null || stoppedFor != null) {
        return;
      }
      stoppedFor = why;
      thread.interrupt(); // the readers check it and end with ParseStoppedException
      try {
        thread.stop(); // Java 17: ThreadDeath also in the stages that check no interrupt
      } catch (UnsupportedOperationException e) {
        LOG.debug("this JDK cannot stop a thread; the interrupt alone ends the parse");
      }
    }
  }

  private final ThreadPoolExecutor pool;
  private final Duration parseDeadline;
  private final Duration deadline;
  private final Set<Task> parses = ConcurrentHashMap.newKeySet();
  private final NotificationListener heapAlarm = this::onMemoryNotification;

  /**
   * @param threads  etoaudiobook.heavy-work.threads: at most this many documents at once
   * @param queue    etoaudiobook.heavy-work.queue: how many may wait for a thread
   * @param parse    etoaudiobook.heavy-work.parse-deadline-seconds: any accepted file parses well within it
   * @param deadline etoaudiobook.heavy-work.deadline-seconds: synthesis; API Gateway gives a request 30 s
   */
  HeavyWork(@Value("${etoaudiobook.heavy-work.threads:2}") int threads,
            @Value("${etoaudiobook.heavy-work.queue:16}") int queue,
            @Value("${etoaudiobook.heavy-work.parse-deadline-seconds:10}") int parse,
            @Value("${etoaudiobook.heavy-work.deadline-seconds:20}") int deadline) {
    this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
        DaemonThreads.named("heavy-work"));
    this.parseDeadline = Duration.ofSeconds(parse);
    this.deadline = Duration.ofSeconds(deadline);
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      long max = p.getUsage().getMax();
      if (p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported() && max > 0
          && p.getName().matches("(?i).*(old|tenured).*")) {
        p.setCollectionUsageThreshold((long) (max * HEAP_ALARM));
      }
    }
    ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener(heapAlarm, null, null);
  }

  private void onMemoryNotification(Notification n, Object handback) {
    if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(n.getType()) && !parses.isEmpty()) {
      LOG.warn("the heap stays over {}% after collection: stopping {} parse(s)", Math.round(HEAP_ALARM * 100),
          parses.size());
      parses.forEach(t -> t.stop("memory"));
    }
  }

  /** Parses a document within the parse deadline; stopped when past it or when the heap runs short. */
  public <T> T parse(Callable<T> work) {
    return run("Parsing the file", parseDeadline, true, work);
  }

  /** Other work for one request (synthesis) within the general deadline. */
  public <T> T run(String what, Callable<T> work) {
    return run(what, deadline, false, work);
  }

  /**
   * Work that must not be stopped halfway (starting a job: its plan saved, its parts being queued) on
   * the pool, without a deadline: what bounds it is the size of a book (BookLimits).
   */
  public <T> T runToEnd(String what, Callable<T> work) {
    return run(what, null, false, work);
  }

  private <T> T run(String what, Duration deadline, boolean stoppable, Callable<T> work) {
    Task task = new Task();
    Future<T> future;
    try {
      future = pool.submit(() -> {
        task.start();
        if (stoppable) {
          parses.add(task);
        }
        try {
          return work.call();
        } finally {
          parses.remove(task);
          task.end();
        }
      });
    } catch (RejectedExecutionException e) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "The server is busy with " + pool.getActiveCount()
          + " other documents and " + pool.getQueue().size() + " waiting; retry in " + RETRY_AFTER_SECONDS + " s");
    }
    try {
      return deadline == null ? future.get() : future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      if (stoppable) {
        task.stop("time");
      }
      LOG.warn("{} passed the deadline of {} s and was stopped", what, deadline.toSeconds());
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, what + " took longer than the limit of "
          + deadline.toSeconds() + " s; split the document into smaller files");
    } catch (InterruptedException e) {
      future.cancel(deadline != null);
      Thread.currentThread().interrupt();
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The server is stopping");
    } catch (ExecutionException e) {
      throw unwrap(what, e.getCause(), task.stoppedFor);
    }
  }

  private static RuntimeException unwrap(String what, Throwable cause, String stoppedFor) {
    long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    if ("memory".equals(stoppedFor) || cause instanceof OutOfMemoryError) {
      LOG.warn("{} ran out of memory ({} MB heap)", what, heapMb);
      return new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, what + " needs more memory than the "
          + "service has (" + heapMb + " MB); split the document into smaller files");
    }
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof StackOverflowError) {
      LOG.warn("{} overflowed the stack", what);
      return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, what + " failed: the document is nested "
          + "too deeply or is too complex for the parser (its stack limit)");
    }
    return new IllegalStateException(what + " failed", cause); // our fault: logged, answered 500
  }

  @PreDestroy
  @Override
  public void close() {
    try {
      ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).removeNotificationListener(heapAlarm);
    } catch (ListenerNotFoundException e) {
      LOG.debug("heap alarm was not registered");
    }
    pool.shutdownNow();
  }
}
