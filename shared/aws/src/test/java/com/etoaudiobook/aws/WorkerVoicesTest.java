package com.etoaudiobook.aws;

import com.etoaudiobook.aws.testing.FakePolly;
import com.etoaudiobook.aws.testing.Fixtures;
import com.etoaudiobook.aws.testing.OwnRedis;
import com.etoaudiobook.aws.testing.PollyStub;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.job.RecordingQueue;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A worker's cold start where Redis keeps the voice list: its engine takes the list, Polly is not asked. */
class WorkerVoicesTest {
  @TempDir
  Path dir;

  private static PollyEngine engine(FakePolly polly) {
    return new PollyEngine(AwsClients.polly(new AwsSettings("us-east-1", null, null, polly.endpoint(),
        false, "local", "local"), 3, Duration.ofMillis(1), Duration.ofMillis(10)), "neural", List.of());
  }

  private static long describeCalls(FakePolly polly) {
    return polly.calls().stream().filter(c -> c.path().contains("voices")).count();
  }

  @Test
  void aWorkerBuiltWhereRedisHoldsTheVoicesMakesNoDescribeVoicesCall() throws Exception {
    // a Redis of the test's own: the machine's shared one keeps its own list of Polly's voices
    try (OwnRedis redis = new OwnRedis(); FakePolly polly = PollyStub.start(0, PollyStub.QUOTAS)) {
      Map<String, String> env = Map.of("REDIS_URL", redis.url());
      try (ApplicationContext api = Fixtures.context(dir, new RecordingQueue(), env, engine(polly))) {
        api.getBean(VoiceCatalog.class).voices(); // the API described the voices and stored them in Redis
      }
      polly.reset();
      PollyEngine workerEngine = engine(polly);
      // the worker's catalog as the factory makes it, with time for a first connection on a loaded machine
      VoiceCatalog.Options d = VoiceCatalog.Options.defaults(redis.url());
      VoiceCatalog catalog = new VoiceCatalog(List.of(workerEngine), new VoiceCatalog.Options(d.ttl(), true,
          d.redisUrl(), Duration.ofSeconds(5), d.breakerOpen(), d.nanoClock()));
      try (ApplicationContext worker = com.etoaudiobook.aws.wiring.BeanGraph.builder(
          Map.of("SPEECH_PROVIDER", "polly", "REDIS_URL", redis.url()),
          new com.etoaudiobook.storage.FileBlobStore(dir), new RecordingQueue(), workerEngine, catalog).start()) {
        worker.getBean(SynthesisBatch.class); // what the worker's handler is built with, at its cold start
        assertEquals(1, catalog.stats().redisHits(), "the list came from Redis");
        assertEquals("neural", workerEngine.engineFor(new SpeechRequest("Part.", "Joanna", null, 1.0, 0)));
        assertEquals(0, describeCalls(polly), "DescribeVoices calls of the worker's cold start and first part");
      }
    }
  }

  @Test
  void withoutRedisTheWorkerLooksWhenItsFirstPartNeedsTheVoices() throws Exception {
    try (FakePolly polly = PollyStub.start(0, PollyStub.QUOTAS)) {
      PollyEngine workerEngine = engine(polly);
      try (ApplicationContext worker = Fixtures.context(dir, new RecordingQueue(), Map.of(), workerEngine)) {
        worker.getBean(SynthesisBatch.class);
        assertEquals(0, describeCalls(polly), "no look at the cold start: nothing shared to take");
        workerEngine.engineFor(new SpeechRequest("Part.", "Joanna", null, 1.0, 0));
        assertEquals(true, describeCalls(polly) > 0, "the first part looks");
      }
    }
  }
}
