package org.bigdatalab.dataflow;

/**
 * A keyed aggregate of longs that an engine can recognise from the plan, instead of reading an
 * opaque lambda: what {@link PairDataset#aggregateLongsByKey} computes for each key. Each is a
 * {@link #lift} of every value followed by a {@link #merge} of the lifted values, in any grouping
 * and order (merge is associative and commutative), so an engine may merge map-side, shuffle
 * partial results, and merge again:
 *
 * <ol>
 *   <li>{@code SUM} is exactly {@code reduceByKey(Long::sum)}: two's-complement add, wrapping on overflow;
 *   <li>{@code COUNT} is the number of records of the key (values of any type, never read), as
 *       {@code mapValues(v -> 1L).reduceByKey(Long::sum)};
 *   <li>{@code MIN} and {@code MAX} are exactly {@code reduceByKey(Math::min)} and {@code reduceByKey(Math::max)}.
 * </ol>
 *
 * Example: records {@code (a,3) (b,1) (a,-5)}: SUM {@code a=-2 b=1}, COUNT {@code a=2 b=1}, MIN
 * {@code a=-5 b=1}, MAX {@code a=3 b=1}. SUM, MIN and MAX read values as {@link Long}; a value of
 * another type fails the action with a {@link ClassCastException}, as the lambda would.
 */
public enum LongAggregate {
  SUM("sumByKey"), COUNT("countByKey"), MIN("minByKey"), MAX("maxByKey");

  private final String operation;

  LongAggregate(String operation) {
    this.operation = operation;
  }

  /** The operation's name in plans and stage metrics, e.g. {@code sumByKey}. */
  public String operation() { return operation; }

  /** One record's value as a partial aggregate. */
  public long lift(Object value) {
    return this == COUNT ? 1 : (Long) value;
  }

  /** Two partial aggregates of one key merged. */
  public long merge(long a, long b) {
    return switch (this) {
      case SUM, COUNT -> a + b;
      case MIN -> Math.min(a, b);
      case MAX -> Math.max(a, b);
    };
  }

  /**
   * {@link #merge} as the JDK method a {@code reduceByKey} would name ({@code Long::sum},
   * {@code Math::min}, {@code Math::max}), for engines that run the aggregate as that reduceByKey.
   */
  public Fn.Combine<Long> mergeFunction() {
    return switch (this) {
      case SUM, COUNT -> Long::sum;
      case MIN -> Math::min;
      case MAX -> Math::max;
    };
  }
}
