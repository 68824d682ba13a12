package org.bigdatalab.cap.check;

import java.time.Duration;

/**
 * How much a check may spend before it answers "unknown": wall-clock time, and memory for the
 * configurations it remembers (Lowe's cache grows with the search, so it is what runs out first).
 */
public record Budget(Duration time, long memoryBytes) {
  public Budget {
    if (time.isNegative() || time.isZero() || memoryBytes <= 0) {
      throw new IllegalArgumentException("a budget needs some time and memory: " + time + ", " + memoryBytes);
    }
  }

  public static Budget of(Duration time) {
    return new Budget(time, 256L << 20);
  }

  /** A budget for checks inside the spec's properties: histories there are short, so this is never the limit. */
  public static final Budget SPEC = of(Duration.ofSeconds(10));
}
