package org.bigdatalab.dataflow;

import java.util.List;
import java.util.Optional;

/**
 * What an engine is asked to compute from a plan; the only thing that makes a plan run. The type
 * parameter is the result's type. Engines switch over the six kinds.
 */
public sealed interface Action<R> {

  Plan plan();

  /** Every record, partition after partition (so in order where the plan promises one). */
  record Collect<T>(Plan plan) implements Action<List<T>> {}

  /** Every partition as a list, empty ones included (Spark's {@code glom().collect()}). */
  record CollectPartitions<T>(Plan plan) implements Action<List<List<T>>> {}

  record Count(Plan plan) implements Action<Long> {}

  /** All records merged with an associative, commutative function; empty when there are none. */
  record Reduce<T>(Plan plan, Fn.Combine<Object> f) implements Action<Optional<T>> {}

  /** The first n records in partition order. */
  record Take<T>(Plan plan, int n) implements Action<List<T>> {
    public Take {
      if (n < 0) {
        throw new IllegalArgumentException("take needs n >= 0, got " + n);
      }
    }
  }

  /**
   * Writes each partition as {@code part-NNNNN} (one {@code String.valueOf(record)} per line) and a
   * {@code _SUCCESS} marker into {@code dir}, which must not exist; on failure {@code dir} is not
   * left behind. Returns the records written.
   */
  record Save(Plan plan, String dir) implements Action<Long> {}

  static <T> Collect<T> collect(Dataset<T> ds) { return new Collect<>(ds.plan()); }

  static <T> CollectPartitions<T> collectPartitions(Dataset<T> ds) { return new CollectPartitions<>(ds.plan()); }

  static Count count(Dataset<?> ds) { return new Count(ds.plan()); }

  @SuppressWarnings("unchecked")
  static <T> Reduce<T> reduce(Dataset<T> ds, Fn.Combine<T> f) {
    return new Reduce<>(ds.plan(), (Fn.Combine<Object>) (Fn.Combine<?>) f);
  }

  static <T> Take<T> take(Dataset<T> ds, int n) { return new Take<>(ds.plan(), n); }

  static Save save(Dataset<?> ds, java.nio.file.Path dir) { return new Save(ds.plan(), dir.toString()); }
}
