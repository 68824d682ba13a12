package org.bigdatalab.dataflow.reference;

import java.util.Iterator;
import org.bigdatalab.dataflow.Fn;

/**
 * How a task merges its records per key for reduceByKey, aggregateByKey and groupByKey, on either
 * side of the shuffle. Both implementations give the same records in the same order (first-seen
 * key order); they differ in how they hold the keys: {@link MapMerge} in a LinkedHashMap (the
 * oracle, simple on purpose), {@link TableMerge} in dense arrays without a per-record allocation
 * (df-parallel).
 */
interface KeyedMerge {

  /** One record per key: its values merged with {@code f}. */
  Iterator<Object> reduce(Iterator<Object> records, Fn.Combine<Object> f);

  /** One record per key: its values folded into a fresh {@code zero()}. */
  Iterator<Object> fold(Iterator<Object> records, Fn.Zero<Object> zero, Fn.Fold<Object, Object> fold);

  /** One record per key: all its values as an immutable list. */
  Iterator<Object> group(Iterator<Object> records);
}
