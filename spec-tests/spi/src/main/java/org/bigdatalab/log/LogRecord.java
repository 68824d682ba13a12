package org.bigdatalab.log;

import java.util.Objects;

/**
 * What a producer appends: a key (may be null, as in Kafka), a value, and the record's own
 * timestamp (event time, milliseconds). Values are text (UTF-8 on disk and on the wire); a consumer
 * deserializes them with a {@link org.bigdatalab.streaming.StreamFns.Parser}.
 */
public record LogRecord(String key, String value, long timestamp) {

  public LogRecord {
    Objects.requireNonNull(value, "value");
  }

  public static LogRecord of(String key, String value, long timestamp) {
    return new LogRecord(key, value, timestamp);
  }

  @Override
  public String toString() { return (key == null ? "" : key + "=") + value + "@" + timestamp; }
}
