package org.bigdatalab.log;

import org.bigdatalab.spi.BadRecordException;

/**
 * A record the consumer's deserializer refused, where it is: one line, {@code topic/partition@offset:
 * field: problem}, as the project's readers report {@code file:line: field: problem}.
 */
public final class BadLogRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final int partition;
  private final long offset;

  public BadLogRecordException(String topic, int partition, long offset, BadRecordException cause) {
    super(topic + "/" + partition + "@" + offset + ": " + cause.getMessage(), cause);
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
  }

  public String topic() { return topic; }
  public int partition() { return partition; }
  public long offset() { return offset; }
}
