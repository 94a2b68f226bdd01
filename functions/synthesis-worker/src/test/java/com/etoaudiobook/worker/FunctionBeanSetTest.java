package com.etoaudiobook.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.etoaudiobook.aws.testing.FakePolly;
import com.etoaudiobook.aws.testing.FunctionBeanSet;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worker's jar lists only some of the shared bean definitions (pom.xml's shade filters): its
 * handler's whole graph, providers' beans included, and what its first message resolves (the
 * Lambda context's beans) must be among them, with eSpeak NG or Polly (a stand-in on this
 * machine: with Redis, the worker's init asks Polly for its voices), with and without Redis.
 */
class FunctionBeanSetTest {
  @ParameterizedTest
  @CsvSource({"espeak, ''", "espeak, redis://127.0.0.1:9", "polly, ''", "polly, redis://127.0.0.1:9"})
  void theHandlersGraphResolvesFromTheJarsDefinitions(String provider, String redisUrl) throws IOException {
    FunctionBeanSet beans = FunctionBeanSet.ofThisModule();
    try (FakePolly polly = new FakePolly(null).withVoices(FakePolly.LIBRARY);
         ApplicationContext context = beans.start(FunctionBeanSet.settings(provider, redisUrl, polly.endpoint()))) {
      assertEquals(List.of(), beans.missing(context, SynthesisWorkerHandler.class));
      SynthesisWorkerHandler handler = new SynthesisWorkerHandler(context);
      SQSEvent empty = new SQSEvent();
      empty.setRecords(List.of());
      handler.handleRequest(empty, FunctionBeanSet.lambdaContext(Context.class));
      assertTrue(context.findBean(Context.class).isPresent(), "the first message's Lambda context, as a bean");
    }
  }
}
