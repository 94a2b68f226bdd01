package com.etoaudiobook.aws;

import com.etoaudiobook.aws.redis.Redis;
import com.etoaudiobook.aws.testing.OwnRedis;
import com.etoaudiobook.job.CancelSignal;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.job.JobState;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.ReadCountingStore;
import com.etoaudiobook.job.StoreCancelSignal;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.voice.Casting;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cancels through Redis between two processes (here two signals over one store, each with its own
 * client): the API's cancel reaches the worker without the worker reading the job's record again;
 * a cancel Redis lost, and a Redis that is down, are still seen from the record.
 */
class RedisCancelSignalTest {
  @TempDir
  static Path dir;
  static OwnRedis server;

  @BeforeAll
  static void start() throws Exception {
    server = new OwnRedis();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** The API's side and a worker's, each with its own Redis client; the worker's reads are counted. */
  private record Sides(JobStore api, RedisCancelSignal apiSignal, ReadCountingStore workerBlobs,
                       RedisCancelSignal worker, Redis apiRedis, Redis workerRedis) implements AutoCloseable {
    @Override
    public void close() {
      apiSignal.close();
      worker.close();
      apiRedis.close();
      workerRedis.close();
    }
  }

  private static Sides sides() {
    FileBlobStore files = new FileBlobStore(dir);
    JobStore api = new JobStore(files);
    ReadCountingStore workerBlobs = new ReadCountingStore(files);
    JobStore workerStore = new JobStore(workerBlobs);
    Redis apiRedis = new Redis(server.url());
    Redis workerRedis = new Redis(server.url());
    return new Sides(api, new RedisCancelSignal(apiRedis, api, new StoreCancelSignal(api)), workerBlobs,
        new RedisCancelSignal(workerRedis, workerStore, new StoreCancelSignal(workerStore)), apiRedis, workerRedis);
  }

  private static String runningJob(JobStore store) {
    String id = UUID.randomUUID().toString().replace("-", "");
    store.saveJob(new Job(id, "b", "T", JobState.RUNNING, new Casting(Map.of("Narrator", Casting.Assignment.of("Joanna"))),
        JobOptions.DEFAULT, 4, 0, 0, 0, null, 0, null));
    return id;
  }

  /** The API's cancel: the record first, then the signal (as JobService does). */
  private static void cancel(Sides s, String jobId) {
    s.api().saveJob(s.api().job(jobId).with(JobState.CANCELLED));
    s.apiSignal().send(jobId);
  }

  /** Milliseconds until {@code seen} holds; fails after two seconds. */
  private static long millisUntil(BooleanSupplier seen) throws InterruptedException {
    long t0 = System.nanoTime();
    while (!seen.getAsBoolean()) {
      assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "not seen within two seconds");
      Thread.sleep(5);
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void aCancelReachesAnotherProcessThroughRedisWithoutAReadOfTheRecord() throws Exception {
    try (Sides s = sides()) {
      String job = runningJob(s.api());
      assertFalse(s.worker().cancelled(job));
      assertEquals(1, s.workerBlobs().reads(Keys.job(job)), "the first look fills Redis from the record");
      // parts waiting on the engine for a second: Redis is asked, the record is not read again
      long until = System.nanoTime() + 1_000_000_000L;
      while (System.nanoTime() < until) {
        assertFalse(s.worker().cancelled(job));
        Thread.sleep(20);
      }
      assertEquals(1, s.workerBlobs().reads(Keys.job(job)));
      cancel(s, job);
      long ms = millisUntil(() -> s.worker().cancelled(job));
      assertTrue(ms < 500, "seen " + ms + " ms after the cancel: within the quarter second of a reading");
      assertEquals(1, s.workerBlobs().reads(Keys.job(job)), "without reading the record");
    }
  }

  @Test
  void aCancelRedisLostIsSeenFromTheRecordOnceTheRunningKeyIsGone() throws Exception {
    try (Sides s = sides()) {
      String job = runningJob(s.api());
      assertFalse(s.worker().cancelled(job));
      // the API saved the cancel but could not send it; the worker's "running" key then expires
      s.api().saveJob(s.api().job(job).with(JobState.CANCELLED));
      try (StatefulRedisConnection<String, String> c = s.apiRedis().connect(Duration.ofSeconds(2))) {
        assertEquals(1L, c.sync().del(RedisCancelSignal.PREFIX + job), "a key with a life of its own");
        assertTrue(RedisCancelSignal.RUNNING_TTL_SECONDS <= 60);
      }
      millisUntil(() -> s.worker().cancelled(job));
      assertEquals(2, s.workerBlobs().reads(Keys.job(job)), "the record, read again when the key was gone");
    }
  }

  @Test
  void withRedisDownTheWorkerReadsTheRecordAndTheCancelIsStillSeen() throws Exception {
    try (Sides s = sides()) {
      String job = runningJob(s.api());
      assertFalse(s.worker().cancelled(job));
      server.stop();
      try {
        cancel(s, job); // the send fails (logged); the record says CANCELLED
        long ms = millisUntil(() -> s.worker().cancelled(job));
        assertTrue(ms < 1000, "seen " + ms + " ms after the cancel");
        assertTrue(s.workerBlobs().reads(Keys.job(job)) >= 2, "from the record");
      } finally {
        server.start();
      }
    }
  }

  @Test
  void theFunctionsBeanGraphUsesRedisWhenConfiguredAndTheRecordWithout() {
    try (var withRedis = com.etoaudiobook.aws.testing.Fixtures.context(dir.resolve("a"), new com.etoaudiobook.job.RecordingQueue(),
        Map.of("REDIS_URL", server.url()));
         var without = com.etoaudiobook.aws.testing.Fixtures.context(dir.resolve("b"), new com.etoaudiobook.job.RecordingQueue(),
             Map.of("REDIS_URL", ""))) {
      assertTrue(withRedis.getBean(CancelSignal.class) instanceof RedisCancelSignal, withRedis.getBean(CancelSignal.class)
          .toString());
      assertTrue(without.getBean(CancelSignal.class) instanceof StoreCancelSignal, without.getBean(CancelSignal.class)
          .toString());
    }
  }
}
