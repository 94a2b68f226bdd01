package com.etoaudiobook.aws.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The process's one Lettuce client for REDIS_URL (one event loop, one set of threads), shared by the
 * voice catalog and the limiters: each opens its own connection with its own timeout, so a slow
 * catalog read never holds up a rate-limit check. No background reconnects: a caller whose
 * connection failed drops it and connects afresh when it decides to try again.
 */
public final class Redis implements AutoCloseable {
  /** Bound on any connect; each caller's own (shorter) timeout applies first. */
  private static final Duration CONNECT_LIMIT = Duration.ofSeconds(2);

  private final String url;
  private final RedisClient client;

  /** @param url redis:// or rediss:// */
  public Redis(String url) {
    this.url = url;
    this.client = RedisClient.create();
    client.setOptions(ClientOptions.builder()
        .autoReconnect(false)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_LIMIT).build())
        // commands time out after their connection's timeout (set per connection below)
        .timeoutOptions(TimeoutOptions.enabled())
        .build());
  }

  public String url() {
    return url;
  }

  /**
   * A new connection whose connect and commands take at most {@code timeout}; throws (a Lettuce
   * exception) when Redis cannot be reached in that time.
   */
  public StatefulRedisConnection<String, String> connect(Duration timeout) {
    return connect(timeout, timeout);
  }

  /**
   * A new connection made within {@code connectTimeout} whose commands take at most
   * {@code commandTimeout}: a connection's set-up (a handshake of several commands) may take
   * longer on a busy machine than the short wait a caller allows each command.
   */
  public StatefulRedisConnection<String, String> connect(Duration connectTimeout, Duration commandTimeout) {
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(connectTimeout);
    ConnectionFuture<StatefulRedisConnection<String, String>> future = client.connectAsync(StringCodec.UTF8, uri);
    try {
      StatefulRedisConnection<String, String> c = future.get(connectTimeout.toNanos(), TimeUnit.NANOSECONDS);
      c.setTimeout(commandTimeout);
      return c;
    } catch (TimeoutException e) {
      future.thenAccept(StatefulRedisConnection::closeAsync); // should it connect after all
      throw new RedisConnectionException("no connection to " + uri.getHost() + " within " + connectTimeout.toMillis()
          + " ms");
    } catch (ExecutionException e) {
      throw RedisConnectionException.create(uri.getHost() + ":" + uri.getPort(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisConnectionException("interrupted while connecting to " + uri.getHost(), e);
    }
  }

  /**
   * Runs {@code connect} on a thread of its own, so that the first caller finds a connection made
   * instead of waiting for it; not while Lambda takes a SnapStart snapshot (a connection made then
   * would not survive the restore, and the first caller would wait on it). Failures are left to the
   * first caller to meet.
   */
  public static void connectAhead(String name, Runnable connect) {
    if ("snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        connect.run();
      } catch (RuntimeException e) {
        // the first caller connects again and meets the failure itself
      }
    }, name + "-connect");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
  }
}
