package org.bigdatalab.mapreduce;

import java.io.Serializable;
import java.util.Comparator;
import java.util.function.Function;

/** A serializable comparator of map output keys (sort and grouping comparators). */
@FunctionalInterface
public interface KeyComparator<K> extends Comparator<K>, Serializable {

  @SuppressWarnings({"unchecked", "rawtypes"})
  static <K> KeyComparator<K> natural() {
    return (a, b) -> ((Comparable) a).compareTo(b);
  }

  static <K> KeyComparator<K> reversed(KeyComparator<K> order) {
    return (a, b) -> order.compare(b, a);
  }

  /** Compares by a part of the key, e.g. the first half of a composite key. */
  static <K, P extends Comparable<? super P>> KeyComparator<K> by(SerializableFunction<K, P> part) {
    return (a, b) -> part.apply(a).compareTo(part.apply(b));
  }

  /** A function that can travel with the job. */
  interface SerializableFunction<A, B> extends Function<A, B>, Serializable {}
}
