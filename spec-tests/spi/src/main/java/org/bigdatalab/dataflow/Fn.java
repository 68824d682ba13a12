package org.bigdatalab.dataflow;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The function types a dataset description holds. All are {@link Serializable}, as in Spark, so a
 * real cluster can ship them to its executors; a lambda assigned to one of them is serializable
 * when what it captures is.
 */
public final class Fn {
  private Fn() {}

  /** One record to one record. */
  public interface Map<A, B> extends Function<A, B>, Serializable {}

  /** One record to any number of records. */
  public interface FlatMap<A, B> extends Function<A, Iterable<B>>, Serializable {}

  /** Keeps the records for which it is true. */
  public interface Predicate<A> extends java.util.function.Predicate<A>, Serializable {}

  /** An associative, commutative merge of two values (reduce, reduceByKey, the combine of aggregateByKey). */
  public interface Combine<A> extends BinaryOperator<A>, Serializable {}

  /** Folds one value into an accumulator (the sequence function of aggregateByKey). */
  public interface Fold<U, A> extends BiFunction<U, A, U>, Serializable {}

  /** A fresh zero accumulator, one per key and partition. */
  public interface Zero<U> extends Supplier<U>, Serializable {}

  /** A whole partition at once, with its index (mapPartitionsWithIndex). */
  public interface Partition<A, B> extends Serializable {
    List<B> apply(int partition, List<A> records);
  }

  /** An order on sort keys. */
  public interface Order<A> extends Comparator<A>, Serializable {}
}
