package org.bigdatalab.workloads;

import java.util.Objects;

/**
 * One keyed event from {@link TimestampedEventGenerator}. {@code sequence} is its arrival
 * position (0-based); {@code late} says the generator made it late on purpose, so a test can
 * check that an engine sends exactly these to the late side output.
 */
public record Event(String key, long eventTimeMillis, long value, long sequence, boolean late) {
  public Event {
    Objects.requireNonNull(key, "key");
  }

  /** The CSV line {@code key,timestamp,value} (no newline), readable by {@link EventCsvReader}. */
  public String toCsvLine() {
    return key + ',' + eventTimeMillis + ',' + value;
  }

  /** What a CSV line of this event holds. */
  public CsvEvent toCsvEvent() {
    return new CsvEvent(key, eventTimeMillis, value);
  }
}
