package com.etoaudiobook.aws;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Lambda's SQS batch contract in one place, after Powertools' batch module: each message's body is
 * read into an item (a body that is not one is logged, counted and dropped, since no retry can fix
 * it), the items are handled, and only the messages that failed are reported back (a partial batch
 * response), so SQS redelivers those alone. The worker and the assembler both handle their batches
 * through here.
 */
public final class SqsBatch {
  private static final Logger LOG = LoggerFactory.getLogger(SqsBatch.class);

  private SqsBatch() {
  }

  /** One readable message: its body as an item, and what SQS says about its deliveries. */
  public record Item<T>(SQSEvent.SQSMessage message, T body) {
    public String id() {
      return message.getMessageId();
    }

    public String receiptHandle() {
      return message.getReceiptHandle();
    }

    /** The message's ApproximateReceiveCount (1 on a first delivery, and when unknown). */
    public int receiveCount() {
      String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
      try {
        return count == null ? 1 : Integer.parseInt(count);
      } catch (NumberFormatException e) {
        return 1;
      }
    }
  }

  /** Handles a batch's items together; answers the ids of the messages to report as failed. */
  @FunctionalInterface
  public interface BatchHandler<T> {
    Collection<String> handle(List<Item<T>> items);
  }

  /** Handles one item; anything it throws reports that message as failed (SQS delivers it again). */
  @FunctionalInterface
  public interface ItemHandler<T> {
    void handle(Item<T> item);
  }

  /**
   * @param queue  the queue's name in metrics and logs ("synthesis", "assembly")
   * @param reader a message body into an item; null or an exception: malformed, dropped
   */
  public static <T> SQSBatchResponse processBatch(String queue, SQSEvent event, Metrics metrics,
                                                  Function<String, T> reader, BatchHandler<T> handler) {
    List<Item<T>> items = read(queue, event, metrics, reader);
    return response(items.isEmpty() ? List.of() : handler.handle(items));
  }

  /** The same, one item after another: a failed item does not stop the others. */
  public static <T> SQSBatchResponse processEach(String queue, SQSEvent event, Metrics metrics,
                                                 Function<String, T> reader, ItemHandler<T> handler) {
    return processBatch(queue, event, metrics, reader, items -> {
      List<String> failed = new ArrayList<>();
      for (Item<T> item : items) {
        try {
          handler.handle(item);
        } catch (RuntimeException e) {
          LOG.warn("{} message {} failed, will retry: {}", queue, item.id(), e.toString());
          metrics.count("Failures", 1, "Reason", Metrics.reason(e));
          failed.add(item.id());
        }
      }
      return failed;
    });
  }

  private static <T> List<Item<T>> read(String queue, SQSEvent event, Metrics metrics, Function<String, T> reader) {
    List<Item<T>> items = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (SQSEvent.SQSMessage m : event.getRecords()) {
      metrics.queueWait(m.getAttributes(), now, queue);
      T body;
      try {
        body = reader.apply(m.getBody());
      } catch (RuntimeException e) {
        body = null;
      }
      if (body == null) {
        LOG.error("dropping malformed {} message {}", queue, m.getMessageId());
        metrics.count("Failures", 1, "Reason", "MalformedMessage");
        continue;
      }
      items.add(new Item<>(m, body));
    }
    return items;
  }

  private static SQSBatchResponse response(Collection<String> failedIds) {
    return SQSBatchResponse.builder().withBatchItemFailures(failedIds.stream()
        .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build()).toList()).build();
  }
}
