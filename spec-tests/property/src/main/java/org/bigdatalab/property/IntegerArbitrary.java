package org.bigdatalab.property;

/** Ints in a range; they shrink toward 0, or toward the bound nearest to it. */
public final class IntegerArbitrary implements Arbitrary<Integer> {
  private final int min;
  private final int max;

  IntegerArbitrary(int min, int max) {
    this.min = min;
    this.max = max;
  }

  public IntegerArbitrary between(int minValue, int maxValue) {
    return new IntegerArbitrary(minValue, maxValue);
  }

  public IntegerArbitrary greaterOrEqual(int minValue) {
    return new IntegerArbitrary(minValue, max);
  }

  public IntegerArbitrary lessOrEqual(int maxValue) {
    return new IntegerArbitrary(min, maxValue);
  }

  @Override
  public Integer generate(Source s) {
    return (int) Numbers.between(s, min, max);
  }
}
