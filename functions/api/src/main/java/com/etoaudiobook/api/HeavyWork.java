package com.etoaudiobook.api;

import com.etoaudiobook.concurrent.DaemonThreads;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Parsing, planning and synthesis for requests: on a small pool of their own, with a deadline, so
 * one document can take neither the server's request threads nor more than a few cores and its
 * share of the heap. Past the deadline the request is answered (422, naming the limit) and the work
 * is interrupted; a full pool answers 429 with Retry-After. An Error a document provokes in the
 * parser (a stack overflow, the heap) becomes that request's 4xx, not the process's end.
 */
@Singleton
public final class HeavyWork implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HeavyWork.class);
  static final int RETRY_AFTER_SECONDS = 5;

  private final ThreadPoolExecutor pool;
  private final Duration parseDeadline;
  private final Duration deadline;

  /**
   * @param threads  etoaudiobook.heavy-work.threads: at most this many documents at once
   * @param queue    etoaudiobook.heavy-work.queue: how many may wait for a thread
   * @param parse    etoaudiobook.heavy-work.parse-deadline-seconds: any accepted file parses well within it
   * @param deadline etoaudiobook.heavy-work.deadline-seconds: the rest (planning a job, a synthesis);
   *                 API Gateway gives a whole request 30 s
   */
  HeavyWork(@Value("${etoaudiobook.heavy-work.threads:2}") int threads,
            @Value("${etoaudiobook.heavy-work.queue:16}") int queue,
            @Value("${etoaudiobook.heavy-work.parse-deadline-seconds:10}") int parse,
            @Value("${etoaudiobook.heavy-work.deadline-seconds:20}") int deadline) {
    this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
        DaemonThreads.named("heavy-work"));
    this.parseDeadline = Duration.ofSeconds(parse);
    this.deadline = Duration.ofSeconds(deadline);
  }

  /** Parses a document within the parse deadline. */
  public <T> T parse(Callable<T> work) {
    return run("Parsing the file", parseDeadline, work);
  }

  /** Other work for one request (planning, synthesis) within the general deadline. */
  public <T> T run(String what, Callable<T> work) {
    return run(what, deadline, work);
  }

  /**
   * Runs {@code work} on the pool and waits for it up to the deadline.
   *
   * @param what what the work is, for the answer: "Parsing the file", "Synthesis"
   */
  private <T> T run(String what, Duration deadline, Callable<T> work) {
    Future<T> future;
    try {
      future = pool.submit(work);
    } catch (RejectedExecutionException e) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "The server is busy with " + pool.getActiveCount()
          + " other documents and " + pool.getQueue().size() + " waiting; retry in " + RETRY_AFTER_SECONDS + " s");
    }
    try {
      return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      LOG.warn("{} passed the deadline of {} s and was stopped", what, deadline.toSeconds());
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, what + " took longer than the limit of "
          + deadline.toSeconds() + " s; split the document into smaller files");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The server is stopping");
    } catch (ExecutionException e) {
      throw unwrap(what, e.getCause());
    }
  }

  private static RuntimeException unwrap(String what, Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof StackOverflowError) {
      LOG.warn("{} overflowed the stack", what);
      return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, what + " failed: the document is nested "
          + "too deeply or is too complex for the parser (its stack limit)");
    }
    if (cause instanceof OutOfMemoryError) {
      long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
      LOG.warn("{} ran out of memory ({} MB heap)", what, mb);
      return new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, what + " needs more memory than the "
          + "service has (" + mb + " MB); split the document into smaller files");
    }
    return new IllegalStateException(what + " failed", cause); // our fault: logged, answered 500
  }

  @PreDestroy
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
