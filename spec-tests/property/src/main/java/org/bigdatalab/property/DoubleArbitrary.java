package org.bigdatalab.property;

/** Doubles in a range on a grid of 2^24 steps (ends included); they shrink toward the lower bound. */
public final class DoubleArbitrary implements Arbitrary<Double> {
  private static final long STEPS = 1L << 24;
  private final double min;
  private final double max;

  DoubleArbitrary(double min, double max) {
    if (!(min <= max)) {
      throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
    }
    this.min = min;
    this.max = max;
  }

  public DoubleArbitrary between(double minValue, double maxValue) {
    return new DoubleArbitrary(minValue, maxValue);
  }

  @Override
  public Double generate(Source s) {
    long step = s.choice(STEPS);
    return step == STEPS ? max : min + (max - min) * step / STEPS;
  }
}
