package com.etoaudiobook.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the S3 requests of this process by operation and by the pool that made them ("part" for
 * the synthesis of parts, "cache-writer", the pollers, the API): what storage costs per part, in
 * requests as AWS bills them. Every S3 client of {@link AwsClients} reports here.
 */
public final class StorageRequests implements ExecutionInterceptor {
  static final StorageRequests INSTANCE = new StorageRequests();
  private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

  private StorageRequests() {
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    COUNTS.computeIfAbsent(pool(Thread.currentThread().getName()) + " " + operation, k -> new LongAdder())
        .increment();
  }

  /** "part-12" → "part": a pool's threads are named "{pool}-{n}". */
  static String pool(String thread) {
    int dash = thread.lastIndexOf('-');
    return dash > 0 && thread.substring(dash + 1).chars().allMatch(Character::isDigit)
        ? thread.substring(0, dash) : thread;
  }

  /** Requests so far, "pool Operation" → count, sorted. */
  public static Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    COUNTS.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
