package org.bigdatalab.property;

/** Integers in a range, drawn so that they shrink toward 0 (or the bound nearest to it). */
final class Numbers {
  private Numbers() {}

  static long between(Source s, long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
    }
    if (min >= 0) {
      return min + s.choice(max - min);
    }
    if (max <= 0) {
      return max - s.choice(max - min);
    }
    // Crosses 0: a sign, then a magnitude, so both shrink toward 0.
    boolean negative = s.choice(1) == 1;
    if (!negative) {
      return s.choice(max);
    }
    long magnitude = s.choice(min == Long.MIN_VALUE ? Long.MAX_VALUE : -min);
    return -magnitude;
  }
}
