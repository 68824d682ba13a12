package org.bigdatalab.log;

import java.util.List;

/**
 * What one poll of a partition returned: the deserialized values with their positions, the offset
 * to read from next, and the records skipped as bad (only under {@link OnBadRecord#SKIP}).
 */
public record Polled<T>(List<Value<T>> values, long nextOffset, List<Skipped> skipped) {

  public Polled {
    values = List.copyOf(values);
    skipped = List.copyOf(skipped);
  }

  /** A deserialized value and where its record is. */
  public record Value<T>(int partition, long offset, long timestamp, T value) {}

  /** A record set aside: where it is and why ({@code field: problem}). */
  public record Skipped(int partition, long offset, String reason) {}
}
