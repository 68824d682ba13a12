package org.bigdatalab.dataflow;

import java.io.Serializable;

/**
 * The keyed aggregates count, sum, min and max of one key, and avg as sum / count. Two partial
 * stats merge exactly, which is what makes two-phase (salted) aggregation correct for all five:
 * the average of averages would not be.
 */
public record KeyStats(long count, long sum, long min, long max) implements Serializable {

  public static final KeyStats EMPTY = new KeyStats(0, 0, Long.MAX_VALUE, Long.MIN_VALUE);

  public static KeyStats of(long value) {
    return new KeyStats(1, value, value, value);
  }

  public KeyStats add(long value) {
    return merge(of(value));
  }

  public KeyStats merge(KeyStats other) {
    return new KeyStats(count + other.count, sum + other.sum, Math.min(min, other.min), Math.max(max, other.max));
  }

  public double avg() {
    return count == 0 ? Double.NaN : (double) sum / count;
  }
}
