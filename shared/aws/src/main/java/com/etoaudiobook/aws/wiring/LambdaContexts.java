package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.aws.AwsClients;
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

  /**
   * The same, with the S3 client's TLS set-up and SDK classes warmed up beside Micronaut's start
   * ({@link InitWarmUp}, a bean: the S3 client's factory joins it before building the client, and
   * the handler's constructor too, see {@link #joinWarmUp}).
   */
  public static ApplicationContextBuilder builderWithWarmUp() {
    return withWarmUp(builder());
  }

  /**
   * {@code builder} with the init warm-up where this process has more than one CPU. With one, the
   * second thread cannot run beside Micronaut's start: the same work is done, only later and with a
   * thread's cost (about 4 % more CPU and wall time of init, pinned to one core); the S3 client's
   * factory then does all of it on the handler's thread.
   */
  public static ApplicationContextBuilder withWarmUp(ApplicationContextBuilder builder) {
    return withWarmUp(builder, Runtime.getRuntime().availableProcessors());
  }

  static ApplicationContextBuilder withWarmUp(ApplicationContextBuilder builder, int cpus) {
    return cpus > 1 ? builder.singletons(InitWarmUp.start(AwsClients::warmUp)) : builder;
  }

  /** Waits for the context's init warm-up if it has one: all of it is done within init, a failure fails it. */
  public static void joinWarmUp(ApplicationContext context) {
    context.findBean(InitWarmUp.class).ifPresent(InitWarmUp::join);
  }
}
