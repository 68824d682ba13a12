package org.bigdatalab.workloads;

import java.util.Objects;

/**
 * What one line {@code key,timestamp,value} of an events file holds, as {@link EventCsvReader}
 * returns it. Separate from {@link Event}, whose sequence and late flag a file does not keep.
 */
public record CsvEvent(String key, long timestampMillis, long value) {
  public CsvEvent {
    Objects.requireNonNull(key, "key");
  }
}
