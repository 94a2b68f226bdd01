package com.etoaudiobook.assembler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.etoaudiobook.aws.testing.FunctionBeanSet;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The assembler's jar lists only some of the shared bean definitions (pom.xml's shade filters): its
 * handler's whole graph, providers' beans included, and what its first message resolves (the
 * Lambda context's beans) must be among them, with eSpeak NG or Polly, with and without Redis
 * (Polly without: with Redis the worker's init asks Polly for its voices, and an SDK call here
 * would look for credentials off this machine).
 */
class FunctionBeanSetTest {
  @ParameterizedTest
  @CsvSource({"espeak, ''", "espeak, redis://127.0.0.1:9", "polly, ''"})
  void theHandlersGraphResolvesFromTheJarsDefinitions(String provider, String redisUrl) {
    FunctionBeanSet beans = FunctionBeanSet.ofThisModule();
    try (ApplicationContext context = beans.start(FunctionBeanSet.settings(provider, redisUrl))) {
      assertEquals(List.of(), beans.missing(context, AssemblerHandler.class));
      AssemblerHandler handler = new AssemblerHandler(context);
      SQSEvent empty = new SQSEvent();
      empty.setRecords(List.of());
      handler.handleRequest(empty, FunctionBeanSet.lambdaContext(Context.class));
      assertTrue(context.findBean(Context.class).isPresent(), "the first message's Lambda context, as a bean");
    }
  }
}
