package org.bigdatalab.property;

/** Longs in a range; they shrink toward 0, or toward the bound nearest to it. */
public final class LongArbitrary implements Arbitrary<Long> {
  private final long min;
  private final long max;

  LongArbitrary(long min, long max) {
    this.min = min;
    this.max = max;
  }

  public LongArbitrary between(long minValue, long maxValue) {
    return new LongArbitrary(minValue, maxValue);
  }

  public LongArbitrary greaterOrEqual(long minValue) {
    return new LongArbitrary(minValue, max);
  }

  public LongArbitrary lessOrEqual(long maxValue) {
    return new LongArbitrary(min, maxValue);
  }

  @Override
  public Long generate(Source s) {
    return Numbers.between(s, min, max);
  }
}
