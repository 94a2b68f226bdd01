package com.etoaudiobook.aws.wiring;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;

/** The context builder of the SQS/S3 functions' handlers when Lambda constructs them. */
public final class LambdaContexts {
  private LambdaContexts() {
  }

  /**
   * Micronaut's Lambda environments ({@code function}, {@code lambda}) without its eager init: only
   * the beans the handler injects are built (with them all, the worker built the inbox's parser
   * and the assembler too, and took twice as long). Not {@code LambdaApplicationContextBuilder}
   * with {@code eagerInitSingletons(false)}: that call only ever adds, so it cannot undo the
   * builder's {@code eagerInitSingletons(true)}. The environments are named, so none is deduced.
   */
  public static ApplicationContextBuilder builder() {
    return ApplicationContext.builder().environments(Environment.FUNCTION, "lambda").deduceEnvironment(false)
        .eagerInitConfiguration(false);
  }
}
