package com.etoaudiobook.aws.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Map;

/**
 * The functions' logging, set up in code (found by logback as a service) rather than read from
 * a logback.xml: parsing XML was a tenth of a function's init time. JSON lines on stdout (Lambda
 * ships stdout to CloudWatch Logs, where Logs Insights reads the fields directly), the application
 * at LOG_LEVEL (template parameter LogLevel, default INFO), libraries at warnings only, or the
 * embedded S3/SQS and Netty drown the application's lines. A configuration file named by
 * {@code logback.configurationFile} (the CLI's) or a logback-test.xml (tests') wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class JsonLogConfigurator extends ContextAwareBase implements Configurator {
  static final Map<String, Level> LIBRARIES = Map.ofEntries(
      Map.entry("io.micronaut", Level.WARN), Map.entry("io.netty", Level.WARN), Map.entry("io.lettuce", Level.WARN),
      Map.entry("org.eclipse.jetty", Level.WARN), Map.entry("org.gaul", Level.WARN),
      Map.entry("org.apache.pekko", Level.WARN), Map.entry("org.elasticmq", Level.WARN),
      Map.entry("org.jclouds", Level.WARN), Map.entry("software.amazon", Level.WARN),
      Map.entry("org.apache.pdfbox", Level.ERROR), Map.entry("org.apache.poi", Level.ERROR));

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || JsonLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    JsonLogEncoder encoder = new JsonLogEncoder();
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
    stdout.setContext(context);
    stdout.setName("STDOUT");
    stdout.setEncoder(encoder);
    stdout.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stdout);
    String level = System.getProperty("LOG_LEVEL", System.getenv("LOG_LEVEL"));
    context.getLogger("com.etoaudiobook").setLevel(Level.toLevel(level, Level.INFO));
    LIBRARIES.forEach((name, libraryLevel) -> context.getLogger(name).setLevel(libraryLevel));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
