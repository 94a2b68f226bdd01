package com.etoaudiobook.local.embedded;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lambda's side of an SQS invocation, for one queue: the {@link SQSEvent} it builds of received
 * messages (field for field, the attributes it always sends, the queue's ARN), and how it reads the
 * handler's {@link SQSBatchResponse} (ReportBatchItemFailures). {@link SqsPoller} does the polling.
 */
final class LambdaSqsEvents {
  private static final System.Logger LOG = System.getLogger(LambdaSqsEvents.class.getName());

  private final String queueArn;
  private final String region;

  LambdaSqsEvents(String queueArn, String region) {
    this.queueArn = queueArn;
    this.region = region;
  }

  /** The event Lambda would send: same fields, same attribute names, same ARN shape. */
  SQSEvent event(List<Message> messages) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>(messages.size());
    for (Message m : messages) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(m.messageId());
      record.setReceiptHandle(m.receiptHandle());
      record.setBody(m.body());
      record.setMd5OfBody(m.md5OfBody());
      record.setMd5OfMessageAttributes(m.md5OfMessageAttributes());
      Map<String, String> attributes = new LinkedHashMap<>(m.attributesAsStrings());
      // Lambda always sends these four; SenderId is the sending principal, the account locally.
      attributes.putIfAbsent("ApproximateReceiveCount", "1");
      attributes.putIfAbsent("SentTimestamp", Long.toString(System.currentTimeMillis()));
      attributes.putIfAbsent("SenderId", EmbeddedSqs.ACCOUNT);
      attributes.putIfAbsent("ApproximateFirstReceiveTimestamp", attributes.get("SentTimestamp"));
      record.setAttributes(attributes);
      Map<String, SQSEvent.MessageAttribute> messageAttributes = new LinkedHashMap<>();
      m.messageAttributes().forEach((name, value) -> messageAttributes.put(name, attribute(value)));
      record.setMessageAttributes(messageAttributes);
      record.setEventSource("aws:sqs");
      record.setEventSourceArn(queueArn);
      record.setAwsRegion(region);
      records.add(record);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
    SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
    a.setDataType(value.dataType());
    a.setStringValue(value.stringValue());
    a.setBinaryValue(value.binaryValue() == null ? null : value.binaryValue().asByteBuffer());
    // Lambda's JSON carries these lists even when empty.
    a.setStringListValues(new ArrayList<>(value.stringListValues()));
    List<ByteBuffer> binaries = new ArrayList<>();
    for (SdkBytes b : value.binaryListValues()) {
      binaries.add(b.asByteBuffer());
    }
    a.setBinaryListValues(binaries);
    return a;
  }

  /**
   * The ids to keep. As in Lambda: a null response or an empty list means all succeeded; a failure
   * naming an id not in the batch (or none) fails the whole batch.
   */
  static Set<String> failures(SQSBatchResponse response, Set<String> ids) {
    if (response == null || response.getBatchItemFailures() == null) {
      return Set.of();
    }
    Set<String> failed = new HashSet<>();
    for (SQSBatchResponse.BatchItemFailure f : response.getBatchItemFailures()) {
      String id = f == null ? null : f.getItemIdentifier();
      if (id == null || id.isBlank() || !ids.contains(id)) {
        LOG.log(System.Logger.Level.WARNING, "batchItemFailures names unknown id " + id + "; failing the batch");
        return ids;
      }
      failed.add(id);
    }
    return failed;
  }
}
