package com.etoaudiobook.aws.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One JSON object per log line (CloudWatch Logs Insights reads the fields without parsing):
 * time, level, logger, thread, message, the MDC (requestId, route, ...) and the error with its
 * stack. Presigned URLs and credentials are redacted from messages and errors.
 */
public final class JsonLogEncoder extends EncoderBase<ILoggingEvent> {
  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] NEWLINE = {'\n'};
  /** A URL carrying a SigV4 query signature: keep the path, drop the query. */
  private static final Pattern PRESIGNED = Pattern.compile(
      "(https?://[^\\s\"'?]+)\\?[^\\s\"']*(?:X-Amz-|Signature=|AWSAccessKeyId=)[^\\s\"']*");
  private static final Pattern SECRET_PARAM = Pattern.compile(
      "(?i)(X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|aws_secret_access_key|secretAccessKey"
          + "|password|authorization)([=:]\\s*)[^\\s&\"',;]+");

  /** Removes what must never reach a log: presigned query strings and credential values. */
  public static String redact(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    String out = PRESIGNED.matcher(s).replaceAll("$1?<redacted>");
    return SECRET_PARAM.matcher(out).replaceAll("$1$2<redacted>");
  }

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
      g.writeStringField("level", event.getLevel().toString());
      g.writeStringField("logger", event.getLoggerName());
      g.writeStringField("thread", event.getThreadName());
      g.writeStringField("message", redact(event.getFormattedMessage()));
      Map<String, String> mdc = event.getMDCPropertyMap();
      if (mdc != null) {
        for (Map.Entry<String, String> e : mdc.entrySet()) {
          if (!isReserved(e.getKey())) {
            g.writeStringField(e.getKey(), redact(e.getValue()));
          }
        }
      }
      IThrowableProxy error = event.getThrowableProxy();
      if (error != null) {
        g.writeStringField("error", error.getClassName());
        g.writeStringField("errorMessage", redact(error.getMessage()));
        g.writeStringField("stack", redact(stack(error)));
      }
      g.writeEndObject();
    } catch (IOException e) {
      return ("{\"level\":\"ERROR\",\"message\":\"log encoding failed\"}\n").getBytes();
    }
    out.writeBytes(NEWLINE);
    return out.toByteArray();
  }

  private static boolean isReserved(String key) {
    return switch (key) {
      case "time", "level", "logger", "thread", "message", "error", "errorMessage", "stack" -> true;
      default -> false;
    };
  }

  private static String stack(IThrowableProxy t) {
    StringBuilder b = new StringBuilder();
    int depth = 0;
    for (IThrowableProxy p = t; p != null && depth < 5; p = p.getCause(), depth++) {
      if (depth > 0) {
        b.append("Caused by: ");
      }
      b.append(p.getClassName()).append(": ").append(p.getMessage()).append('\n');
      StackTraceElementProxy[] frames = p.getStackTraceElementProxyArray();
      for (int i = 0; i < Math.min(frames.length, 40); i++) {
        b.append("\tat ").append(frames[i].getStackTraceElement()).append('\n');
      }
    }
    return b.toString();
  }
}
